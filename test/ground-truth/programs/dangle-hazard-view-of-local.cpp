// A spawned task keeps a std::string_view of a local string; the function that
// spawned it returns and frees the string while the task sleeps, then the task
// reads it. ASan: heap-use-after-free.
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>
#include <string_view>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<> log_request(std::string_view line) {
  co_await asyncrt::sleep(10ms);
  for (char c : line)
    checksum += c;
}

void accept_one() {
  std::string line(64, 'r');
  asyncrt::spawn(log_request(line));
}

asyncrt::Task<int> server() {
  accept_one();
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(server());
}
