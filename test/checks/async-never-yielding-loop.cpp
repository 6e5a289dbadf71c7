// Loops in a coroutine with no suspension point on any path, that spin on a
// value only another thread can change, have no exit, or run a large constant
// number of iterations. Loops that may suspend, loops in plain lambdas and
// loops over containers or with non-constant bounds are not reported.
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- -isystem %inputs
#include "coro.h"
#include "locks-extra.h"

std::atomic<bool> Ready;
std::atomic_flag Flag;
volatile bool Interrupted;
std::mutex Mutex;
bool Stopped;
int work(int);
struct Queue {
  bool empty() const;
  int pop();
};

// --- Spinning ---------------------------------------------------------------

Task<> spinsOnAtomicLoad() {
  while (!Ready.load()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsOnAtomicLoad' busy-waits on 'Ready' without suspending; yield to the executor in the loop or move the work to a thread pool [async-never-yielding-loop]
  }
  co_await Awaitable{};
}

Task<> spinsOnAtomicConversion() {
  while (!Ready)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsOnAtomicConversion' busy-waits on 'Ready'
    std::this_thread::yield(); // yields the thread, not the coroutine
  co_return;
}

Task<> spinsOnAtomicFlag() {
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsOnAtomicFlag' busy-waits on 'Flag'
  } while (!Flag.test());
  co_return;
}

Task<> spinsOnVolatile() {
  while (!Interrupted) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsOnVolatile' busy-waits on 'Interrupted'
  }
  co_return;
}

Task<> spinsOnPlainFlag() {
  int Spins = 0;
  while (!Stopped)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinsOnPlainFlag' busy-waits on 'Stopped'
    ++Spins;
  co_return;
}

// A batch loop whose condition advances its own counter (cppcoro's
// sequence-barrier consumer: `do { ... } while (next++ != available);`) is
// bounded by what was published, not a spin.
Task<int> drainsPublished(int *Buffer, int Available) {
  int Sum = 0;
  int Next = 0;
  do {
    Sum += Buffer[Next % 64];
  } while (Next++ != Available);
  co_return Sum;
}

Task<> spinLock() {
  while (!Mutex.try_lock()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spinLock' busy-waits on 'Mutex'
  }
  Mutex.unlock();
  co_return;
}

// --- No exit ----------------------------------------------------------------

Task<> foreverWithoutExit() {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'foreverWithoutExit' has no exit and never suspends; yield to the executor in the loop or move the work to a thread pool
    work(1);
  }
  co_return;
}

Task<> whileTrueBreakOnlyLeavesSwitch(int Mode) {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'whileTrueBreakOnlyLeavesSwitch' has no exit
    switch (Mode) {
    case 0:
      break; // leaves the switch, not the loop
    default:
      work(Mode);
    }
  }
  co_return;
}

// An await that never suspends does not yield either.
Task<> awaitsOnlyReadyAwaitables() {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'awaitsOnlyReadyAwaitables' has no exit
    co_await std::suspend_never{};
    co_await ReadyAwaitable{};
  }
}

// --- Long counted loops -----------------------------------------------------

Task<int> longCountedLoop() {
  int Sum = 0;
  for (int I = 0; I < 1000000; ++I)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'longCountedLoop' runs 1000000 iterations without suspending
    Sum += work(I);
  co_return Sum;
}

Task<int> nestedCountedLoops() {
  int Sum = 0;
  for (int I = 0; I < 1000; ++I)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'nestedCountedLoops' runs 1000000 iterations without suspending
    for (int J = 1000; J > 0; --J)
      Sum += work(I * J);
  co_return Sum;
}

int Table[200000];
Task<int> overLargeArray() {
  int Sum = 0;
  for (int Value : Table)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'overLargeArray' runs 200000 iterations without suspending
    Sum += Value;
  co_return Sum;
}

// A loop inside a loop that suspends: the inner one is reported.
Task<> innerLoopOfSuspendingLoop(int N) {
  for (int Round = 0; Round < N; ++Round) {
    co_await Awaitable{};
    for (long I = 0; I < 5000000; I += 5)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in coroutine 'innerLoopOfSuspendingLoop' runs 1000000 iterations
      work(static_cast<int>(I));
  }
}

void coroutineLambda() {
  auto L = []() -> Task<> {
    for (;;)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: loop in coroutine lambda has no exit
      work(2);
    co_return;
  };
  (void)L;
}

// Templates are reported once; macros at the expansion site.
template <typename T> Task<T> generic() {
  while (!Ready.load()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'generic' busy-waits on 'Ready'
  }
  co_return T{};
}
template Task<int> generic<int>();
template Task<long> generic<long>();

#define SPIN_UNTIL(X) while (!(X)) {}
Task<> throughMacro() {
  SPIN_UNTIL(Ready.load());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'throughMacro' busy-waits on 'Ready'
  co_return;
}

// --- Not reported -----------------------------------------------------------

// A suspension point on one path is enough.
Task<> suspendsOnOnePath() {
  while (!Ready.load()) {
    if (work(0))
      co_await Awaitable{};
  }
  for (;;) {
    co_await Awaitable{};
  }
}

Generator generatorLoop() {
  for (int I = 0;; ++I)
    co_yield I;
}

// The body changes what the condition reads.
Task<> bodyStoresTheFlag() {
  while (!Ready.load())
    Ready.store(work(3) > 0);
  bool Done = false;
  while (!Done)
    Done = work(4) > 0;
  co_return;
}

// A plain flag may be changed by a function the body calls.
Task<> bodyCallsFunctions() {
  while (!Stopped)
    work(5);
  co_return;
}

// Loops that exit from the inside.
Task<> foreverWithExits(int N) {
  for (;;) {
    if (work(N))
      break;
  }
  while (true) {
    if (work(N + 1))
      co_return;
  }
}

// A draining loop: its condition asks the container.
Task<> drainsQueue(Queue &Q) {
  while (!Q.empty())
    work(Q.pop());
  co_return;
}

// Short or non-constant trip counts, containers.
Task<int> shortAndUnknownLoops(int N, const int (&Small)[10]) {
  int Sum = 0;
  for (int I = 0; I < 1000; ++I)
    Sum += I;
  for (int I = 0; I < N; ++I)
    Sum += work(I);
  for (int V : Small)
    Sum += V;
  co_return Sum;
}

// A lambda that is not a coroutine runs wherever it is called.
Task<> loopInPlainLambda() {
  auto Background = [] {
    for (;;)
      work(6);
  };
  (void)Background;
  co_return;
}

// Not a coroutine.
void plainFunction() {
  while (!Ready.load()) {
  }
}

Task<> suppressed() {
  for (;;) { // NOLINT(async-never-yielding-loop)
    work(7);
  }
  co_return;
}
