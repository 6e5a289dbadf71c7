// A counted for over a small fixed range: the number of tasks is bounded by the
// loop itself (16, under the monitor's limit of 64 live tasks per site).
// GROUND-TRUTH: async-unbounded-spawn safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> warm_shard(int shard) {
  co_await asyncrt::sleep(20ms);
  co_return shard;
}

asyncrt::Task<int> warm_cache() {
  constexpr int Shards = 16;
  asyncrt::JoinSet<int> warming;
  for (int shard = 0; shard < Shards; ++shard)
    warming.spawn(warm_shard(shard));
  int warmed = 0;
  while (co_await warming.join_next())
    ++warmed;
  co_return warmed;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(warm_cache()) == 16 ? 0 : 1;
}
