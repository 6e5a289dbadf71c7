// A spawned task whose handle is thrown away at once: the task is detached, and
// when its upload fails, the exception is stored where nobody will ever look.
// GROUND-TRUTH: async-ignored-join-handle hazard
#include <asyncrt/asyncrt.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<> upload_metrics() {
  co_await asyncrt::sleep(5ms);
  throw std::runtime_error("metrics endpoint refused the upload");
}

asyncrt::Task<int> serve() {
  asyncrt::spawn(upload_metrics());  // handle dropped: the task is detached
  co_await asyncrt::sleep(100ms);    // the upload fails meanwhile
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(serve());
}
