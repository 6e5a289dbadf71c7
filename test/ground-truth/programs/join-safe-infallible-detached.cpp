// A detached task that cannot fail (it only bumps a counter): nothing is lost at
// run time, so the monitor sees no hazard. The linter cannot know that a task
// never throws and reports the dropped handle: a documented limit.
// GROUND-TRUTH: async-ignored-join-handle safe
// GROUND-TRUTH-LIMIT: async-ignored-join-handle lint_only: the linter does not prove that a detached task cannot throw; only a task whose body catches everything is exempt
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
