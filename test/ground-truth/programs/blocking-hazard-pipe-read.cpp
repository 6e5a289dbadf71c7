// A coroutine reads a pipe with POSIX read(): the data arrives 300 ms later (another
// thread writes it), and for those 300 ms the worker thread waits in the kernel.
// GROUND-TRUTH: async-blocking-call-in-coroutine hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asyncrt::Task<int> read_command(int fd) {
  co_await asyncrt::yield_now();
  char command = 0;
  ssize_t n = read(fd, &command, 1);
  co_return n == 1 && command == 'g' ? 0 : 1;
}

int main() {
  int fds[2];
  if (pipe(fds) != 0) return 2;
  std::thread writer([fd = fds[1]] {
    std::this_thread::sleep_for(300ms);
    (void)!write(fd, "g", 1);
  });
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  int rc = rt.block_on(read_command(fds[0]));
  writer.join();
  return rc;
}
