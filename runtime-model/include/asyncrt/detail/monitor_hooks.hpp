// The calls the header-only parts of the runtime make into the hazard monitor.
// Every call site is guarded by monitor_on(): one relaxed load and a branch predicted
// not-taken, so an unmonitored program pays nothing else (see docs/runtime-model.md).
#pragma once
#include <atomic>
#include <string>

#include "asyncrt/detail/loc.hpp"

namespace asyncrt::detail {

extern std::atomic<bool> g_monitor_on;

[[gnu::always_inline]] inline bool monitor_on() noexcept {
  return __builtin_expect(g_monitor_on.load(std::memory_order_relaxed), false);
}

struct FrameBase;
struct TaskHeader;

// Pthread mutexes (and rwlocks) the calling thread holds, as counted by the interposers.
long held_locks() noexcept;
// A co_await in a Task reached await_suspend. `transfer` is true when the awaitee is a
// child Task (control passes to it on this thread; the task as a whole does not suspend).
void on_await_suspend(FrameBase* frame, const Loc& at, bool transfer) noexcept;
// A child Task starts on this thread (the parent co_awaited it) / returns to its parent:
// the monitor times each stretch of one frame separately, so a stall is reported in the
// function where it happened.
void on_child_start(FrameBase& child) noexcept;
void on_child_return(FrameBase& child) noexcept;
// A Task object is destroyed without its coroutine ever having started.
void on_task_discarded(const FrameBase& frame) noexcept;
// Record where a Task was created (a few return addresses, symbolized only if reported).
void capture_creation(FrameBase& frame) noexcept;
void release_creation(FrameBase& frame) noexcept;
// A spawned task's outermost coroutine returned: the slice ends at its co_return.
void on_root_return(const FrameBase& frame) noexcept;
// The runtime shuts down while a task is still suspended at `at` (reported only when
// report_pending is on).
void on_pending_at_shutdown(const Loc& at) noexcept;
// A spawned task's error was never observed by anyone.
void on_lost_error(const Loc& spawn_site, const std::string& what) noexcept;

struct SpawnSite;
// Count a live task against its spawn site; reports async-unbounded-spawn past the limit.
SpawnSite* on_spawn(const Loc& site) noexcept;
void on_task_end(SpawnSite* site) noexcept;

}  // namespace asyncrt::detail
