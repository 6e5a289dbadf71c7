// A counted for over 200 items that spawns a sleeping task per item: the loop is
// bounded, so the linter accepts it, but 200 tasks are alive at once and the
// monitor's per-site limit (64) is passed. A documented limit of the check.
// GROUND-TRUTH: async-unbounded-spawn hazard
// GROUND-TRUTH-LIMIT: async-unbounded-spawn monitor_only: a loop with a counted bound is accepted whatever the bound; the 200-iteration burst runs 200 tasks at once
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> reindex(int document) {
  co_await asyncrt::sleep(50ms);
  co_return document;
}

asyncrt::Task<int> reindex_all() {
  constexpr int Documents = 200;
  asyncrt::JoinSet<int> jobs;
  for (int document = 0; document < Documents; ++document)
    jobs.spawn(reindex(document));
  int done = 0;
  while (co_await jobs.join_next())
    ++done;
  co_return done;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(reindex_all()) == 200 ? 0 : 1;
}
