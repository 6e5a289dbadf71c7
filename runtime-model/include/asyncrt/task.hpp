// Task<T>: a lazy coroutine. Creating one runs nothing (initial_suspend is suspend_always);
// the body starts when the Task is co_awaited or handed to spawn / JoinSet::spawn / select /
// block_on. Destroying a Task that never started is the async-discarded-task hazard.
#pragma once
#include <coroutine>
#include <exception>
#include <source_location>
#include <type_traits>
#include <utility>

#include "asyncrt/detail/task_header.hpp"
#include "asyncrt/detail/unit.hpp"

namespace asyncrt {

template <class T = void>
class Task;

namespace detail {

template <class T>
struct is_task : std::false_type {};
template <class T>
struct is_task<Task<T>> : std::true_type {};

// Obtain the awaiter of an awaitable (member or free operator co_await, or itself).
template <class A>
decltype(auto) get_awaiter(A&& a) {
  if constexpr (requires { static_cast<A&&>(a).operator co_await(); }) {
    return static_cast<A&&>(a).operator co_await();
  } else if constexpr (requires { operator co_await(static_cast<A&&>(a)); }) {
    return operator co_await(static_cast<A&&>(a));
  } else {
    return static_cast<A&&>(a);
  }
}

// Marker for the awaiter of a child Task: awaiting it transfers control on this thread.
struct TaskAwaiterTag {};

// Every co_await in a Task goes through this wrapper (promise_type::await_transform). It is
// the runtime's per-suspension-point hook: the monitor checks held pthread locks and records
// which co_await the task is suspended at. When the monitor is off it is one branch.
template <class Aw>
struct Monitored {
  Aw inner;  // an awaiter, or a reference to one
  FrameBase* frame;
  Loc at;

  bool await_ready() { return inner.await_ready(); }
  template <class P>
  auto await_suspend(std::coroutine_handle<P> h) {
    if (monitor_on())
      on_await_suspend(frame, at,
                       std::is_base_of_v<TaskAwaiterTag, std::remove_cvref_t<Aw>>);
    return inner.await_suspend(h);
  }
  decltype(auto) await_resume() { return inner.await_resume(); }
};

template <class T>
struct ResultStore {
  Outcome<T> outcome;
  template <class U>
  void set_value(U&& v) {
    outcome.value.emplace(std::forward<U>(v));
  }
};

struct PromiseBase : FrameBase {
  explicit PromiseBase(const std::source_location& def_loc) {
    def = Loc::from(def_loc);
    if (monitor_on()) capture_creation(*this);
  }
  ~PromiseBase() {
    if (creation) release_creation(*this);
  }

  std::suspend_always initial_suspend() noexcept { return {}; }

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      FrameBase& p = h.promise();
      if (p.continuation) {  // back to the awaiting parent
        if (monitor_on()) on_child_return(p);
        return p.continuation;
      }
      if (p.root) {
        if (monitor_on()) on_root_return(p);
        p.root->complete_root();  // publishes the outcome and destroys this frame
      }
      return std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }

  template <class A>
  auto await_transform(A&& a, std::source_location at = std::source_location::current()) {
    using Aw = decltype(get_awaiter(static_cast<A&&>(a)));
    // Keep a reference when get_awaiter returned one (an lvalue awaiter lives in the
    // frame already); otherwise hold the awaiter by value.
    using Held = std::conditional_t<std::is_lvalue_reference_v<Aw>, Aw, std::remove_cvref_t<Aw>>;
    return Monitored<Held>{get_awaiter(static_cast<A&&>(a)), this, Loc::from(at)};
  }
};

template <class T>
struct Promise;

}  // namespace detail

template <class T>
class [[nodiscard]] Task {
 public:
  struct promise_type : detail::PromiseBase, detail::ResultStore<T> {
    // The defaulted argument is evaluated where the compiler constructs the promise, which
    // clang places at the coroutine's definition: that is Loc `def`.
    promise_type(std::source_location def_loc = std::source_location::current())
        : PromiseBase(def_loc) {}
    Task get_return_object() noexcept {
      return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    void unhandled_exception() noexcept { this->outcome.error = std::current_exception(); }

    template <class U = T>
      requires(!std::is_void_v<T> && std::is_convertible_v<U &&, T>)
    void return_value(U&& v, std::source_location at = std::source_location::current()) {
      this->set_value(std::forward<U>(v));
      if (detail::monitor_on()) ret = detail::Loc::from(at);
    }
  };

  Task() = default;
  Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  Task& operator=(Task&& o) noexcept {
    if (this != &o) {
      destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { destroy(); }

  bool valid() const noexcept { return static_cast<bool>(h_); }

  struct Awaiter : detail::TaskAwaiterTag {
    std::coroutine_handle<promise_type> h;
    bool await_ready() const noexcept { return !h || h.done(); }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> parent) noexcept {
      auto& p = h.promise();
      p.continuation = parent;
      p.started = true;
      if (detail::monitor_on()) {
        p.lock_baseline = detail::held_locks();
        detail::on_child_start(p);
      }
      return h;  // symmetric transfer: start the child on this thread
    }
    T await_resume() {
      if (!h) throw Cancelled{};
      return std::move(h.promise().outcome).take();
    }
  };
  Awaiter operator co_await() && noexcept { return Awaiter{{}, h_}; }
  Awaiter operator co_await() & noexcept { return Awaiter{{}, h_}; }

  // For the runtime: take the frame out (spawn, select, block_on adopt it).
  std::coroutine_handle<promise_type> release() noexcept {
    if (h_) h_.promise().adopted = true;
    return std::exchange(h_, {});
  }

 private:
  explicit Task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  void destroy() noexcept {
    if (!h_) return;
    auto& p = h_.promise();
    if (!p.started && !p.adopted && detail::monitor_on()) detail::on_task_discarded(p);
    h_.destroy();
    h_ = {};
  }
  std::coroutine_handle<promise_type> h_;
};

// void specialization of the promise's return: a separate partial would duplicate the class,
// so Task<void> gets return_void through this constrained overload set instead.
template <>
struct Task<void>::promise_type : detail::PromiseBase, detail::ResultStore<void> {
  promise_type(std::source_location def_loc = std::source_location::current())
      : PromiseBase(def_loc) {}
  Task get_return_object() noexcept {
    return Task{std::coroutine_handle<promise_type>::from_promise(*this)};
  }
  void unhandled_exception() noexcept { this->outcome.error = std::current_exception(); }
  void return_void(std::source_location at = std::source_location::current()) {
    this->outcome.value.emplace();
    if (detail::monitor_on()) ret = detail::Loc::from(at);
  }
};

}  // namespace asyncrt
