// Tasks moved into a JoinSet start at once and are joined: none is discarded.
// GROUND-TRUTH: async-discarded-task safe
#include <asyncrt/asyncrt.hpp>

asyncrt::Task<int> checksum(int block) { co_return block * 3; }

asyncrt::Task<int> verify_blocks() {
  asyncrt::JoinSet<int> set;
  for (int block = 0; block < 4; ++block) {
    auto job = checksum(block);
    set.spawn(std::move(job));
  }
  int total = 0;
  while (auto sum = co_await set.join_next())
    total += *sum;
  co_return total;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(verify_blocks()) == 18 ? 0 : 1;
}
