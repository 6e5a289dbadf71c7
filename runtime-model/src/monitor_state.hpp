// Internals shared by monitor.cpp, interpose.cpp and core.cpp.
#pragma once
#include "asyncrt/detail/task_header.hpp"

namespace asyncrt::detail {

// Counted by the interposers (interpose.cpp) while the monitor is on.
extern thread_local long tl_held_locks;
extern thread_local bool tl_slept;
// Set while the runtime destroys a cancelled task: unstarted Tasks dying then are not
// "discarded" by the program.
extern thread_local bool tl_cancelling;

// Resume `t` with the stall probe around it (monitor mode). Without `probe_stalls` (a task
// that hopped onto the spawn_blocking pool) only the lock baseline is refreshed.
void monitored_resume(TaskHeader* t, bool probe_stalls) noexcept;
// A runtime is being destroyed: flush the JSON file if one is configured.
void monitor_flush() noexcept;
// Makes interpose.o part of every link that uses the monitor (static archive).
extern int interpose_anchor;

}  // namespace asyncrt::detail
