// spawn / JoinHandle / JoinSet / spawn_blocking / shutdown.
#include <thread>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class SpawnTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

Task<int> twice(int x) {
  co_await yield_now();
  co_return 2 * x;
}
Task<int> fail_after(std::chrono::milliseconds d) {
  co_await sleep(d);
  throw std::runtime_error("task failed");
}

TEST_P(SpawnTest, JoinHandleYieldsValue) {
  EXPECT_EQ(rt.block_on([]() -> Task<int> { co_return co_await spawn(twice(21)); }()), 42);
}

TEST_P(SpawnTest, JoinHandleRethrows) {
  EXPECT_THROW(rt.block_on([]() -> Task<int> { co_return co_await spawn(fail_after(1ms)); }()),
               std::runtime_error);
}

TEST_P(SpawnTest, SpawnedTasksRunConcurrently) {
  // Two tasks that each wait for the other's signal: only works if both run.
  int r = rt.block_on([]() -> Task<int> {
    auto [tx1, rx1] = oneshot::channel<int>();
    auto [tx2, rx2] = oneshot::channel<int>();
    auto a = spawn([](oneshot::Sender<int> tx, oneshot::Receiver<int> rx) -> Task<int> {
      tx.send(1);
      auto v = co_await std::move(rx);
      co_return v.value_or(-100);
    }(std::move(tx1), std::move(rx2)));
    auto v = co_await std::move(rx1);
    tx2.send(10);
    co_return v.value_or(-1000) + co_await a;
  }());
  EXPECT_EQ(r, 11);
}

TEST_P(SpawnTest, AbortCancelsAndRunsDestructors) {
  int before = rt_test::Tracked::live;
  bool cancelled = rt.block_on([]() -> Task<bool> {
    auto h = spawn([](rt_test::Tracked) -> Task<int> {
      co_await sleep(1h);
      co_return 1;
    }(rt_test::Tracked{}));
    co_await sleep(2ms);
    h.abort();
    try {
      co_await h;
    } catch (const Cancelled&) {
      co_return true;
    }
    co_return false;
  }());
  EXPECT_TRUE(cancelled);
  EXPECT_EQ(rt_test::Tracked::live, before);
}

TEST_P(SpawnTest, DroppedHandleDetachesTaskWhichKeepsRunning) {
  std::atomic<bool> done{false};
  rt.block_on([](std::atomic<bool>* d) -> Task<void> {
    auto [tx, rx] = oneshot::channel<int>();
    {
      JoinHandle<void> h = spawn([](std::atomic<bool>* d, oneshot::Sender<int> tx) -> Task<void> {
        co_await sleep(2ms);
        d->store(true);
        tx.send(1);
      }(d, std::move(tx)));
    }  // dropped: detached, not cancelled
    auto v = co_await std::move(rx);
    EXPECT_TRUE(v.has_value());
  }(&done));
  EXPECT_TRUE(done);
}

TEST_P(SpawnTest, JoinSetCollectsAllResults) {
  int sum = rt.block_on([]() -> Task<int> {
    JoinSet<int> set;
    for (int i = 1; i <= 100; ++i) set.spawn(twice(i));
    EXPECT_EQ(set.size(), 100u);
    int s = 0;
    while (auto r = co_await set.join_next()) s += *r;
    EXPECT_EQ(set.size(), 0u);
    co_return s;
  }());
  EXPECT_EQ(sum, 100 * 101);
}

TEST_P(SpawnTest, JoinSetReportsErrorsAndContinues) {
  auto [ok, errors] = rt.block_on([]() -> Task<std::pair<int, int>> {
    JoinSet<int> set;
    for (int i = 0; i < 10; ++i) set.spawn(i % 3 == 0 ? fail_after(1ms) : twice(i));
    int ok = 0, errors = 0;
    for (;;) {
      try {
        auto r = co_await set.join_next();
        if (!r) break;
        ++ok;
      } catch (const std::runtime_error&) {
        ++errors;
      }
    }
    co_return std::pair{ok, errors};
  }());
  EXPECT_EQ(ok, 6);
  EXPECT_EQ(errors, 4);
}

TEST_P(SpawnTest, DroppingJoinSetAbortsItsTasks) {
  int before = rt_test::Tracked::live;
  rt.block_on([]() -> Task<void> {
    {
      JoinSet<void> set;
      for (int i = 0; i < 20; ++i)
        set.spawn([](rt_test::Tracked) -> Task<void> { co_await sleep(1h); }(rt_test::Tracked{}));
      co_await sleep(1ms);
    }
    // Aborted tasks are destroyed by the workers shortly after.
    for (int i = 0; i < 200 && rt_test::Tracked::live > 0; ++i) co_await sleep(1ms);
  }());
  EXPECT_EQ(rt_test::Tracked::live, before);
}

TEST_P(SpawnTest, SpawnBlockingRunsOffTheWorkers) {
  auto main_id = std::this_thread::get_id();
  auto [v, other] = rt.block_on([](std::thread::id m) -> Task<std::pair<long, bool>> {
    auto h = spawn_blocking([m] {
      long s = 0;
      for (long i = 0; i < 100000; ++i) s += i;
      return std::pair<long, bool>{s, std::this_thread::get_id() != m};
    });
    co_return co_await h;
  }(main_id));
  EXPECT_EQ(v, 4999950000L);
  EXPECT_TRUE(other);
}

TEST_P(SpawnTest, SpawnBlockingRethrows) {
  EXPECT_THROW(rt.block_on([]() -> Task<void> {
                 co_await spawn_blocking([] { throw std::runtime_error("io"); });
               }()),
               std::runtime_error);
}

TEST_P(SpawnTest, ShutdownCancelsEveryPendingTask) {
  int before = rt_test::Tracked::live;
  {
    Runtime local(rt_test::flavour(GetParam()));
    local.block_on([]() -> Task<void> {
      for (int i = 0; i < 50; ++i) {
        JoinHandle<void> h = spawn([](rt_test::Tracked) -> Task<void> { co_await sleep(1h); }(rt_test::Tracked{}));
        h.detach();
      }
      co_await sleep(1ms);
    }());
    EXPECT_GT(local.live_tasks(), 0u);
  }
  EXPECT_EQ(rt_test::Tracked::live, before);
}

INSTANTIATE_TEST_SUITE_P(Flavours, SpawnTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

TEST(SpawnBlocking, PoolIsBounded) {
  RuntimeOptions o = RuntimeOptions::multi_thread(2);
  o.max_blocking_threads = 2;
  Runtime rt(o);
  std::atomic<int> running{0}, peak{0};
  rt.block_on([](std::atomic<int>* r, std::atomic<int>* p) -> Task<void> {
    JoinSet<void> set;
    for (int i = 0; i < 8; ++i)
      set.spawn([](std::atomic<int>* r, std::atomic<int>* p) -> Task<void> {
        co_await spawn_blocking([r, p] {
          int now = ++*r;
          int old = p->load();
          while (now > old && !p->compare_exchange_weak(old, now)) {
          }
          std::this_thread::sleep_for(5ms);  // blocking work: that is what the pool is for
          --*r;
        });
      }(r, p));
    while (co_await set.join_next()) {
    }
  }(&running, &peak));
  EXPECT_LE(peak.load(), 2);
}

}  // namespace
