// An explicit detach() of a task that then fails: its exception is lost.
// GROUND-TRUTH: async-ignored-join-handle hazard
#include <asyncrt/asyncrt.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<int> compact_storage(int segments) {
  co_await asyncrt::sleep(5ms);
  if (segments > 2)
    throw std::runtime_error("compaction hit a corrupt segment");
  co_return segments;
}

asyncrt::Task<int> maintenance() {
  auto compaction = asyncrt::spawn(compact_storage(5));
  compaction.detach();
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(maintenance());
}
