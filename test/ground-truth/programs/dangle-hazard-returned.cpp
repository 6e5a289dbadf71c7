// A function (not a coroutine) returns a lazy task that refers to its own
// by-value parameter; the parameter dies when the function returns, before
// the task runs. ASan: heap-use-after-free.
// GROUND-TRUTH: async-dangling-reference hazard
// GROUND-TRUTH-RUN: asan
#include <asyncrt/asyncrt.hpp>

#include <string>
#include <utility>

static int checksum = 0;

asyncrt::Task<> store(const std::string &key) {
  for (char c : key)
    checksum += c;
  co_return;
}

asyncrt::Task<> store_copy_of(std::string key) { return store(key); }

asyncrt::Task<int> handler() {
  // (The Itanium ABI destroys a by-value argument at the end of the caller's
  // full-expression: awaiting at once would hide the hazard.)
  auto pending = store_copy_of(std::string(64, 'k'));
  co_await asyncrt::sleep(std::chrono::milliseconds(1));
  co_await std::move(pending);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(handler());
}
