// mpsc (bounded, unbounded), broadcast, oneshot.
#include <vector>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class ChannelTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

TEST_P(ChannelTest, MpscDeliversInOrderAndClosesWhenSendersGone) {
  auto got = rt.block_on([]() -> Task<std::vector<int>> {
    auto [tx, rx] = mpsc::channel<int>(3);
    auto p = spawn([](mpsc::Sender<int> tx) -> Task<void> {
      for (int i = 0; i < 50; ++i) EXPECT_TRUE(co_await tx.send(i));
    }(std::move(tx)));
    std::vector<int> v;
    while (auto m = co_await rx.recv()) v.push_back(*m);
    co_await p;
    co_return v;
  }());
  ASSERT_EQ(got.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(got[i], i);
}

TEST_P(ChannelTest, BoundedChannelAppliesBackpressure) {
  rt.block_on([]() -> Task<void> {
    auto [tx, rx] = mpsc::channel<int>(2);
    EXPECT_TRUE(tx.try_send(1));
    EXPECT_TRUE(tx.try_send(2));
    EXPECT_FALSE(tx.try_send(3));  // full
    std::atomic<bool> sent{false};
    auto h = spawn([](mpsc::Sender<int> tx, std::atomic<bool>* s) -> Task<void> {
      co_await tx.send(3);  // suspends until the receiver makes room
      s->store(true);
    }(tx, &sent));
    co_await sleep(5ms);
    EXPECT_FALSE(sent.load());
    EXPECT_EQ(co_await rx.recv(), std::optional<int>(1));
    co_await h;
    EXPECT_TRUE(sent.load());
    EXPECT_EQ(co_await rx.recv(), std::optional<int>(2));
    EXPECT_EQ(co_await rx.recv(), std::optional<int>(3));
  }());
}

TEST_P(ChannelTest, SendFailsWhenReceiverDropped) {
  rt.block_on([]() -> Task<void> {
    auto [tx, rx] = mpsc::channel<int>(1);
    { auto dropped = std::move(rx); }
    EXPECT_FALSE(co_await tx.send(1));
  }());
}

TEST_P(ChannelTest, UnboundedNeverWaits) {
  int n = rt.block_on([]() -> Task<int> {
    auto [tx, rx] = mpsc::unbounded_channel<int>();
    for (int i = 0; i < 10000; ++i) tx.send(i);
    { auto drop = std::move(tx); }
    int c = 0;
    while (co_await rx.recv()) ++c;
    co_return c;
  }());
  EXPECT_EQ(n, 10000);
}

TEST_P(ChannelTest, BroadcastEveryReceiverSeesEveryValue) {
  auto [a, b] = rt.block_on([]() -> Task<std::pair<int, int>> {
    auto [tx, rx1] = broadcast::channel<int>(16);
    auto rx2 = tx.subscribe();
    auto consume = [](broadcast::Receiver<int> rx) -> Task<int> {
      int sum = 0;
      for (;;) {
        auto r = co_await rx.recv();
        if (!r) co_return sum;  // closed
        sum += *r;
      }
    };
    auto h1 = spawn(consume(std::move(rx1)));
    auto h2 = spawn(consume(std::move(rx2)));
    for (int i = 1; i <= 10; ++i) {
      EXPECT_EQ(tx.send(i), 2u);
      co_await yield_now();
    }
    { auto drop = std::move(tx); }
    co_return std::pair{co_await h1, co_await h2};
  }());
  EXPECT_EQ(a, 55);
  EXPECT_EQ(b, 55);
}

TEST_P(ChannelTest, BroadcastLaggingReceiverLearnsHowManyItMissed) {
  rt.block_on([]() -> Task<void> {
    auto [tx, rx] = broadcast::channel<int>(4);
    for (int i = 0; i < 10; ++i) tx.send(i);
    auto r = co_await rx.recv();
    EXPECT_FALSE(r.has_value());
    if (r.has_value()) co_return;
    EXPECT_EQ(r.error().kind, broadcast::RecvError::Lagged);
    EXPECT_EQ(r.error().missed, 6u);
    auto next = co_await rx.recv();
    EXPECT_TRUE(next.has_value());
    if (next.has_value()) EXPECT_EQ(*next, 6);  // continues from the oldest value kept
  }());
}

TEST_P(ChannelTest, OneshotValueAndDroppedSender) {
  rt.block_on([]() -> Task<void> {
    auto [tx, rx] = oneshot::channel<int>();
    auto h = spawn([](oneshot::Sender<int> tx) -> Task<void> {
      co_await sleep(1ms);
      tx.send(42);
    }(std::move(tx)));
    EXPECT_EQ(co_await std::move(rx), std::optional<int>(42));
    co_await h;
    auto [tx2, rx2] = oneshot::channel<int>();
    { auto drop = std::move(tx2); }
    EXPECT_EQ(co_await std::move(rx2), std::nullopt);
  }());
}

INSTANTIATE_TEST_SUITE_P(Flavours, ChannelTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

}  // namespace
