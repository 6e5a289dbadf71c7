// The fix of join-hazard-dropped-handle: the handle is awaited, so the task's
// exception reaches the spawner, which handles it.
// GROUND-TRUTH: async-ignored-join-handle safe
#include <asyncrt/asyncrt.hpp>

#include <cstdio>
#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<> upload_metrics() {
  co_await asyncrt::sleep(5ms);
  throw std::runtime_error("metrics endpoint refused the upload");
}

asyncrt::Task<int> serve() {
  auto upload = asyncrt::spawn(upload_metrics());
  co_await asyncrt::sleep(20ms);
  try {
    co_await upload;
  } catch (const std::exception &e) {
    std::printf("upload failed: %s\n", e.what());
    co_return 0;
  }
  co_return 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(serve());
}
