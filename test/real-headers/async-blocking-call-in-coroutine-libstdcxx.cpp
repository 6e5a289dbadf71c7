// The default blocking-call list on the real libstdc++, glibc and POSIX headers.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -- -std=c++20 -I %S/Inputs
#include <barrier>
#include <condition_variable>
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <latch>
#include <mutex>
#include <netdb.h>
#include <semaphore>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "real-task.h"

Task blocks(std::future<int> F, std::shared_future<int> SF, std::thread &T,
            std::mutex &M, std::condition_variable &CV, std::latch &L,
            std::barrier<> &B, std::counting_semaphore<8> &S, int Fd) {
  std::ifstream In("config.txt");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: thread-blocking call 'std::basic_ifstream' in coroutine 'blocks'
  std::string Line;
  std::FILE *File = std::fopen("data.bin", "rb");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: thread-blocking call 'fopen' in coroutine 'blocks'
  char Buf[16];
  std::fread(Buf, 1, sizeof Buf, File);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'fread' in coroutine 'blocks'
  read(Fd, Buf, sizeof Buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'read' in coroutine 'blocks'
  recv(Fd, Buf, sizeof Buf, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'recv' in coroutine 'blocks'
  F.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::future::get' in coroutine 'blocks'
  SF.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::shared_future::wait' in coroutine 'blocks'
  T.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::thread::join' in coroutine 'blocks'
  std::unique_lock<std::mutex> Lock(M);
  CV.wait(Lock, [] { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::condition_variable::wait' in coroutine 'blocks'
  L.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::latch::wait' in coroutine 'blocks'
  B.arrive_and_wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::barrier::arrive_and_wait' in coroutine 'blocks'
  S.acquire();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'std::counting_semaphore::acquire' in coroutine 'blocks'
  std::system("true"); // libstdc++'s std::system is glibc's ::system
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'system' in coroutine 'blocks'
  addrinfo *Res = nullptr;
  getaddrinfo("localhost", "80", nullptr, &Res);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: thread-blocking call 'getaddrinfo' in coroutine 'blocks'
  co_return;
}

// Look-alikes on the same types that do not block.
Task doesNotBlock(std::future<int> &F, std::thread &T, std::condition_variable &CV,
                  std::counting_semaphore<8> &S) {
  (void)F.valid();
  (void)T.joinable();
  CV.notify_all();
  S.release();
  (void)S.try_acquire();
  std::stringstream SS;
  SS << 42;
  std::string Text = SS.str();
  std::printf("%s\n", Text.c_str());
  co_return;
}
