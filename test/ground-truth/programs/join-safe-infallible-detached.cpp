// A detached task that cannot fail (it sleeps, then bumps a counter): nothing is
// lost at run time, so the monitor sees no hazard; the linter reads the body
// (the sleep's awaiter and an atomic increment cannot throw) and agrees.
// GROUND-TRUTH: async-ignored-join-handle safe
#include <asyncrt/asyncrt.hpp>

#include <atomic>

using namespace std::chrono_literals;

static std::atomic<int> heartbeats{0};

asyncrt::Task<> heartbeat() {
  co_await asyncrt::sleep(5ms);
  heartbeats.fetch_add(1);
}

asyncrt::Task<int> serve() {
  asyncrt::spawn(heartbeat());
  co_await asyncrt::sleep(100ms);
  co_return heartbeats.load() == 1 ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(serve());
}
