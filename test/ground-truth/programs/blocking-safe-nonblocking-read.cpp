// A read() on an O_NONBLOCK pipe never waits: it returns EAGAIN at once and the coroutine
// polls again after an asynchronous sleep. The monitor sees no stall; the linter cannot
// know the descriptor is non-blocking and reports the read (a documented limit).
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH-LIMIT: async-blocking-call-in-coroutine lint_only: O_NONBLOCK is invisible statically; read() on a non-blocking descriptor returns at once
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <cerrno>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asyncrt::Task<int> read_command(int fd) {
  co_await asyncrt::yield_now();
  char command = 0;
  for (;;) {
    ssize_t n = read(fd, &command, 1);
    if (n == 1) break;
    if (n < 0 && errno != EAGAIN) co_return 1;
    co_await asyncrt::sleep(5ms);
  }
  co_return command == 'g' ? 0 : 1;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  std::thread writer([fd = fds[1]] {
    std::this_thread::sleep_for(300ms);
    (void)!write(fd, "g", 1);
  });
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  int rc = rt.block_on(read_command(fds[0]));
  writer.join();
  return rc;
}
