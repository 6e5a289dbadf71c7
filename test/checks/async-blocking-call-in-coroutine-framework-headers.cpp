// A known framework's namespace declared in a header that is not a system
// header (the framework's own tests include it with -I) is the framework's
// implementation of its primitives: not reported. The same code in the main
// file is the user's.
// RUN: %check_async_tidy %s async-blocking-call-in-coroutine %t -- -header-filter=.* -- -isystem %inputs -isystem %inputs/frameworks -I %inputs/user
#include "coro/net.h"

namespace coro::net {
coro::task<long> userReadSome(int Fd, char *Buf) {
  co_return recv(Fd, Buf, 8, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: thread-blocking call 'recv' in coroutine 'coro::net::userReadSome'
}
} // namespace coro::net
