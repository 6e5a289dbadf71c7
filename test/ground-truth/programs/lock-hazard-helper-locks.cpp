// The mutex is taken by a same-TU helper on the coroutine's behalf and released by another
// after the co_await. The monitor sees the lock held at the suspension; the linter's lock
// analysis is intraprocedural and does not follow the helpers (a documented limit).
// GROUND-TRUTH: async-lock-held-across-suspend hazard
// GROUND-TRUTH-LIMIT: async-lock-held-across-suspend monitor_only: the lock is taken and released by helper functions, which the intraprocedural analysis does not follow
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <mutex>

using namespace std::chrono_literals;

static std::mutex journal_mu;
static int entries = 0;

static void begin_journal_entry() { journal_mu.lock(); }
static void end_journal_entry() { journal_mu.unlock(); }

asyncrt::Task<int> append_entry() {
  begin_journal_entry();
  ++entries;
  co_await asyncrt::sleep(1ms);  // stands in for the disk write
  end_journal_entry();
  co_return entries;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(append_entry()) == 1 ? 0 : 1;
}
