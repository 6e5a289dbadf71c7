// Stress: many tasks, channel ping-pong, lock contention, shutdown under load.
#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

Task<int> one() { co_return 1; }

TEST(Stress, HundredThousandTasks) {
  const int n = 100000 / rt_test::kScale;
  Runtime rt(RuntimeOptions::multi_thread(2));
  long sum = rt.block_on([](int n) -> Task<long> {
    JoinSet<int> set;
    for (int i = 0; i < n; ++i) set.spawn(one());
    long s = 0;
    while (auto r = co_await set.join_next()) s += *r;
    co_return s;
  }(n));
  EXPECT_EQ(sum, n);
}

TEST(Stress, HundredThousandHandles) {
  const int n = 100000 / rt_test::kScale;
  Runtime rt(RuntimeOptions::current_thread());
  long sum = rt.block_on([](int n) -> Task<long> {
    std::vector<JoinHandle<int>> hs;
    hs.reserve(n);
    for (int i = 0; i < n; ++i) hs.push_back(spawn(one()));
    long s = 0;
    for (auto& h : hs) s += co_await h;
    co_return s;
  }(n));
  EXPECT_EQ(sum, n);
}

TEST(Stress, ChannelPingPong) {
  const int rounds = 20000 / rt_test::kScale;
  Runtime rt(RuntimeOptions::multi_thread(2));
  int last = rt.block_on([](int rounds) -> Task<int> {
    auto [ping_tx, ping_rx] = mpsc::channel<int>(1);
    auto [pong_tx, pong_rx] = mpsc::channel<int>(1);
    auto echo = spawn([](mpsc::Receiver<int> rx, mpsc::Sender<int> tx) -> Task<void> {
      while (auto v = co_await rx.recv()) co_await tx.send(*v + 1);
    }(std::move(ping_rx), std::move(pong_tx)));
    int v = 0;
    for (int i = 0; i < rounds; ++i) {
      co_await ping_tx.send(v);
      v = *co_await pong_rx.recv();
    }
    { auto close = std::move(ping_tx); }
    co_await echo;
    co_return v;
  }(rounds));
  EXPECT_EQ(last, rounds);
}

TEST(Stress, MutexContention) {
  const int tasks = 200, iters = 200 / rt_test::kScale;
  Runtime rt(RuntimeOptions::multi_thread(2));
  long counter = rt.block_on([](int tasks, int iters) -> Task<long> {
    auto m = std::make_shared<Mutex>();
    auto c = std::make_shared<long>(0);
    JoinSet<void> set;
    for (int t = 0; t < tasks; ++t)
      set.spawn([](std::shared_ptr<Mutex> m, std::shared_ptr<long> c, int iters) -> Task<void> {
        for (int i = 0; i < iters; ++i) {
          auto g = co_await m->lock();
          ++*c;
          if (i % 16 == 0) co_await yield_now();
        }
      }(m, c, iters));
    while (co_await set.join_next()) {
    }
    co_return *c;
  }(tasks, iters));
  EXPECT_EQ(counter, long(tasks) * iters);
}

TEST(Stress, ShutdownUnderLoad) {
  int before = rt_test::Tracked::live;
  for (int round = 0; round < 3; ++round) {
    Runtime rt(RuntimeOptions::multi_thread(2));
    auto [tx, rx] = mpsc::unbounded_channel<int>();
    // Producers, consumers, sleepers, lock holders, all mid-flight when the runtime dies.
    auto m = std::make_shared<Mutex>();
    for (int i = 0; i < 200; ++i) {
      rt.spawn([](rt_test::Tracked, mpsc::UnboundedSender<int> tx, int i) -> Task<void> {
          for (;;) {
            tx.send(i);
            co_await sleep(std::chrono::microseconds(100 + i));
          }
        }(rt_test::Tracked{}, tx, i)).detach();
      rt.spawn([](rt_test::Tracked, std::shared_ptr<Mutex> m) -> Task<void> {
          for (;;) {
            auto g = co_await m->lock();
            co_await yield_now();
          }
        }(rt_test::Tracked{}, m)).detach();
    }
    rt.spawn([](rt_test::Tracked, mpsc::Receiver<int> rx) -> Task<void> {
        while (co_await rx.recv()) {
        }
      }(rt_test::Tracked{}, std::move(rx))).detach();
    rt.block_on([]() -> Task<void> { co_await sleep(20ms); }());
    EXPECT_GT(rt.live_tasks(), 0u);
  }  // ~Runtime cancels all of them
  EXPECT_EQ(rt_test::Tracked::live, before);
}

}  // namespace
