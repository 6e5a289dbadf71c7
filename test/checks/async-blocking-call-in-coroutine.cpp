// Thread-blocking calls (other than sleeps) written in a coroutine body are
// reported: file streams and C stdio, POSIX I/O, waiting on futures, threads,
// condition variables, latches and semaphores, processes, name resolution.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- -isystem %inputs
#include "coro.h"
#include "io.h"
#include "sync.h"

Task<> fileStreams(const char *Path) {
  std::ifstream In(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'fileStreams' [async-blocking-call-in-coroutine]
  std::ofstream Out;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ofstream' in coroutine 'fileStreams'
  In.open(Path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::basic_ifstream::open' in coroutine 'fileStreams'
  co_return;
}

Task<int> cStdio(const char *Path, char *Buf) {
  FILE *F = fopen(Path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: thread-blocking call 'fopen' in coroutine 'cStdio'
  co_await Awaitable{};
  int N = (int)fread(Buf, 1, 10, F);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: thread-blocking call 'fread' in coroutine 'cStdio'
  co_return N;
}

Task<> posixIo(int Fd, char *Buf) {
  read(Fd, Buf, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'posixIo'
  ::write(Fd, Buf, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'write' in coroutine 'posixIo'
  accept(Fd, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'accept' in coroutine 'posixIo'
  recv(Fd, Buf, 4, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'recv' in coroutine 'posixIo'
  poll(nullptr, 0, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'poll' in coroutine 'posixIo'
  co_return;
}

Task<int> waitsForFuture(std::future<int> F) {
  F.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::future::wait' in coroutine 'waitsForFuture'
  co_return F.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: thread-blocking call 'std::future::get' in coroutine 'waitsForFuture'; use co_await on an asynchronous result (a JoinHandle, asio::use_awaitable) instead
}

Task<> joinsThread(std::thread &T) {
  T.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::thread::join' in coroutine 'joinsThread'; use co_await a JoinHandle or spawn_blocking instead
  co_return;
}

Task<> waitsOnSynchronisation(std::mutex &M, std::condition_variable &CV,
                              std::latch &L, std::counting_semaphore<4> &S) {
  std::unique_lock<std::mutex> Lock(M);
  CV.wait(Lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::condition_variable::wait' in coroutine 'waitsOnSynchronisation'
  L.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::latch::arrive_and_wait' in coroutine 'waitsOnSynchronisation'
  S.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::counting_semaphore::acquire' in coroutine 'waitsOnSynchronisation'
  co_return;
}

Task<> processesAndNames() {
  std::system("ls");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::system' in coroutine 'processesAndNames'
  popen("ls", "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'popen' in coroutine 'processesAndNames'
  getaddrinfo("example.org", "80", nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'getaddrinfo' in coroutine 'processesAndNames'
  co_return;
}

// Through a helper of this translation unit.
int readHeader(int Fd, char *Buf) { return (int)read(Fd, Buf, 16); }
Task<> callsReadingHelper(int Fd, char *Buf) {
  readHeader(Fd, Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'readHeader' reaches a thread-blocking call 'read' from coroutine 'callsReadingHelper'
  co_return;
}

// --- Not reported ---------------------------------------------------------

// Non-blocking members of the same types, and printf (logging is not I/O we flag).
Task<> nonBlockingMembers(std::future<int> &F, std::thread &T, std::condition_variable &CV) {
  (void)F.valid();
  (void)T.joinable();
  CV.notify_one();
  printf("done\n");
  std::stringstream SS;
  co_return;
}

// Blocking work handed to a thread from a coroutine.
Task<> handsOff(std::future<int> F) {
  std::thread T([F = static_cast<std::future<int> &&>(F)]() mutable { F.get(); });
  T.detach();
  co_await Awaitable{};
}

// Not a coroutine.
int plainRead(int Fd, char *Buf) { return (int)read(Fd, Buf, 1); }

// A member function called `read` of a user type is not POSIX read.
struct Channel {
  int read(char *, int);
  Awaitable asyncRead();
};
Task<> userRead(Channel &C, char *Buf) {
  C.read(Buf, 1);
  co_await C.asyncRead();
}

// A user coroutine named like a POSIX call, awaited.
namespace net { Task<int> connect(const char *); }
Task<> awaitsUserConnect() {
  co_await net::connect("host");
}
