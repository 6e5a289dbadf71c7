// The scheduler behind a Runtime. Header-only parts (spawn, sleep, spawn_blocking, block_on)
// reach it through these entry points; the state and the worker loop are in src/core.cpp.
#pragma once
#include <atomic>
#include <cstddef>
#include <memory>

#include "asyncrt/detail/task_header.hpp"
#include "asyncrt/detail/timer.hpp"

namespace asyncrt::detail {

// A job for the spawn_blocking pool.
struct BlockingJob : Abortable {
  std::atomic<bool> cancelled{false};
  virtual void run() noexcept = 0;     // on a pool thread
  virtual void cancel() noexcept = 0;  // never ran: publish "cancelled"
  void abort() noexcept override { cancelled.store(true, std::memory_order_relaxed); }
};

struct CoreOptions {
  unsigned workers = 0;  // 0: current-thread flavour (the block_on caller runs tasks)
  unsigned max_blocking_threads = 64;
};

struct CoreWorker;

class Core {
 public:
  explicit Core(const CoreOptions& o);
  ~Core();  // shutdown(), then frees everything
  Core(const Core&) = delete;
  Core& operator=(const Core&) = delete;

  // The runtime of the calling thread: the running task's, else the one this thread is a
  // worker of or is inside block_on of. Null outside every runtime.
  static Core* current() noexcept;

  // Make a new task known (registry) and runnable. Takes over the header's initial ref.
  void spawn(TaskHeader* t) noexcept;
  // Queue a task that a waker just moved to kScheduled.
  void schedule(TaskHeader* t) noexcept;
  // The task finished (returned or cancelled): forget it.
  void retire(TaskHeader* t) noexcept;

  // Run a scheduled task on the calling spawn_blocking thread (an executor hop).
  void run_on_blocking_thread(TaskHeader* t) noexcept;

  Timer& timer() noexcept;
  void submit_blocking(BlockingJob* job);
  bool shutting_down() const noexcept { return stopping_.load(std::memory_order_acquire); }

  // Current-thread flavour: run tasks on the calling thread until `done` is set.
  // Multi-thread flavour: just wait for it.
  void drive_until(const std::atomic<bool>& done);
  // Set `done` (read by drive_until) and wake the thread waiting in it.
  void signal_done(std::atomic<bool>& done) noexcept;
  // Stop the workers, cancel every task that is left, drain the blocking pool.
  void shutdown() noexcept;

  unsigned worker_count() const noexcept;
  std::size_t live_tasks() const noexcept;

  struct State;

 private:
  TaskHeader* pop(CoreWorker* w, unsigned tick) noexcept;
  void run_task(TaskHeader* t) noexcept;
  void after_run(TaskHeader* t) noexcept;
  void worker_main(CoreWorker* w) noexcept;

  std::atomic<bool> stopping_{false};
  std::unique_ptr<State> s_;
};

}  // namespace asyncrt::detail
