// Runtime: owns the scheduler, its timer and its spawn_blocking pool.
//   Runtime rt;                                  // multi-thread, one worker per core
//   Runtime rt(RuntimeOptions::current_thread()); // everything on the block_on thread
//   int v = rt.block_on(main_task());
// Destroying the Runtime (or shutdown()) stops the workers, waits for running blocking
// jobs, and cancels every task that is left: their frames are destroyed, RAII runs, and
// awaiting their handles yields Cancelled. Nothing leaks.
#pragma once
#include <atomic>
#include <memory>
#include <stdexcept>
#include <source_location>
#include <string>

#include "asyncrt/detail/core.hpp"
#include "asyncrt/detail/spawned_task.hpp"
#include "asyncrt/join.hpp"
#include "asyncrt/task.hpp"

namespace asyncrt {

enum class Flavor { CurrentThread, MultiThread };

struct RuntimeOptions {
  Flavor flavor = Flavor::MultiThread;
  unsigned worker_threads = 0;         // multi-thread: 0 means one per hardware thread
  unsigned max_blocking_threads = 64;  // bound of the spawn_blocking pool
  // Hazard monitor: switched on when non-empty (or by ASYNCRT_MONITOR in the environment).
  std::string monitor_path;
  int stall_ms = -1;     // monitor's stall threshold; -1: ASYNCRT_STALL_MS or 50
  int spawn_limit = -1;  // monitor's live-tasks-per-spawn-site limit; -1: env or 64

  static RuntimeOptions current_thread() {
    RuntimeOptions o;
    o.flavor = Flavor::CurrentThread;
    return o;
  }
  static RuntimeOptions multi_thread(unsigned workers = 0) {
    RuntimeOptions o;
    o.worker_threads = workers;
    return o;
  }
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions o = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Run `task` to completion and return its value (or rethrow its exception). Other tasks
  // keep running (multi-thread) or pause until the next block_on (current-thread).
  template <class T>
  T block_on(Task<T> task) {
    // A task blocking its worker on another task could deadlock the runtime (Tokio panics).
    if (detail::current_task()) throw std::logic_error("asyncrt: block_on called from inside a task");
    struct Waiter final : detail::Sink<T> {
      detail::Core* core;
      detail::Outcome<T> out;
      std::atomic<bool> done{false};
      void complete(detail::Outcome<T>&& o) noexcept override {
        out = std::move(o);
        core->signal_done(done);  // the last touch of *this
      }
    } w;
    w.core = core_.get();
    detail::start_task<T>(core_.get(), std::move(task), &w, nullptr);
    core_->drive_until(w.done);
    return w.out.take();
  }

  // Spawn from outside the runtime (inside a task, use asyncrt::spawn).
  template <class T>
  JoinHandle<T> spawn(Task<T> task, std::source_location at = std::source_location::current()) {
    return detail::spawn_on(*core_, std::move(task), at);
  }

  // Idempotent; the destructor calls it.
  void shutdown() noexcept;

  Flavor flavor() const noexcept { return flavor_; }
  unsigned worker_threads() const noexcept { return core_->worker_count(); }
  std::size_t live_tasks() const noexcept { return core_->live_tasks(); }

 private:
  Flavor flavor_;
  std::unique_ptr<detail::Core> core_;
};

}  // namespace asyncrt
