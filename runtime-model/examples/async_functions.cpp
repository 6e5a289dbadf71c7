// Tokio guide: "Async functions". An async function returns Task<T>; errors travel as values
// (Expected) or exceptions, and main runs the top-level task with block_on.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

struct FetchError {
  std::string message;
};

// Stands in for an HTTP client: the "network" is a timer.
Task<Expected<std::string, FetchError>> fetch_data(std::string url) {
  co_await sleep(5ms);
  if (url.rfind("https://", 0) != 0) co_return unexpected(FetchError{"unsupported scheme"});
  co_return std::string("body of ") + url;
}

Task<int> run() {
  auto ok = co_await fetch_data("https://api.example.com");
  auto bad = co_await fetch_data("gopher://old.example.com");
  co_return (ok.has_value() ? 1 : 0) + (bad.has_value() ? 0 : 2);
}

int main() {
  Runtime rt;  // multi-thread, like #[tokio::main]
  int r = rt.block_on(run());
  std::printf("fetch ok + failure seen: %d\n", r);
  return r == 3 ? 0 : 1;
}
