// The fix of dangle-hazard-view-of-local: the task takes the string by value,
// so its frame owns a copy.
// GROUND-TRUTH: async-dangling-reference safe
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<> log_request(std::string line) {
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
  co_return checksum == 64 * 'r' ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(server());
}
