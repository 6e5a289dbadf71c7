// spawn() and JoinHandle<T>, Tokio's semantics: the task starts running at once, in parallel
// with the spawner; co_await the handle for its value (or its exception, or Cancelled after
// abort()); dropping the handle detaches the task, which keeps running and whose result is
// then lost - if that result is an exception the monitor reports async-ignored-join-handle.
#pragma once
#include <mutex>
#include <source_location>
#include <stdexcept>
#include <string>

#include "asyncrt/detail/spawned_task.hpp"
#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

template <class T>
class JoinSet;

namespace detail {

inline std::string describe(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "non-std exception";
  }
}

struct JoinListener;

// What a JoinHandle and the task (or blocking job) share.
template <class T>
struct JoinState final : Sink<T> {
  std::atomic<uint32_t> refs{2};  // the handle and the producer
  std::mutex mu;
  Outcome<T> out;
  bool done = false;
  bool detached = false;  // the handle was dropped or detach()ed
  bool observed = false;  // someone took the outcome
  Abortable* target = nullptr;  // ref'd until done
  WaitNode* waiter = nullptr;   // the one co_await on the handle
  JoinListener* listener = nullptr;  // a JoinSet collecting this state
  Loc site;

  void unref() noexcept {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

  void complete(Outcome<T>&& o) noexcept override;

  // The producer side of spawn_blocking publishes through the same call.
  void abort() noexcept {
    Abortable* t = nullptr;
    {
      std::lock_guard lk(mu);
      if (!done && target) {
        t = target;
        t->ref();
      }
    }
    if (t) {
      t->abort();
      t->unref();
    }
  }

  // The handle goes away without having taken the outcome.
  void detach() noexcept {
    bool lost = false;
    std::string what;
    {
      std::lock_guard lk(mu);
      detached = true;
      if (done && out.error && !observed) {
        lost = true;
        observed = true;
        if (monitor_on()) what = describe(out.error);
      }
    }
    if (lost && monitor_on()) on_lost_error(site, what);
    unref();
  }
};

// A JoinSet listens to its states' completion. on_complete is called under the completing
// state's lock (lock order: state, then set), so a set that clears `listener` under that lock
// knows no call is in flight once it has; it returns the joiner to wake, which the state wakes
// after releasing its lock (the set may be gone by then).
struct JoinListener {
  virtual Waker on_complete(void* state) noexcept = 0;
  virtual ~JoinListener() = default;
};

template <class T>
void JoinState<T>::complete(Outcome<T>&& o) noexcept {
  Waker w, joiner;
  Abortable* t = nullptr;
  JoinListener* l = nullptr;
  bool lost = false;
  std::string what;
  {
    std::lock_guard lk(mu);
    out = std::move(o);
    done = true;
    t = std::exchange(target, nullptr);
    if (waiter) {
      waiter->granted = true;
      w = std::move(waiter->waker);
      waiter = nullptr;
    }
    l = listener;
    if (l) joiner = l->on_complete(this);
    if (!l && detached && out.error && !observed) {
      lost = true;
      observed = true;
      if (monitor_on()) what = describe(out.error);
    }
  }
  if (lost && monitor_on()) on_lost_error(site, what);
  w.wake();
  joiner.wake();
  if (t) t->unref();
  unref();  // the producer's reference
}

}  // namespace detail

template <class T = void>
class JoinHandle {
 public:
  JoinHandle() = default;
  explicit JoinHandle(detail::JoinState<T>* s) noexcept : s_(s) {}
  JoinHandle(JoinHandle&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  JoinHandle& operator=(JoinHandle&& o) noexcept {
    if (this != &o) {
      detach();
      s_ = std::exchange(o.s_, nullptr);
    }
    return *this;
  }
  // Dropping the handle detaches the task (it keeps running; its result is lost).
  ~JoinHandle() { detach(); }

  // Cancel the task: it is never resumed again and its frame is destroyed (its RAII guards
  // run). Awaiting the handle afterwards throws Cancelled unless the task had finished.
  void abort() noexcept {
    if (s_) s_->abort();
  }
  // Explicitly let the task run on without a handle.
  void detach() noexcept {
    if (auto* s = std::exchange(s_, nullptr)) s->detach();
  }
  bool valid() const noexcept { return s_ != nullptr; }
  bool is_finished() const {
    if (!s_) return true;
    std::lock_guard lk(s_->mu);
    return s_->done;
  }

  struct Awaiter {
    detail::JoinState<T>* s;
    detail::WaitNode node;

    Awaiter(detail::JoinState<T>* st) : s(st) {}
    Awaiter(Awaiter&& o) noexcept : s(o.s) {}  // only moved before it is awaited
    ~Awaiter() {
      if (s && node.linked) {
        std::lock_guard lk(s->mu);
        if (s->waiter == &node) s->waiter = nullptr;
        node.linked = false;
      }
    }
    bool await_ready() {
      if (!s) throw std::logic_error("asyncrt: awaiting an empty JoinHandle");
      std::lock_guard lk(s->mu);
      return s->done;
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node.waker = detail::Waker::current(h);
      std::lock_guard lk(s->mu);
      if (s->done) return false;
      s->waiter = &node;
      node.linked = true;
      return true;
    }
    T await_resume() {
      node.linked = false;
      detail::Outcome<T> o;
      {
        std::lock_guard lk(s->mu);
        s->observed = true;
        o = std::move(s->out);
      }
      return o.take();
    }
  };
  // A handle can be awaited once; the outcome is moved out.
  Awaiter operator co_await() & noexcept { return Awaiter{s_}; }
  Awaiter operator co_await() && noexcept { return Awaiter{s_}; }

 private:
  detail::JoinState<T>* s_ = nullptr;
};

namespace detail {
inline Core& core_or_throw() {
  Core* c = Core::current();
  if (!c) throw std::logic_error("asyncrt: spawn outside a runtime (use Runtime::spawn)");
  return *c;
}

template <class T>
JoinHandle<T> spawn_on(Core& core, Task<T>&& task, const std::source_location& at) {
  auto* st = new JoinState<T>();
  st->site = Loc::from(at);
  SpawnSite* site = monitor_on() ? on_spawn(st->site) : nullptr;
  start_task<T>(&core, std::move(task), st, site, &st->target);  // ref'd for abort()
  return JoinHandle<T>(st);
}
}  // namespace detail

// Run `task` concurrently on the current runtime.
template <class T>
JoinHandle<T> spawn(Task<T> task, std::source_location at = std::source_location::current()) {
  return detail::spawn_on(detail::core_or_throw(), std::move(task), at);
}

}  // namespace asyncrt
