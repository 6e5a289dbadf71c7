// sleep, timeout, select, yield_now. Durations are generous and only ordering is asserted.
#include <vector>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class TimeTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

Task<int> after(std::chrono::milliseconds d, int v) {
  co_await sleep(d);
  co_return v;
}

TEST_P(TimeTest, SleepWaitsAtLeastTheDuration) {
  auto t0 = Clock::now();
  rt.block_on([]() -> Task<void> { co_await sleep(20ms); }());
  EXPECT_GE(Clock::now() - t0, 20ms);
}

TEST_P(TimeTest, SleepUntilInThePastIsReady) {
  rt.block_on([]() -> Task<void> { co_await sleep_until(Clock::now() - 1s); }());
}

TEST_P(TimeTest, TimersFireInDeadlineOrder) {
  auto order = rt.block_on([]() -> Task<std::vector<int>> {
    auto [tx, rx] = mpsc::unbounded_channel<int>();
    std::vector<JoinHandle<void>> hs;
    for (int i : {3, 1, 2})
      hs.push_back(spawn([](int i, mpsc::UnboundedSender<int> tx) -> Task<void> {
        co_await sleep(i * 15ms);
        tx.send(i);
      }(i, tx)));
    for (auto& h : hs) co_await h;
    std::vector<int> out;
    while (auto v = rx.try_recv()) out.push_back(*v);
    co_return out;
  }());
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST_P(TimeTest, TimeoutReturnsValueWhenInTime) {
  auto r = rt.block_on([]() -> Task<Expected<int, Elapsed>> { co_return co_await timeout(5s, after(1ms, 7)); }());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(*r, 7);
}

TEST_P(TimeTest, TimeoutElapsesAndCancelsTheOperation) {
  int before = rt_test::Tracked::live;
  auto r = rt.block_on([]() -> Task<Expected<int, Elapsed>> {
    co_return co_await timeout(5ms, [](rt_test::Tracked) -> Task<int> {
      co_await sleep(1h);
      co_return 1;
    }(rt_test::Tracked{}));
  }());
  EXPECT_FALSE(r.has_value());
  EXPECT_EQ(rt_test::Tracked::live, before);  // the slow branch was destroyed before return
}

TEST_P(TimeTest, SelectFirstCompletedWins) {
  auto r = rt.block_on([]() -> Task<std::variant<int, int>> {
    co_return co_await select(after(1h, 1), after(1ms, 2));
  }());
  EXPECT_EQ(r.index(), 1u);
  EXPECT_EQ(std::get<1>(r), 2);
}

TEST_P(TimeTest, SelectOverThreeWithVoidBranch) {
  auto r = rt.block_on([]() -> Task<std::size_t> {
    auto [tx, rx] = oneshot::channel<std::string>();
    tx.send("ready");
    auto s = co_await select(sleep(1h), std::move(rx), after(1h, 3));
    EXPECT_EQ(std::get<1>(s).value_or(""), "ready");
    co_return s.index();
  }());
  EXPECT_EQ(r, 1u);
}

TEST_P(TimeTest, SelectBorrowsLvalueAwaitables) {
  int got = rt.block_on([]() -> Task<int> {
    auto [tx, rx] = mpsc::channel<int>(4);
    co_await tx.send(5);
    auto s = co_await select(rx.recv(), sleep(1h));
    co_return s.index() == 0 ? std::get<0>(s).value_or(-1) : -2;
  }());
  EXPECT_EQ(got, 5);
}

TEST_P(TimeTest, SelectRethrowsWinnerException) {
  EXPECT_THROW(rt.block_on([]() -> Task<void> {
                 co_await select(sleep(1h), []() -> Task<int> {
                   co_await yield_now();
                   throw std::runtime_error("branch");
                 }());
               }()),
               std::runtime_error);
}

TEST_P(TimeTest, AbortingTaskInSelectCancelsBranches) {
  int before = rt_test::Tracked::live;
  rt.block_on([]() -> Task<void> {
    auto h = spawn([]() -> Task<void> {
      rt_test::Tracked local;
      co_await select(sleep(1h), [](rt_test::Tracked) -> Task<void> { co_await sleep(1h); }(rt_test::Tracked{}));
    }());
    co_await sleep(2ms);
    h.abort();
    EXPECT_THROW(co_await h, Cancelled);
  }());
  EXPECT_EQ(rt_test::Tracked::live, before);
}

TEST_P(TimeTest, YieldNowLetsOthersRun) {
  int r = rt.block_on([]() -> Task<int> {
    std::atomic<int> flag{0};
    auto h = spawn([](std::atomic<int>* f) -> Task<void> {
      f->store(1);
      co_return;
    }(&flag));
    while (flag.load() == 0) co_await yield_now();
    co_await h;
    co_return flag.load();
  }());
  EXPECT_EQ(r, 1);
}

INSTANTIATE_TEST_SUITE_P(Flavours, TimeTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

}  // namespace
