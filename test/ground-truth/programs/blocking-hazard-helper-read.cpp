// Interprocedural: the coroutine calls a same-TU helper (not a coroutine) that reads a
// pipe with read(); the data arrives 300 ms later. The worker waits inside the helper, on
// the coroutine's behalf; the linter reports the call in the coroutine.
// GROUND-TRUTH: async-blocking-call-in-coroutine hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

// Written for threads: read one length byte, then that many payload bytes.
static int read_frame_length(int fd) {
  unsigned char len = 0;
  if (read(fd, &len, 1) != 1) return -1;
  return len;
}

asyncrt::Task<int> handle_frame(int fd) {
  co_await asyncrt::yield_now();
  int len = read_frame_length(fd);
  co_return len;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread writer([fd = fds[1]] {
    std::this_thread::sleep_for(300ms);
    (void)!write(fd, "\x05", 1);
  });
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::multi_thread(2));
  int len = rt.block_on(handle_frame(fds[0]));
  writer.join();
  return len == 5 ? 0 : 1;
}
