// The loop check on the real libstdc++ headers: spinning on std::atomic (load,
// implicit conversion), std::atomic_flag::test and std::mutex::try_lock.
// RUN: %check_async_tidy %s async-never-yielding-loop %t -- -- -std=c++20 -I %S/Inputs
#include <atomic>
#include <coroutine>
#include <mutex>
#include <thread>
#include <vector>

#include "real-task.h"

std::atomic<bool> Ready{false};
std::atomic<int> Pending{0};
std::atomic_flag Done;
std::mutex Mutex;
int work(int);

Task spins() {
  while (!Ready.load(std::memory_order_acquire))
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spins' busy-waits on 'Ready' without suspending
    std::this_thread::yield();
  while (Pending > 0) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spins' busy-waits on 'Pending'
  }
  while (!Done.test()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spins' busy-waits on 'Done'
  }
  while (!Mutex.try_lock()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'spins' busy-waits on 'Mutex'
  }
  Mutex.unlock();
  co_return;
}

Task longLoops() {
  co_await Suspends{};
  int Sum = 0;
  for (unsigned I = 0; I < 10'000'000u; ++I)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'longLoops' runs 10000000 iterations without suspending
    Sum += work(static_cast<int>(I));
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop in coroutine 'longLoops' has no exit and never suspends
    Sum += work(Sum);
  }
}

// --- Not reported -----------------------------------------------------------

Task waitsAsynchronously(std::vector<int> &Items) {
  while (!Ready.load())
    co_await Suspends{};
  int Sum = 0;
  for (int Item : Items) // a container: size unknown
    Sum += work(Item);
  while (Pending.fetch_sub(1) > 1) // the body's own decrement ends it
    Sum += 1;
  co_return;
}
