// libcoro's spawn_joinable returns a join task whose destructor waits for the
// spawned task (BlockingHandleSpawnFunctions, from the libcoro profile): a
// discarded one waits at the end of its statement, before the locals and
// the statement's temporaries die, so nothing the task refers to dangles.
// Kept in a local and never awaited in time, a temporary it refers to still
// dies first. The join task itself is not the spawned task: it keeps no
// reference to the temporary task it was given (libcoro's own test of
// spawn_joinable was reported so). A spawn whose dropped handle detaches
// (asyncrt) is the contrast, and so is spawn_joinable without the profile.
// RUN: %check_async_tidy %s async-dangling-reference %t -- -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=NOPROFILE %s async-dangling-reference %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: '-libcoro'}}" -- -isystem %inputs -isystem %inputs/frameworks
#include "asyncrt-mock.h"
#include "libcoro.h"

struct Name {
  const char *S;
};

coro::task<> save(const Name &Text);
asyncrt::Task<> job(const Name &Text);

coro::task<> joinsAtOnce(coro::thread_pool &Pool) {
  Name Text{"x"};
  Pool.spawn_joinable(save(Text));
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-1]]:3: warning: spawned task of 'save' may outlive local variable 'Text' that its parameter 'Text' refers to
  Pool.spawn_joinable(save(Name{"t"}));
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-1]]:3: warning: spawned task of 'save' may outlive a temporary that its parameter 'Text' refers to
  auto Early = Pool.spawn_joinable(save(Name{"t"}));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: spawned task of 'save' may outlive a temporary that its parameter 'Text' refers to
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:16: warning: spawned task of 'save' may outlive a temporary that its parameter 'Text' refers to
  co_await Early;
}

asyncrt::Task<> detaches() {
  Name Text{"x"};
  asyncrt::spawn(job(Text));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
  // CHECK-MESSAGES-NOPROFILE: :[[@LINE-2]]:3: warning: spawned task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
  co_return;
}

// shutdown() returns once every task in flight on the pool has ended
// (DrainFunctions, from the libcoro profile): the locals it comes before
// outlive the tasks spawned earlier (libcoro's own tests count this way).
// A task spawned after it, or a shutdown of something else, does not count.
// (As a run() of any io_context counts, a drain of any executor counts: the
// spawn's executor is not matched.) Without the profile spawn_detached is
// not a spawn at all, so the drains have no NOPROFILE contrast.
coro::task<> bump(const Name &N);
struct Socket {
  void shutdown();
};
void drained(coro::scheduler &S) {
  Name Count{"c"};
  for (int I = 0; I < 3; ++I)
    S.spawn_detached(bump(Count));
  S.shutdown();
}
void notDrained(coro::scheduler &S, Socket &Sock) {
  Name Count{"c"};
  S.spawn_detached(bump(Count));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: detached task of 'bump' may outlive local variable 'Count' that its parameter 'N' refers to
  Sock.shutdown();
}
void spawnedAfter(coro::scheduler &S) {
  Name Count{"c"};
  S.shutdown();
  S.spawn_detached(bump(Count));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: detached task of 'bump' may outlive local variable 'Count' that its parameter 'N' refers to
}
