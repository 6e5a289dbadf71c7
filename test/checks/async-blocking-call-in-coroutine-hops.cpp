// After a hop onto an executor meant for blocking or CPU work
// (`co_await resume_on(background)`, `co_await pool.schedule()`), blocking is
// what the executor is for: not reported until the coroutine hops back, but
// for a synchronous driver (sync_wait: the self-deadlock). A hop
// that is not awaited moves nothing. Asio's `co_await asio::post(pool,
// use_awaitable)` resumes on the coroutine's own executor: not a hop.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "io.h"
#include "concurrencpp.h"
#include "cppcoro.h"
#include "libcoro.h"
#include "asio.h"
#include "asyncrt-mock.h"
#include <utility>

concurrencpp::result<void> readOnBackground(concurrencpp::runtime &Rt, const char *Path) {
  co_await concurrencpp::resume_on(Rt.background_executor());
  std::ifstream In(Path);
  if (Path) {
    std::ifstream Nested(Path);
  }
  co_await concurrencpp::resume_on(Rt.thread_pool_executor());
  co_await concurrencpp::resume_on(*Rt.thread_executor());
  std::ifstream PerTask(Path);
}

// concurrencpp's thread_pool_executor() is for CPU work and its background_executor()
// for blocking I/O, but both are thread_pool_executors: the function, or a variable
// named after it, tells them apart.
struct Service {
  std::shared_ptr<concurrencpp::thread_pool_executor> m_background_executor;
  concurrencpp::result<void> load(const char *Path) {
    co_await concurrencpp::resume_on(m_background_executor);
    std::ifstream Off(Path);
  }
};
concurrencpp::result<void> byName(std::shared_ptr<concurrencpp::thread_pool_executor> background_executor,
                                  std::shared_ptr<concurrencpp::thread_pool_executor> tp,
                                  concurrencpp::runtime &Rt, const char *Path) {
  co_await concurrencpp::resume_on(background_executor);
  std::ifstream Off(Path);
  co_await concurrencpp::resume_on(tp);
  std::ifstream OnCpuPool(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'byName'
  co_await concurrencpp::resume_on(Rt.background_executor());
  std::ifstream OffAgain(Path);
  co_await concurrencpp::resume_on(Rt.thread_pool_executor());
  std::ifstream OnCpuPoolAgain(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'byName'
}

// Waiting on a result the coroutine got from a co_await does not block: the
// await completed it (concurrencpp's tests check values this way, directly or
// through a helper).
template <typename T> void checkReady(concurrencpp::result<T> R) { (void)R.get(); }
template <typename T> void checkReadyIs(concurrencpp::result<T> R, T Expected) {
  (void)(R.get() == Expected);
}
template <typename T> void checkReadyDefault(concurrencpp::result<T> R) {
  checkReadyIs(std::move(R), T{});
}
concurrencpp::result<int> compute();
concurrencpp::result<void> waitsOnResolved() {
  auto Pending = compute();
  auto Done = co_await Pending.resolve();
  (void)Done.get();
  checkReady(std::move(Done));
  auto AlsoDone = co_await compute().resolve();
  checkReadyDefault(std::move(AlsoDone));
  auto NotAwaited = compute();
  checkReadyDefault(std::move(NotAwaited));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'checkReadyDefault' reaches a thread-blocking call 'concurrencpp::result::get' from coroutine 'waitsOnResolved'
  auto Other = compute();
  (void)Other.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: thread-blocking call 'concurrencpp::result::get' in coroutine 'waitsOnResolved'
  checkReady(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'checkReady' reaches a thread-blocking call 'concurrencpp::result::get' from coroutine 'waitsOnResolved'
}

struct Manual : concurrencpp::manual_executor {};
concurrencpp::result<void> hopsBack(concurrencpp::runtime &Rt, Manual &Loop, const char *Path) {
  co_await concurrencpp::resume_on(Rt.background_executor());
  std::ifstream Off(Path);
  co_await concurrencpp::resume_on(Loop);
  std::ifstream On(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'hopsBack'
}

concurrencpp::result<void> forgetsToAwait(concurrencpp::runtime &Rt, const char *Path) {
  concurrencpp::resume_on(Rt.background_executor());
  std::ifstream In(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'forgetsToAwait'
  co_return;
}

concurrencpp::result<void> hopsOnOneBranch(concurrencpp::runtime &Rt, bool Slow, const char *Path) {
  if (Slow)
    co_await concurrencpp::resume_on(Rt.background_executor());
  std::ifstream In(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'hopsOnOneBranch'
}

cppcoro::task<> cppcoroPool(cppcoro::static_thread_pool &Pool, cppcoro::io_service &Io, int Fd) {
  char Buf[8];
  co_await Pool.schedule();
  read(Fd, Buf, 8);
  co_await Io.schedule();
  read(Fd, Buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'cppcoroPool'
}

coro::task<> libcoroPool(coro::thread_pool &Pool, coro::io_scheduler &Io, int Fd) {
  char Buf[8];
  co_await Pool.schedule();
  read(Fd, Buf, 8);
  co_await Io.schedule();
  read(Fd, Buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'libcoroPool'
}

// A synchronous driver on a pool thread waits for a task that may need a
// thread of that same pool: reported even after the hop.
coro::task<int> libcoroChildTask();
coro::task<> libcoroSyncWaitOnPool(coro::thread_pool &Pool) {
  co_await Pool.schedule();
  coro::sync_wait(libcoroChildTask());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'coro::sync_wait' in coroutine 'libcoroSyncWaitOnPool'
}

asio::awaitable<void> asioPost(asio::thread_pool &Pool, int Fd) {
  char Buf[8];
  co_await asio::post(Pool, asio::use_awaitable);
  read(Fd, Buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'asioPost'
}

// The reference runtime's hop is decided by value: the executor the call returns.
asyncrt::Task<> runtimeHop(int Fd) {
  char Buf[8];
  co_await asyncrt::on(asyncrt::blocking_pool());
  read(Fd, Buf, 8);
  co_await asyncrt::on(asyncrt::workers());
  read(Fd, Buf, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'runtimeHop'
}
