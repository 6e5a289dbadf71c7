// The schedulable unit. A spawned task is a TaskHeader that owns the outermost coroutine
// frame of a Task<T>; nested Tasks run inside it by symmetric transfer. The scheduler's
// queues hold TaskHeader*, and `next` is the innermost suspended frame to resume.
#pragma once
#include <atomic>
#include <coroutine>
#include <cstdint>

#include "asyncrt/detail/loc.hpp"
#include "asyncrt/detail/monitor_hooks.hpp"

namespace asyncrt::detail {

class Core;

// Every Task<T> promise starts with this, so the monitor and the scheduler can treat frames
// alike without knowing T.
struct FrameBase {
  std::coroutine_handle<> continuation;  // the awaiting parent frame, if any
  TaskHeader* root = nullptr;            // set when this frame is a spawned task's outermost
  long lock_baseline = 0;                // monitor: held pthread locks when this frame resumed
  bool started = false;                  // the body began (awaited or spawned and run)
  bool adopted = false;                  // handed to spawn/select: not "discarded" if unrun
  Loc def;                               // where the coroutine is defined
  Loc ret;                               // monitor: where it co_returned
  Loc awaited_at;                        // monitor: the parent's co_await that started it
  void** creation = nullptr;             // monitor: return addresses at creation
};

// Something a JoinHandle can abort: a task, or a not-yet-started blocking job.
struct Abortable {
  std::atomic<uint32_t> refs{1};
  virtual void abort() noexcept = 0;
  virtual ~Abortable() = default;
  void ref() noexcept { refs.fetch_add(1, std::memory_order_relaxed); }
  void unref() noexcept {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
};

// Select awaits its branches as "scoped children": the parent cannot be destroyed while
// one of them still runs (they may borrow from the parent's frame), so cancelling a parent
// first aborts its children through this hook and waits for them.
struct ScopeHook {
  virtual void abort_children() noexcept = 0;
  virtual ~ScopeHook() = default;
};

struct TaskHeader : Abortable {
  enum State : uint32_t { kIdle, kScheduled, kRunning, kNotified, kDone };

  std::atomic<uint32_t> state{kScheduled};
  std::atomic<bool> cancel_requested{false};
  std::atomic<int> scoped_children{0};
  ScopeHook* scope = nullptr;  // written by the task itself before it suspends in select
  bool scope_aborted = false;  // touched only by the worker that owns the task
  std::coroutine_handle<> next;
  Core* core = nullptr;
  // Where the task runs when it is scheduled: the runtime's workers (false) or the
  // spawn_blocking pool (true, after `co_await on(blocking_pool())`). Written by the task
  // itself while it runs, read by whoever schedules it next.
  std::atomic<bool> on_blocking_pool{false};
  // Monitor state, written only by the task itself while it runs.
  FrameBase* suspended_frame = nullptr;
  Loc suspend_loc;
  SpawnSite* site = nullptr;
  // Intrusive registry of live tasks (Core), so shutdown can find suspended ones.
  TaskHeader* reg_prev = nullptr;
  TaskHeader* reg_next = nullptr;

  // Make the task runnable (a waker fired). Safe from any thread, any number of times.
  void wake() noexcept;
  // Request cancellation: the task will never be resumed again; its frame is destroyed.
  void abort() noexcept override;

  // The outermost frame returned (called from its final_suspend): publish the outcome.
  virtual void complete_root() noexcept = 0;
  // Destroy the frame chain without resuming it and publish "cancelled".
  virtual void cancel_frame() noexcept = 0;
};

// The task running on this thread, if any.
TaskHeader* current_task() noexcept;

// A reference to a suspended task; waking it consumes the reference.
class Waker {
 public:
  Waker() = default;
  explicit Waker(TaskHeader* t) noexcept : t_(t) {}
  Waker(Waker&& o) noexcept : t_(o.t_) { o.t_ = nullptr; }
  Waker& operator=(Waker&& o) noexcept {
    if (this != &o) {
      reset();
      t_ = o.t_;
      o.t_ = nullptr;
    }
    return *this;
  }
  ~Waker() { reset(); }

  // The running task will suspend at `h`; returns a waker for it.
  static Waker current(std::coroutine_handle<> h);

  explicit operator bool() const noexcept { return t_ != nullptr; }
  void wake() noexcept {
    if (TaskHeader* t = t_) {
      t_ = nullptr;
      t->wake();
      t->unref();
    }
  }
  void reset() noexcept {
    if (t_) t_->unref();
    t_ = nullptr;
  }
  TaskHeader* task() const noexcept { return t_; }

 private:
  TaskHeader* t_ = nullptr;
};

}  // namespace asyncrt::detail
