// A detached task that can throw is reported with a note where it can throw:
// the first statement of its body that can let an exception escape, or, when
// the body is not in the translation unit, a note that it is not visible.
// What cannot throw in the model: console output through std::ostream, an
// error code's message(), the overload that reports failure in an
// `error_code &` argument, a nested spawn (its body's exception goes to its
// own handle), an operation with Asio 1.29's partial `as_tuple` token, the
// standard strings, containers and string streams (they fail only to
// allocate) but for their checking accessors (`at`); an adaptor called on a
// task (`lazy().via(executor)`) runs that task's body. The notes follow the
// path into the user's functions. The message says what becomes of the
// exception: async_simple's detach rethrows it where the task runs,
// libcoro's spawn_detached drops it.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs -isystem %inputs/frameworks
#include "asio.h"
#include "async_simple.h"
#include "libcoro.h"
#include <memory>
#include <stdexcept>
#include <iostream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace asio {
struct partial_as_tuple {};
} // namespace asio
struct NewSocket {
  asio::awaitable<unsigned long> async_read_some(asio::mutable_buffer, asio::partial_as_tuple);
};
struct Closer {
  void shutdown(int How, std::error_code &Ec);
  void shutdown(int How);
};
asio::awaitable<void> notVisible();

asio::awaitable<void> quiet(NewSocket S, Closer &C, asio::io_context &Ctx) {
  char Data[8];
  auto N = co_await S.async_read_some(asio::buffer(Data, 8), asio::partial_as_tuple{});
  std::error_code Ec;
  std::cout << "read " << N << ": " << Ec.message() << std::endl;
  C.shutdown(2, Ec);
  asio::co_spawn(Ctx, notVisible(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  // CHECK-NOTES: :[[@LINE-2]]:23: note: the task's body is not visible in this translation unit, so it may throw
}

asio::awaitable<void> closesThrowing(Closer &C) {
  std::cout << "closing\n";
  C.shutdown(2);
  co_return;
}

async_simple::coro::Lazy<void> session(Closer &C) {
  std::error_code Ec;
  C.shutdown(2, Ec);
  co_return;
}
async_simple::coro::Lazy<void> throwingSession(Closer &C) {
  C.shutdown(2);
  co_return;
}

void spawns(asio::io_context &Ctx, NewSocket S, Closer &C, async_simple::Executor *Ex) {
  asio::co_spawn(Ctx, quiet(S, C, Ctx), asio::detached);
  asio::co_spawn(Ctx, closesThrowing(C), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  // CHECK-NOTES: :[[@LINE-18]]:3: note: the task can throw here
  session(C).via(Ex).detach();
  throwingSession(C).via(Ex).detach();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'async_simple::coro::RescheduleLazy::detach' starts a task that nobody observes; its exception is rethrown on whichever thread runs the task, and on an executor's thread that terminates the process;
  // CHECK-NOTES: :[[@LINE-12]]:3: note: the task can throw here
}

struct Parser {
  std::vector<std::string> Words;
  int parse(const std::string &Line) {
    std::istringstream In(Line.substr(1));
    std::string W;
    while (In >> W)
      Words.push_back(W + " ");
    return static_cast<int>(Words.size());
  }
  unsigned long first() {
    return Words.at(0).size();
  }
};
asio::awaitable<void> parses(Parser &P) {
  P.parse("x y");
  co_return;
}
asio::awaitable<void> readsFirst(Parser &P) {
  P.parse("x y");
  P.first();
  co_return;
}
void spawnsParsers(asio::io_context &Ctx, Parser &P) {
  asio::co_spawn(Ctx, parses(P), asio::detached);
  asio::co_spawn(Ctx, readsFirst(P), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  // CHECK-NOTES: :[[@LINE-7]]:3: note: the task can throw here
  // CHECK-NOTES: :[[@LINE-17]]:12: note: 'Parser::first' can throw here
}

// A scheduler's spawn_detached through a smart pointer: the task is the
// argument, not the scheduler.
coro::task<void> record(int Id) {
  if (Id == 3)
    throw std::runtime_error("db down");
  co_return;
}
coro::task<void> quietRecord() { co_return; }
coro::task<void> fire(std::shared_ptr<coro::io_scheduler> S, int Id) {
  co_await S->schedule();
  S->spawn_detached(record(Id));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'coro::io_scheduler::spawn_detached' starts a task that nobody observes; its exception is lost;
  // CHECK-NOTES: :[[@LINE-8]]:5: note: the task can throw here
  S->spawn_detached(quietRecord());
}

// make_shared runs the constructor of what it makes: a throwing constructor
// makes the task throw.
struct Session {
  explicit Session(Closer &C) { C.shutdown(2); }
  void start();
};
asio::awaitable<void> accepts(Closer &C) {
  std::make_shared<Session>(C)->start();
  co_return;
}
void spawnsAcceptor(asio::io_context &Ctx, Closer &C) {
  asio::co_spawn(Ctx, accepts(C), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the task can throw here
}
