// Coroutines that are not async code: a synchronous generator runs each step
// on its consumer's thread, and a coroutine that a synchronous driver runs
// with no executor (syncAwait in a test or a demo's main) has no executor to
// stall. A coroutine driven with an executor, or also spawned elsewhere, is.
// Console output (printf, fflush(stdout)) is logging and never reported;
// flushing a file is blocking I/O.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "io.h"
#include "cppcoro.h"
#include "async_simple.h"

extern "C" int fflush(FILE *);
extern "C" FILE *stdout;
extern "C" FILE *stderr;

cppcoro::generator<int> lines(const char *Path) {
  std::ifstream In(Path);
  co_yield 1;
}

// A generator of our own: yield_value, no await_transform, a range.
template <typename T> struct Gen {
  struct promise_type {
    Gen get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  int *begin();
  int *end();
};
Gen<int> ownGenerator(int Fd) {
  char Buf[8];
  read(Fd, Buf, 8);
  co_yield 1;
}

using async_simple::coro::Lazy;
Lazy<void> readFile(const char *Path) {
  std::ifstream In(Path);
  co_return;
}
Lazy<void> countChars(const char *Path) { co_await readFile(Path); }
Lazy<void> readOnExecutor(const char *Path) {
  std::ifstream In(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'readOnExecutor'
  co_return;
}
Lazy<void> readTwice(const char *Path) {
  std::ifstream In(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'readTwice'
  co_return;
}

int main(int, char **Argv) {
  async_simple::coro::syncAwait(countChars(Argv[1]));
  async_simple::coro::syncAwait([&]() -> Lazy<void> {
    std::ifstream In(Argv[1]);
    co_return;
  }());
  async_simple::Executor Pool;
  async_simple::coro::syncAwait(readOnExecutor(Argv[1]), &Pool);
  async_simple::coro::syncAwait(readTwice(Argv[1]));
  readTwice(Argv[1]).detach();
}

// A combinator handed to a synchronous driver runs the tasks it is given on
// the driving thread (cppcoro's tests drive an io_service this way).
cppcoro::task<> pumpOnMain(cppcoro::io_service &Io) {
  Io.process_events();
  co_return;
}
cppcoro::task<> pumpOnExecutor(cppcoro::io_service &Io) {
  Io.process_events();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'cppcoro::io_service::process_events' in coroutine 'pumpOnExecutor'
  co_return;
}
void testDriven(cppcoro::io_service &Io, cppcoro::async_scope &Scope) {
  cppcoro::sync_wait(cppcoro::when_all_ready(pumpOnMain(Io), [&]() -> cppcoro::task<> {
    Io.process_events();
    co_return;
  }()));
  Scope.spawn(pumpOnExecutor(Io));
}

Lazy<void> logs(FILE *File) {
  printf("progress\n");
  fflush(stdout);
  fflush(stderr);
  fflush(File);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'fflush' in coroutine 'logs'
  co_return;
}
