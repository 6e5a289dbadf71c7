// A spawn inside a loop with no bound and no limiter: every iteration adds a
// task (or a thread) and nothing caps how many run at once. Run with the
// strict setting, which also reports loops paced by an awaited accept (the
// default exempts them: async-unbounded-spawn-options.cpp).
// RUN: %check_async_tidy %s async-unbounded-spawn %t -- \
// RUN:   -config="{CheckOptions: {async-unbounded-spawn.AllowAwaitedAcceptLoops: false}}" -- -isystem %inputs
#include "asio.h"
#include "sync.h"
#include "asyncrt-mock.h"
#include "views.h" // std::move

asyncrt::Task<> handle(int Conn);
asyncrt::Task<int> acceptConnection();
asio::awaitable<void> session(asio::ip::tcp::socket S);
void work();
bool running();
struct Item {};
struct Batch { Item *begin(); Item *end(); };

// --- Reported -------------------------------------------------------------

// A handle nobody awaits in the iteration: the task is detached.
asyncrt::Task<> dropsHandles() {
  for (int I = 0;; ++I) {
    auto H = asyncrt::spawn(handle(I));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'asyncrt::spawn' starts a task on every iteration of a loop with no bound
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
    asyncrt::spawn(handle(I));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration of a loop with no bound
    // CHECK-NOTES: :[[@LINE-6]]:3: note: loop with no bound is here
    co_await acceptConnection();
  }
}

asyncrt::Task<> acceptLoop() {
  for (;;) {
    int Conn = co_await acceptConnection();
    asyncrt::spawn(handle(Conn));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration of a loop with no bound, and nothing limits how many run at once; acquire a semaphore permit, or join a task once a join set is full, before spawning [async-unbounded-spawn]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: loop with no bound is here
  }
}

// The Asio echo server's listener: one session per accepted connection.
asio::awaitable<void> listener(asio::ip::tcp::acceptor &Acceptor) {
  while (true) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(asio::any_io_executor{}, session(static_cast<asio::ip::tcp::socket &&>(Socket)), asio::detached);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of a loop with no bound
    // CHECK-NOTES: :[[@LINE-4]]:3: note: loop with no bound is here
  }
}

// A tight burst: no await at all before the spawn.
void keep(std::future<void> F);
void burst() {
  while (running()) {
    std::thread(work).detach();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::thread' starts a task on every iteration of a loop with no bound
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
    auto Kept = std::async(work); // handed on: it does not die with the iteration
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'std::async' starts a task on every iteration of a loop with no bound
    // CHECK-NOTES: :[[@LINE-6]]:3: note: loop with no bound is here
    keep(std::move(Kept));
  }
}

// A join set grows without bound if nothing is joined.
asyncrt::Task<> joinSetNeverJoined() {
  asyncrt::JoinSet<> Set;
  do {
    Set.spawn(handle(co_await acceptConnection()));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asyncrt::JoinSet::spawn' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
  } while (running());
}

// A bounded batch inside an unbounded loop still accumulates.
asyncrt::Task<> batchesForever(Batch &B) {
  for (; running();) {
    for (Item &I : B)
      asyncrt::spawn(handle(0));
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'asyncrt::spawn' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-4]]:3: note: loop with no bound is here
    co_await asyncrt::sleep(10);
  }
}

// A limiter after the spawn is not recognised (move it before the spawn).
asyncrt::Task<> limiterAfter(asyncrt::Semaphore &Sem) {
  for (;;) {
    asyncrt::spawn(handle(0));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
    co_await Sem.acquire();
  }
}

// Reported once for a template, at the spawn in the template.
template <typename T> void spawnsInTemplate() {
  for (;;)
    std::thread(work).detach();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::thread' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
}
template void spawnsInTemplate<int>();
template void spawnsInTemplate<long>();

// A macro: reported where it is used.
#define SPAWN_HANDLER() asyncrt::spawn(handle(0))
asyncrt::Task<> spawnsThroughMacro() {
  while (true)
    SPAWN_HANDLER();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop with no bound is here
  co_return;
}

// --- Not reported ---------------------------------------------------------

// The iteration joins its task, so one runs at a time: the spawn is awaited
// at once, or the handle is awaited in the iteration, or it is a handle whose
// destructor waits (std::async's future, discarded or dying with the
// iteration; a std::jthread local).
asyncrt::Task<> joinsEachTask() {
  for (int I = 0;; ++I) {
    co_await asyncrt::spawn(handle(I));
    auto H = asyncrt::spawn(handle(I));
    co_await H;
  }
}
void waitsForEach() {
  while (running()) {
    std::async(work);
    auto F = std::async(work);
    std::jthread J(work);
  }
}

// A semaphore permit before each spawn bounds the live tasks.
asyncrt::Task<> withSemaphore(asyncrt::Semaphore &Sem) {
  for (;;) {
    int Conn = co_await acceptConnection();
    auto Permit = co_await Sem.acquire();
    asyncrt::spawn(handle(Conn));
  }
}

// A join set that joins one task once it is full.
asyncrt::Task<> withJoinSet() {
  asyncrt::JoinSet<> Set;
  while (true) {
    if (Set.size() >= 16)
      co_await Set.join_next();
    Set.spawn(handle(co_await acceptConnection()));
  }
}

// A blocking semaphore bounds threads.
void withThreadSemaphore(std::counting_semaphore<8> &Slots) {
  while (running()) {
    Slots.acquire();
    std::thread(work).detach();
  }
}

// Counted and range loops are bounded.
asyncrt::Task<> boundedLoops(int N, Batch &B) {
  for (int I = 0; I < N; ++I)
    asyncrt::spawn(handle(I));
  for (Item *It = B.begin(); It != B.end(); It += 1)
    asyncrt::spawn(handle(0));
  for (Item &I : B)
    asyncrt::spawn(handle(0));
  int Left = N;
  while (Left > 0) {
    asyncrt::spawn(handle(Left));
    --Left;
  }
  while (N--)
    asyncrt::spawn(handle(N));
  for (int I = 0; I < N && running(); I++)
    asyncrt::spawn(handle(I));
  co_return;
}

// Spawning once, before the loop, or from a lambda defined in the loop.
asyncrt::Task<> notInTheLoop() {
  asyncrt::spawn(handle(0));
  for (auto H = asyncrt::spawn(handle(1));;) {
    auto Later = [] { asyncrt::spawn(handle(2)); };
    co_await asyncrt::sleep(1);
  }
}

// NOLINT suppresses.
void suppressed() {
  for (;;)
    std::async(work); // NOLINT(async-unbounded-spawn)
}
