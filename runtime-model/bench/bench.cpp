// Benchmarks (not tests): asyncrt against standalone Asio's co_spawn on the same machine,
// in the same run. Both use 2 worker threads.
//   1. spawn + join of N empty tasks
//   2. mpsc throughput: one producer, one consumer, bounded channel (Asio: concurrent_channel)
// Usage: asyncrt-bench [N]   (default 1,000,000)
#include <asio.hpp>
#include <asio/experimental/as_tuple.hpp>
#include <asio/experimental/concurrent_channel.hpp>
#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace rt = asyncrt;
using Clock = std::chrono::steady_clock;

namespace {

constexpr unsigned kThreads = 2;
constexpr std::size_t kCapacity = 1024;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// ---- asyncrt ---------------------------------------------------------------------------

rt::Task<void> rt_empty() { co_return; }

rt::Task<void> rt_spawn_join(long n) {
  std::vector<rt::JoinHandle<void>> hs;
  hs.reserve(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i) hs.push_back(rt::spawn(rt_empty()));
  for (auto& h : hs) co_await h;
}

rt::Task<void> rt_producer(rt::mpsc::Sender<long> tx, long n) {
  for (long i = 0; i < n; ++i) co_await tx.send(i);
}

rt::Task<long> rt_mpsc(long n) {
  auto [tx, rx] = rt::mpsc::channel<long>(kCapacity);
  auto p = rt::spawn(rt_producer(std::move(tx), n));
  long sum = 0;
  while (auto v = co_await rx.recv()) sum += *v;
  co_await p;
  co_return sum;
}

// ---- asio ------------------------------------------------------------------------------

asio::awaitable<void> asio_empty() { co_return; }

// co_spawn has no join handle: the idiomatic join is a counter in the completion handler,
// and io_context::run() returning once every task has completed.
void asio_spawn_all(asio::io_context& io, long n, std::atomic<long>& completed) {
  for (long i = 0; i < n; ++i)
    asio::co_spawn(io, asio_empty(), [&completed](std::exception_ptr) { ++completed; });
}

using AsioChan = asio::experimental::concurrent_channel<void(asio::error_code, long)>;

asio::awaitable<void> asio_producer(std::shared_ptr<AsioChan> ch, long n) {
  for (long i = 0; i < n; ++i) co_await ch->async_send(asio::error_code{}, i, asio::use_awaitable);
  co_await ch->async_send(asio::error_code{}, -1, asio::use_awaitable);  // end marker
}

asio::awaitable<long> asio_consumer(std::shared_ptr<AsioChan> ch) {
  long sum = 0;
  for (;;) {
    auto [ec, v] = co_await ch->async_receive(asio::experimental::as_tuple(asio::use_awaitable));
    if (ec || v < 0) co_return sum;
    sum += v;
  }
}

template <class F>
double run_asio(F&& make) {
  asio::io_context io(kThreads);
  auto t0 = Clock::now();
  make(io);
  std::vector<std::thread> ts;
  for (unsigned i = 1; i < kThreads; ++i) ts.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : ts) t.join();
  return seconds_since(t0);
}

void row(const char* what, double ours, double asio, long n) {
  std::printf("%-28s asyncrt %8.3f s (%6.2f M/s)   asio %8.3f s (%6.2f M/s)   asyncrt/asio time = %.2f\n",
              what, ours, n / ours / 1e6, asio, n / asio / 1e6, ours / asio);
}

}  // namespace

int main(int argc, char** argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 1000000;
  std::printf("N = %ld, %u worker threads each\n", n, kThreads);

  double ours_spawn, ours_mpsc, asio_spawn, asio_mpsc;
  {
    rt::Runtime r(rt::RuntimeOptions::multi_thread(kThreads));
    auto t0 = Clock::now();
    r.block_on(rt_spawn_join(n));
    ours_spawn = seconds_since(t0);
    t0 = Clock::now();
    long sum = r.block_on(rt_mpsc(n));
    ours_mpsc = seconds_since(t0);
    if (sum != n * (n - 1) / 2) std::printf("asyncrt mpsc: wrong sum\n");
  }
  std::atomic<long> completed{0};
  asio_spawn = run_asio([n, &completed](asio::io_context& io) { asio_spawn_all(io, n, completed); });
  if (completed != n) std::printf("asio spawn: %ld of %ld completed\n", completed.load(), n);
  long asio_sum = 0;
  asio_mpsc = run_asio([n, &asio_sum](asio::io_context& io) {
    auto ch = std::make_shared<AsioChan>(io, kCapacity);
    asio::co_spawn(io, asio_producer(ch, n), asio::detached);
    asio::co_spawn(io, asio_consumer(ch), [&asio_sum](std::exception_ptr, long s) { asio_sum = s; });
  });
  if (asio_sum != n * (n - 1) / 2) std::printf("asio mpsc: wrong sum\n");

  row("spawn+join empty tasks", ours_spawn, asio_spawn, n);
  row("mpsc send/recv (cap 1024)", ours_mpsc, asio_mpsc, n);
  return 0;
}
