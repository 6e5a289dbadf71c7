// A lazy task that is discarded, or kept in a local that is never used
// again, never runs its coroutine body. Laziness is read from the task type's
// promise (see async-discarded-task-types.cpp for each kind of task type).
// RUN: %check_async_tidy %s async-discarded-task %t -- -- -isystem %inputs
#include "coro.h"
#include "asio.h"
#include "asyncrt-mock.h"

Task<int> fetchValue();
asio::awaitable<void> sendReply();
asyncrt::Task<> runtimeJob();
EagerTask eagerJob();

// --- Discarded results --------------------------------------------------

void discardsFromPlainFunction() {
  fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'fetchValue' is discarded; its coroutine body will never run [async-discarded-task]
}

Task<> discardsInCoroutine() {
  sendReply();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'sendReply' is discarded
  runtimeJob();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'runtimeJob' is discarded
  co_return;
}

// Casting to void does not start the task either.
void castsToVoid() {
  (void)fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: lazy task returned by 'fetchValue' is discarded
  static_cast<void>(sendReply());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: lazy task returned by 'sendReply' is discarded
}

// Branches and loop bodies discard their statement's value too.
void discardsInBranches(bool Flag, int N) {
  if (Flag)
    fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lazy task returned by 'fetchValue' is discarded
  else
    runtimeJob();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lazy task returned by 'runtimeJob' is discarded
  for (int I = 0; I < N; ++I)
    sendReply();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lazy task returned by 'sendReply' is discarded
  switch (N) {
  case 1:
    fetchValue();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lazy task returned by 'fetchValue' is discarded
    break;
  }
}

struct Service {
  Task<> handle();
  void poke() {
    handle();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: lazy task returned by 'Service::handle' is discarded
  }
};

// A coroutine lambda called and dropped.
void callsCoroutineLambda() {
  auto Job = []() -> Task<> { co_return; };
  Job();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by lambda is discarded
}

// A template: reported once, at the line in the template.
template <typename T> void discardsInTemplate() {
  fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'fetchValue' is discarded
}
template void discardsInTemplate<int>();
template void discardsInTemplate<long>();

// Dependent result: known in each instantiation, reported once.
template <typename T> Task<T> makeTask();
template <typename T> void discardsDependent() {
  makeTask<T>();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'makeTask' is discarded
}
template void discardsDependent<int>();
template void discardsDependent<long>();

// A macro: reported where it is used.
#define FIRE_AND_FORGET(call) call
void discardsThroughMacro() {
  FIRE_AND_FORGET(fetchValue());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'fetchValue' is discarded
}

// Both branches of a discarded ?:, both operands of a discarded comma, and a
// for-loop's increment are thrown away too (ground truth:
// discard-hazard-conditional.cpp).
Task<> discardsThroughOperators(bool Flag, int N) {
  Flag ? fetchValue() : fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: lazy task returned by 'fetchValue' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:25: warning: lazy task returned by 'fetchValue' is discarded
  (void)(Flag ? sendReply() : sendReply());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: lazy task returned by 'sendReply' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: lazy task returned by 'sendReply' is discarded
  fetchValue(), runtimeJob();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'fetchValue' is discarded
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: lazy task returned by 'runtimeJob' is discarded
  for (int I = 0; I < N; ++I, sendReply())
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: lazy task returned by 'sendReply' is discarded
    ;
  Task<int> Chosen = Flag ? fetchValue() : fetchValue(); // kept: not discarded
  co_await Chosen;
}

// --- Locals that are never used ------------------------------------------

void keepsButNeverUses() {
  auto Pending = fetchValue();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'Pending' is never awaited, moved or returned; the coroutine body of 'fetchValue' will never run [async-discarded-task]
  asio::awaitable<void> Reply = sendReply();
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: lazy task 'Reply' is never awaited, moved or returned; the coroutine body of 'sendReply' will never run
  auto Silenced = runtimeJob();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: lazy task 'Silenced' is never awaited
  (void)Silenced;
}

// --- Not reported ---------------------------------------------------------

Task<> consume(Task<int> T) { co_await T; }

Task<> usesTheTask(bool Flag) {
  co_await fetchValue();            // awaited
  auto Kept = fetchValue();
  co_await Kept;                    // awaited later
  auto Moved = fetchValue();
  co_await consume(static_cast<Task<int> &&>(Moved)); // passed on
  co_await consume(fetchValue());   // passed on directly
  asio::co_spawn(asio::any_io_executor{}, sendReply(), asio::detached); // spawned
  auto Handle = asyncrt::spawn(runtimeJob());  // spawned: a handle, not a task
  co_await Handle;
  auto Captured = fetchValue();
  auto Later = [&Captured]() -> Task<> { co_await Captured; };
  co_await Later();
  if (Flag)
    co_return;
}

Task<int> returnsTheTask() { co_return co_await fetchValue(); }
Task<int> forwardsTheTask() { return fetchValue(); }

// Eager coroutines run at once: nothing is lost by dropping them.
void dropsEagerTask() {
  eagerJob();
  auto E = eagerJob();
}

// Awaitables that are not coroutine tasks (no promise).
void dropsAwaitables() {
  asyncOperation();
  Awaitable A = asyncOperation();
}

// A discarded call returning an ordinary value.
int plainValue();
void dropsPlainValue() { plainValue(); }
