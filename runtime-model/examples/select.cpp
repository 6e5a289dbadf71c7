// Tokio guide: "Select first completed": two operations race; the loser is cancelled.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

Task<std::string> operation_a() {
  co_await sleep(50ms);
  co_return "A";
}
Task<std::string> operation_b() {
  co_await sleep(1ms);
  co_return "B";
}

Task<std::string> first_complete() {
  auto r = co_await select(operation_a(), operation_b());
  if (r.index() == 0) co_return "A finished first: " + std::get<0>(r);
  co_return "B finished first: " + std::get<1>(r);
}

int main() {
  Runtime rt;
  std::string s = rt.block_on(first_complete());
  std::printf("%s\n", s.c_str());
  return s == "B finished first: B" ? 0 : 1;
}
