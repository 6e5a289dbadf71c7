// select(a, b, ...): run two or more awaitables concurrently; the first to finish wins and
// the others are cancelled (their frames destroyed, RAII run) before select returns.
//   auto r = co_await select(op_a(), op_b());
//   if (r.index() == 0) use(std::get<0>(r));
// The result is a std::variant with one alternative per branch (void becomes Unit). A
// winning branch's exception is rethrown.
//
// timeout(d, aw): Expected<T, Elapsed>: the value, or Elapsed if `d` passed first.
//
// Each branch runs as a "scoped child" task of the awaiting task: it may borrow from the
// awaiting frame, so that frame is never destroyed (even on cancellation) while a branch
// still runs. Lvalue awaitables are borrowed; rvalues are moved into the branch.
#pragma once
#include <array>
#include <chrono>
#include <mutex>
#include <tuple>
#include <variant>

#include "asyncrt/expected.hpp"
#include "asyncrt/join.hpp"
#include "asyncrt/time.hpp"

namespace asyncrt {

struct Elapsed {};

namespace detail {

template <class A>
using await_result_t = decltype(get_awaiter(std::declval<A>()).await_resume());

template <class R, class A>
Task<R> branch_task(A aw) {
  if constexpr (std::is_void_v<R>) {
    co_await static_cast<A&&>(aw);
  } else {
    co_return co_await static_cast<A&&>(aw);
  }
}

template <class A>
auto as_task(A&& a) {
  using D = std::remove_cvref_t<A>;
  if constexpr (is_task<D>::value && !std::is_lvalue_reference_v<A>) {
    return D(std::move(a));
  } else {
    using R = await_result_t<A&&>;
    // An lvalue is borrowed (A is a reference type), an rvalue moved in.
    return branch_task<R, A>(static_cast<A&&>(a));
  }
}

template <class... Rs>
struct SelectState final : ScopeHook {
  static constexpr std::size_t N = sizeof...(Rs);
  std::atomic<int> refs{1 + static_cast<int>(N)};  // the awaiter and one per branch
  std::mutex mu;
  int winner = -1;
  std::optional<std::variant<stored_t<Rs>...>> value;
  std::exception_ptr error;
  std::size_t remaining = N;
  Waker parent;
  TaskHeader* parent_task = nullptr;
  std::array<Abortable*, N> children{};

  ~SelectState() override {
    for (Abortable* c : children)
      if (c) c->unref();
  }
  void unref() noexcept {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  void abort_children() noexcept override { abort_except(-1); }
  void abort_except(int keep) noexcept {
    std::array<Abortable*, N> cs{};
    {
      std::lock_guard lk(mu);
      cs = children;
      for (Abortable* c : cs)
        if (c) c->ref();
    }
    for (std::size_t i = 0; i < N; ++i) {
      if (!cs[i]) continue;
      if (static_cast<int>(i) != keep) cs[i]->abort();
      cs[i]->unref();
    }
  }
};

template <std::size_t I, class R, class... Rs>
struct BranchSink final : Sink<R> {
  SelectState<Rs...>* st;
  explicit BranchSink(SelectState<Rs...>* s) : st(s) {}
  void complete(Outcome<R>&& o) noexcept override {
    bool won = false, last;
    {
      std::lock_guard lk(st->mu);
      if (st->winner < 0 && !o.cancelled) {
        st->winner = static_cast<int>(I);
        won = true;
        if (o.error)
          st->error = o.error;
        else
          st->value.emplace(std::in_place_index<I>, std::move(*o.value));
      }
      last = --st->remaining == 0;
      // Under the lock: once the last branch has counted down, the parent may go away.
      st->parent_task->scoped_children.fetch_sub(1, std::memory_order_acq_rel);
    }
    if (won) st->abort_except(static_cast<int>(I));
    if (last) st->parent.wake();
    st->unref();
    delete this;
  }
};

template <class... Rs>
class SelectAwaiter {
 public:
  using Result = std::variant<stored_t<Rs>...>;
  explicit SelectAwaiter(Task<Rs>&&... ts) : branches_(std::move(ts)...) {}
  SelectAwaiter(SelectAwaiter&& o) noexcept
      : branches_(std::move(o.branches_)), st_(std::exchange(o.st_, nullptr)) {}
  ~SelectAwaiter() {
    if (st_) st_->unref();
  }

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) {
    Core* core = Core::current();
    st_ = new SelectState<Rs...>();
    st_->parent = Waker::current(h);
    st_->parent_task = st_->parent.task();
    st_->parent_task->scope = st_;
    st_->parent_task->scope_aborted = false;
    st_->parent_task->scoped_children.fetch_add(static_cast<int>(sizeof...(Rs)),
                                                std::memory_order_acq_rel);
    start_all(core, std::index_sequence_for<Rs...>{});
  }
  Result await_resume() {
    current_task()->scope = nullptr;
    std::lock_guard lk(st_->mu);
    if (st_->error) std::rethrow_exception(st_->error);
    if (!st_->value) throw Cancelled{};
    return std::move(*st_->value);
  }

 private:
  template <std::size_t... I>
  void start_all(Core* core, std::index_sequence<I...>) {
    (start_one<I>(core), ...);
  }
  template <std::size_t I>
  void start_one(Core* core) {
    using R = std::tuple_element_t<I, std::tuple<Rs...>>;
    Abortable* child = nullptr;
    auto* sink = new BranchSink<I, R, Rs...>(st_);
    start_task<R>(core, std::move(std::get<I>(branches_)), sink, nullptr, &child);
    bool late;
    {
      std::lock_guard lk(st_->mu);
      st_->children[I] = child;
      late = st_->winner >= 0 && st_->winner != static_cast<int>(I);
    }
    if (late) child->abort();  // another branch already won
  }

  std::tuple<Task<Rs>...> branches_;
  SelectState<Rs...>* st_ = nullptr;
};

template <class T>
struct task_result;
template <class T>
struct task_result<Task<T>> {
  using type = T;
};

}  // namespace detail

template <class... A>
  requires(sizeof...(A) >= 2)
auto select(A&&... aws) {
  return detail::SelectAwaiter<
      typename detail::task_result<decltype(detail::as_task(std::declval<A&&>()))>::type...>(
      detail::as_task(static_cast<A&&>(aws))...);
}

template <class R>
class TimeoutAwaiter {
 public:
  TimeoutAwaiter(Task<R>&& t, Sleep&& s)
      : inner_(std::move(t), detail::branch_task<void, Sleep>(std::move(s))) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { inner_.await_suspend(h); }
  Expected<R, Elapsed> await_resume() {
    auto r = inner_.await_resume();
    if (r.index() == 1) return unexpected(Elapsed{});
    if constexpr (std::is_void_v<R>) {
      return {};
    } else {
      return Expected<R, Elapsed>(std::move(std::get<0>(r)));
    }
  }

 private:
  detail::SelectAwaiter<R, void> inner_;
};

// Await `aw`, giving up after `d`.
template <class Rep, class Period, class A>
auto timeout(std::chrono::duration<Rep, Period> d, A&& aw) {
  auto t = detail::as_task(static_cast<A&&>(aw));
  using R = typename detail::task_result<decltype(t)>::type;
  return TimeoutAwaiter<R>(std::move(t), sleep(d));
}

}  // namespace asyncrt
