// The framework profiles' blocking calls: waiting for a task synchronously
// inside a coroutine (the classic self-deadlock: the waiting thread is the
// one that would run the task), running an event loop, synchronous Beast
// I/O and Qt's blocking waits. Each profile switches itself on when its
// framework's declarations are in the translation unit.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=OFF %s async-blocking-call-in-coroutine %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: none}}" -- -isystem %inputs -isystem %inputs/frameworks
#include "cppcoro.h"
#include "libcoro.h"
#include "folly.h"
#include "async_simple.h"
#include "stdexec.h"
#include "qt.h"
#include "beast.h"

cppcoro::task<int> child();
coro::task<int> libcoroChild();
folly::coro::Task<int> follyChild();
async_simple::coro::Lazy<int> lazyChild();
QCoro::Task<int> qcoroChild();
struct Sender {};

cppcoro::task<> waitsOnTasks(cppcoro::io_service &Io) {
  cppcoro::sync_wait(child());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'cppcoro::sync_wait' in coroutine 'waitsOnTasks'
  Io.process_events();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'cppcoro::io_service::process_events' in coroutine 'waitsOnTasks'
  coro::sync_wait(libcoroChild());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'coro::sync_wait' in coroutine 'waitsOnTasks'
  folly::coro::blockingWait(follyChild());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'folly::coro::blockingWait' in coroutine 'waitsOnTasks'
  async_simple::coro::syncAwait(lazyChild());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'async_simple::coro::syncAwait' in coroutine 'waitsOnTasks'
  stdexec::sync_wait(Sender{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'stdexec::sync_wait' in coroutine 'waitsOnTasks'
  QCoro::waitFor(qcoroChild());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'QCoro::waitFor' in coroutine 'waitsOnTasks'
  co_await child();
}

QCoro::Task<> qtWaits(QTcpSocket &Socket) {
  Socket.waitForConnected(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'QAbstractSocket::waitForConnected' in coroutine 'qtWaits'
  Socket.waitForReadyRead();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'QIODevice::waitForReadyRead' in coroutine 'qtWaits'
  co_return;
}

struct Stream {};
cppcoro::task<> beastIo(Stream &S, boost::beast::http::message<true> &Req,
                        boost::beast::http::message<false> &Res) {
  boost::beast::flat_buffer Buffer;
  boost::beast::http::read(S, Buffer, Req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'boost::beast::http::read' in coroutine 'beastIo'
  boost::beast::http::write(S, Res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'boost::beast::http::write' in coroutine 'beastIo'
  co_return;
}

// Outside a coroutine, waiting is how a program starts its tasks.
int main() { return cppcoro::sync_wait(child()); }
