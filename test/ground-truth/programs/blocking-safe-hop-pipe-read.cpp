// The reader hops onto the blocking pool before its blocking read() and back after it:
// the 300 ms wait in the kernel happens on a pool thread, and the worker stays free.
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asyncrt::Task<int> read_command(int fd) {
  co_await asyncrt::on(asyncrt::blocking_pool());
  char command = 0;
  ssize_t n = read(fd, &command, 1);  // on a blocking-pool thread
  co_await asyncrt::on(asyncrt::workers());
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
