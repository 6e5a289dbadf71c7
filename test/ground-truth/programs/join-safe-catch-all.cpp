// A fire-and-forget task that handles its own errors: its whole body is a try
// with a catch (...) that logs. Dropping its handle loses nothing.
// GROUND-TRUTH: async-ignored-join-handle safe
#include <asyncrt/asyncrt.hpp>

#include <cstdio>
#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<> upload_metrics() {
  try {
    co_await asyncrt::sleep(5ms);
    throw std::runtime_error("metrics endpoint refused the upload");
  } catch (...) {
    std::printf("metrics upload failed; will retry next period\n");
  }
}

asyncrt::Task<int> serve() {
  asyncrt::spawn(upload_metrics());  // detached on purpose
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(serve());
}
