// A framework's own header, included with -I (as in the framework's own
// tests): its coroutine primitives call recv on a non-blocking socket. Not
// the user's code.
#pragma once
#include "libcoro.h"
#include "io.h"
namespace coro::net {
inline coro::task<long> read_some(int Fd, char *Buf) {
  co_await coro::thread_pool{}.schedule();
  co_return recv(Fd, Buf, 8, 0);
}
} // namespace coro::net
