// Tokio guide: "Tokio runtime" - the single-threaded (current_thread) flavour, the
// multi-threaded default, and a manually built runtime.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>

using namespace asyncrt;
using namespace std::chrono_literals;

Task<int> work(int x) {
  co_await sleep(1ms);
  co_return x * x;
}

Task<int> sum_of_squares(int n) {
  JoinSet<int> set;
  for (int i = 1; i <= n; ++i) set.spawn(work(i));
  int sum = 0;
  while (auto r = co_await set.join_next()) sum += *r;
  co_return sum;
}

int main() {
  // #[tokio::main(flavor = "current_thread")]: everything runs on this thread.
  Runtime single(RuntimeOptions::current_thread());
  int a = single.block_on(sum_of_squares(10));

  // Runtime::new() with a chosen number of workers.
  RuntimeOptions opts = RuntimeOptions::multi_thread(2);
  opts.max_blocking_threads = 8;
  Runtime multi(opts);
  int b = multi.block_on(sum_of_squares(10));

  std::printf("current_thread=%d multi_thread=%d (workers=%u)\n", a, b, multi.worker_threads());
  return a == 385 && b == 385 ? 0 : 1;
}
