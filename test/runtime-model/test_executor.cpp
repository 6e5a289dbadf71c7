// Executor hops: co_await on(blocking_pool()) moves the rest of a task onto the
// spawn_blocking pool, co_await on(workers()) moves it back.
#include <thread>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class HopTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

struct Threads {
  std::thread::id before, on_pool, after_sleep_on_pool, back;
};

TEST_P(HopTest, MovesTheTaskToThePoolAndBack) {
  const auto main_id = std::this_thread::get_id();
  Threads t = rt.block_on([]() -> Task<Threads> {
    Threads t;
    t.before = std::this_thread::get_id();
    co_await on(blocking_pool());
    t.on_pool = std::this_thread::get_id();
    co_await sleep(1ms);  // later schedulings of the task stay on the pool
    t.after_sleep_on_pool = std::this_thread::get_id();
    co_await on(workers());
    t.back = std::this_thread::get_id();
    co_return t;
  }());
  EXPECT_NE(t.on_pool, t.before);
  EXPECT_NE(t.on_pool, main_id);
  EXPECT_NE(t.after_sleep_on_pool, main_id);
  EXPECT_NE(t.back, t.after_sleep_on_pool);
  if (!GetParam()) {  // current-thread flavour: the block_on thread is the only worker
    EXPECT_EQ(t.before, main_id);
    EXPECT_EQ(t.back, main_id);
  }
}

// The property the hop exists for: a task blocking on the pool leaves the workers free.
TEST_P(HopTest, BlockingAfterTheHopDoesNotStallTheWorkers) {
  std::atomic<int> ticks{0};
  std::atomic<bool> stop{false};
  int during = rt.block_on([](std::atomic<int>* ticks, std::atomic<bool>* stop) -> Task<int> {
    JoinHandle<void> ticker = spawn([](std::atomic<int>* ticks, std::atomic<bool>* stop) -> Task<void> {
      while (!stop->load()) {
        ++*ticks;
        co_await sleep(1ms);
      }
    }(ticks, stop));
    co_await sleep(5ms);
    co_await on(blocking_pool());
    const int start = ticks->load();
    std::this_thread::sleep_for(200ms);  // would freeze a current-thread runtime's only worker
    const int ran = ticks->load() - start;
    co_await on(workers());
    stop->store(true);
    co_await ticker;
    co_return ran;
  }(&ticks, &stop));
  EXPECT_GE(during, 20) << "the ticker barely ran while the hopped task blocked";
}

TEST_P(HopTest, AwaitingThePlaceTheTaskIsOnDoesNotMoveIt) {
  auto same = rt.block_on([]() -> Task<std::pair<bool, bool>> {
    auto a = std::this_thread::get_id();
    co_await on(workers());
    bool stayed_on_worker = a == std::this_thread::get_id();
    co_await on(blocking_pool());
    auto b = std::this_thread::get_id();
    co_await on(blocking_pool());
    bool stayed_on_pool = b == std::this_thread::get_id();
    co_await on(workers());
    co_return std::pair{stayed_on_worker, stayed_on_pool};
  }());
  EXPECT_TRUE(same.first);
  EXPECT_TRUE(same.second);
}

TEST_P(HopTest, ChildTasksAndValuesMoveWithTheTask) {
  int v = rt.block_on([]() -> Task<int> {
    auto child = []() -> Task<int> {
      co_await on(blocking_pool());  // a child hops: its parent continues there too
      co_return 20;
    };
    int a = co_await child();
    std::this_thread::sleep_for(1ms);
    co_await on(workers());
    co_return a + 22;
  }());
  EXPECT_EQ(v, 42);
}

TEST_P(HopTest, AnExceptionOnThePoolReachesTheJoinHandle) {
  EXPECT_THROW(rt.block_on([]() -> Task<void> {
                 JoinHandle<void> h = spawn([]() -> Task<void> {
                   co_await on(blocking_pool());
                   throw std::runtime_error("io failed");
                 }());
                 co_await h;
               }()),
               std::runtime_error);
}

TEST_P(HopTest, AbortingAHoppedTaskRunsItsDestructors) {
  const int before = rt_test::Tracked::live;
  rt.block_on([]() -> Task<void> {
    JoinHandle<void> h = spawn([](rt_test::Tracked) -> Task<void> {
      co_await on(blocking_pool());
      co_await sleep(1h);
    }(rt_test::Tracked{}));
    co_await sleep(5ms);
    h.abort();
    bool cancelled = false;
    try {
      co_await h;
    } catch (const Cancelled&) {
      cancelled = true;
    }
    EXPECT_TRUE(cancelled);
  }());
  EXPECT_EQ(rt_test::Tracked::live, before);
}

TEST_P(HopTest, ShutdownCancelsTasksParkedOnThePool) {
  const int before = rt_test::Tracked::live;
  {
    Runtime local(rt_test::flavour(GetParam()));
    local.block_on([]() -> Task<void> {
      for (int i = 0; i < 10; ++i)
        spawn([](rt_test::Tracked) -> Task<void> {
          co_await on(blocking_pool());
          co_await sleep(1h);
        }(rt_test::Tracked{}))
            .detach();
      co_await sleep(5ms);
    }());
  }
  EXPECT_EQ(rt_test::Tracked::live, before);
}

TEST_P(HopTest, ManyTasksHopConcurrently) {
  const int n = 200 / rt_test::kScale;
  int sum = rt.block_on([](int n) -> Task<int> {
    JoinSet<int> set;
    for (int i = 0; i < n; ++i)
      set.spawn([](int i) -> Task<int> {
        co_await on(blocking_pool());
        co_await yield_now();
        co_await on(workers());
        co_await on(blocking_pool());
        co_return i;
      }(i));
    int s = 0;
    while (auto v = co_await set.join_next()) s += *v;
    co_return s;
  }(n));
  EXPECT_EQ(sum, n * (n - 1) / 2);
}

INSTANTIATE_TEST_SUITE_P(Flavours, HopTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

// The monitor times only the workers: blocking after a hop is not a stall; the same blocking
// without the hop is.
std::vector<monitor::Hazard> monitored(Task<void> t) {
  monitor::Options o;
  o.stall_ms = 100;
  monitor::enable(o);
  monitor::clear();
  {
    Runtime rt(RuntimeOptions::multi_thread(2));
    rt.block_on(std::move(t));
  }
  return monitor::hazards();
}

int count(const std::vector<monitor::Hazard>& hs, const std::string& check) {
  int n = 0;
  for (auto& h : hs) n += h.check == check;
  return n;
}

TEST(HopMonitor, SleepAfterTheHopIsNotAStall) {
  auto hs = monitored([]() -> Task<void> {
    co_await on(blocking_pool());
    std::this_thread::sleep_for(300ms);
    co_await on(workers());
  }());
  EXPECT_EQ(count(hs, "async-sleep-in-coroutine") + count(hs, "async-blocking-call-in-coroutine"), 0);
}

TEST(HopMonitor, SleepAfterHoppingBackIsAStall) {
  auto hs = monitored([]() -> Task<void> {
    co_await on(blocking_pool());
    co_await on(workers());
    std::this_thread::sleep_for(300ms);
  }());
#ifdef ASYNCRT_NO_INTERPOSE
  EXPECT_EQ(count(hs, "async-blocking-call-in-coroutine"), 1);
#else
  EXPECT_EQ(count(hs, "async-sleep-in-coroutine"), 1);
#endif
}


}  // namespace
