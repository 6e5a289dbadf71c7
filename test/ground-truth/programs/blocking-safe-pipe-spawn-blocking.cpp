// The fixed twin of blocking-hazard-pipe-read: the read() runs in a non-coroutine lambda
// handed to spawn_blocking, so it waits on a blocking-pool thread while the coroutine
// suspends on the JoinHandle.
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asyncrt::Task<int> read_command(int fd) {
  co_await asyncrt::yield_now();
  char command = co_await asyncrt::spawn_blocking([fd] {
    char c = 0;
    return read(fd, &c, 1) == 1 ? c : '\0';
  });
  co_return command == 'g' ? 0 : 1;
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
