// The same coroutines as dangle-hazard-reference-to-temporary and
// dangle-hazard-view-of-local, awaited in the full-expression that creates
// their arguments: the temporaries and locals outlive the task.
// GROUND-TRUTH: async-dangling-reference safe
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>
#include <string_view>

using namespace std::chrono_literals;

static int checksum = 0;

asyncrt::Task<> store(const std::string &key) {
  co_await asyncrt::sleep(10ms);
  for (char c : key)
    checksum += c;
}

asyncrt::Task<> log_request(std::string_view line) {
  co_await asyncrt::sleep(10ms);
  for (char c : line)
    checksum += c;
}

asyncrt::Task<int> handler() {
  co_await store(std::string(64, 'k'));
  std::string line(64, 'r');
  co_await log_request(line);
  // A handle awaited before the local goes away.
  auto logged = asyncrt::spawn(log_request(line));
  co_await logged;
  co_return checksum == 64 * 'k' + 2 * 64 * 'r' ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
