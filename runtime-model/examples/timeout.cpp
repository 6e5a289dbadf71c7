// Tokio guide: "Timeout": bound how long an operation may take.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

Task<std::string> fetch_data(std::chrono::milliseconds latency) {
  co_await sleep(latency);
  co_return "data";
}

Task<Expected<std::string, Elapsed>> with_timeout(std::chrono::milliseconds latency) {
  co_return co_await timeout(20ms, fetch_data(latency));
}

Task<int> run() {
  auto fast = co_await with_timeout(1ms);
  auto slow = co_await with_timeout(500ms);
  co_return (fast.has_value() ? 1 : 0) + (slow.has_value() ? 0 : 2);
}

int main() {
  Runtime rt;
  int r = rt.block_on(run());
  std::printf("fast answered, slow timed out: %s\n", r == 3 ? "yes" : "no");
  return r == 3 ? 0 : 1;
}
