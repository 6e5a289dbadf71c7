// A lazy task kept in a local that is never awaited, moved or returned: it is
// destroyed at the end of the scope without its body having run.
// GROUND-TRUTH: async-discarded-task hazard
#include <asyncrt/asyncrt.hpp>

static int flushed = 0;

asyncrt::Task<> flush_log() {
  ++flushed;
  co_return;
}

asyncrt::Task<int> shutdown_sequence() {
  auto flush = flush_log();  // created, never awaited
  co_await asyncrt::yield_now();
  co_return flushed;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(shutdown_sequence()) == 0 ? 0 : 1;
}
