// Options of async-unbounded-spawn. AllowAwaitedAcceptLoops (default true)
// exempts a loop that awaits an accept before it spawns, but not a tight burst
// nor a loop paced by another await (a channel's receive); false is strict;
// SpawnFunctions, ThreadTypes and Limiters replace the defaults (the framework
// profiles add to them unless Frameworks is none).
// RUN: %check_async_tidy %s async-unbounded-spawn %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=STRICT %s async-unbounded-spawn %t -- \
// RUN:   -config="{CheckOptions: {async-unbounded-spawn.AllowAwaitedAcceptLoops: false}}" -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=LISTS %s async-unbounded-spawn %t -- \
// RUN:   -config="{CheckOptions: {async-unbounded-spawn.SpawnFunctions: '::pool::submit', \
// RUN:     async-unbounded-spawn.ThreadTypes: '::pool::Worker', \
// RUN:     async-unbounded-spawn.Limiters: '::pool::wait_for_slot', \
// RUN:     async-unbounded-spawn.TokenSpawnFunctions: '', async-unbounded-spawn.Frameworks: none}}" -- -isystem %inputs
// RUN: %clang_tidy --load=%plugin --checks='-*,async-unbounded-spawn' \
// RUN:   -config="{CheckOptions: {async-unbounded-spawn.AllowAwaitedAcceptLoops: false, \
// RUN:     async-unbounded-spawn.SpawnFunctions: '::pool::submit', \
// RUN:     async-unbounded-spawn.ThreadTypes: '::pool::Worker', \
// RUN:     async-unbounded-spawn.Limiters: '::pool::wait_for_slot'}}" \
// RUN:   --dump-config %s -- | FileCheck -check-prefix=DUMP %s
// DUMP-DAG: async-unbounded-spawn.AllowAwaitedAcceptLoops: 'false'
// DUMP-DAG: async-unbounded-spawn.SpawnFunctions: '::pool::submit'
// DUMP-DAG: async-unbounded-spawn.ThreadTypes: '::pool::Worker'
// DUMP-DAG: async-unbounded-spawn.Limiters: '::pool::wait_for_slot'
#include "asio.h"
#include "asyncrt-mock.h"

asio::awaitable<void> session(asio::ip::tcp::socket S);
asyncrt::Task<> handle();
asio::awaitable<void> serve();
struct Inbox { asyncrt::Task<int> recv(); };
bool running();
namespace pool {
void submit(void (*)());
void wait_for_slot();
struct Worker { explicit Worker(void (*)()); };
} // namespace pool
void work();

asio::awaitable<void> acceptLoop(asio::ip::tcp::acceptor &Acceptor) {
  for (;;) {
    asio::co_spawn(asio::any_io_executor{}, session(co_await Acceptor.async_accept(asio::use_awaitable)), asio::detached);
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of a loop with no bound
  }
}

asio::awaitable<void> acceptFirst(asio::ip::tcp::acceptor &Acceptor) {
  for (;;) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(asio::any_io_executor{}, serve(), asio::detached);
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration of a loop with no bound
  }
}

asyncrt::Task<> receiveLoop(Inbox &Inbox) {
  while (auto Message = co_await Inbox.recv()) {
    asyncrt::spawn(handle());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
    // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
  }
}

asyncrt::Task<> tightBurst() {
  while (running()) {
    asyncrt::spawn(handle());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
    // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:5: warning: 'asyncrt::spawn' starts a task on every iteration
    co_await asyncrt::sleep(1);
  }
}

void customSpawns() {
  while (running()) {
    pool::submit(work);
    // CHECK-MESSAGES-LISTS: :[[@LINE-1]]:5: warning: 'pool::submit' starts a task on every iteration
    pool::Worker W(work);
    // CHECK-MESSAGES-LISTS: :[[@LINE-1]]:18: warning: 'pool::Worker' starts a task on every iteration
  }
  while (running()) {
    pool::wait_for_slot();
    pool::submit(work);
  }
}
