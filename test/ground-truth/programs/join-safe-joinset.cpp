// Failing tasks kept in a JoinSet and joined with join_next: every exception is
// observed by the owner of the set.
// GROUND-TRUTH: async-ignored-join-handle safe
#include <asyncrt/asyncrt.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<int> probe_replica(int replica) {
  co_await asyncrt::sleep(5ms);
  if (replica % 2)
    throw std::runtime_error("replica did not answer");
  co_return replica;
}

asyncrt::Task<int> health_check() {
  asyncrt::JoinSet<int> probes;
  for (int replica = 0; replica < 4; ++replica)
    probes.spawn(probe_replica(replica));
  int failures = 0;
  for (;;) {
    try {
      if (!co_await probes.join_next())
        break;
    } catch (const std::runtime_error &) {
      ++failures;
    }
  }
  co_return failures == 2 ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(health_check());
}
