// Tokio guide: "Handling blocking operations". Sleep asynchronously; move blocking file I/O
// and CPU-heavy loops to the blocking pool with spawn_blocking.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

// GOOD: an async sleep suspends the task, not the worker thread.
Task<void> good() { co_await sleep(10ms); }

// GOOD: blocking I/O on the blocking pool.
Task<std::string> read_file_blocking(std::string path) {
  co_return co_await spawn_blocking([path] {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  });
}

// GOOD: CPU-intensive work on the blocking pool.
Task<unsigned long> compute() {
  co_return co_await spawn_blocking([] {
    unsigned long sum = 0;
    for (unsigned long i = 0; i < 1000000; ++i) sum += i;
    return sum;
  });
}

Task<bool> run(std::string self) {
  co_await good();
  std::string text = co_await read_file_blocking(self);
  unsigned long sum = co_await compute();
  co_return !text.empty() && sum == 499999500000UL;
}

int main(int, char** argv) {
  Runtime rt;
  bool ok = rt.block_on(run(argv[0]));
  std::printf("blocking work offloaded: %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
