// Task<T>: laziness, values, exceptions, nesting, block_on in both flavours.
#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class TaskTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

Task<int> answer() { co_return 42; }
Task<int> add(int a, int b) { co_return co_await answer() - 42 + a + b; }
Task<void> thrower() {
  throw std::runtime_error("boom");
  co_return;
}
Task<std::string> deep(int n) {
  if (n == 0) co_return std::string("bottom");
  co_return co_await deep(n - 1);
}

TEST_P(TaskTest, BlockOnReturnsValue) { EXPECT_EQ(rt.block_on(add(1, 2)), 3); }

TEST_P(TaskTest, TaskIsLazy) {
  bool ran = false;
  auto make = [&]() -> Task<void> {
    ran = true;
    co_return;
  };
  rt.block_on([&]() -> Task<void> {
    auto t = make();
    EXPECT_FALSE(ran);  // creating a Task runs nothing
    co_await std::move(t);
    EXPECT_TRUE(ran);
  }());
}

TEST_P(TaskTest, ExceptionPropagatesThroughAwait) {
  EXPECT_THROW(rt.block_on(thrower()), std::runtime_error);
  int caught = rt.block_on([]() -> Task<int> {
    try {
      co_await thrower();
    } catch (const std::runtime_error&) {
      co_return 1;
    }
    co_return 0;
  }());
  EXPECT_EQ(caught, 1);
}

TEST_P(TaskTest, DeepNestingUsesSymmetricTransfer) {
  // 10k nested awaits would overflow the stack without symmetric transfer.
  EXPECT_EQ(rt.block_on(deep(10000)), "bottom");
}

TEST_P(TaskTest, RepeatedBlockOn) {
  for (int i = 0; i < 50; ++i) EXPECT_EQ(rt.block_on(add(i, 1)), i + 1);
}

TEST_P(TaskTest, MoveOnlyValues) {
  auto p = rt.block_on([]() -> Task<std::unique_ptr<int>> { co_return std::make_unique<int>(7); }());
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, 7);
}

TEST_P(TaskTest, UnstartedTaskIsDestroyedCleanly) {
  int before = rt_test::Tracked::live;
  {
    auto t = [](rt_test::Tracked) -> Task<void> { co_return; }(rt_test::Tracked{});
    (void)t;
  }
  EXPECT_EQ(rt_test::Tracked::live, before);
}

INSTANTIATE_TEST_SUITE_P(Flavours, TaskTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

TEST(Runtime, BlockOnFromInsideTaskIsRejected) {
  Runtime rt(RuntimeOptions::multi_thread(2));
  Runtime* inner = &rt;
  bool threw = rt.block_on([](Runtime* r) -> Task<bool> {
    try {
      r->block_on(answer());
    } catch (const std::logic_error&) {
      co_return true;
    }
    co_return false;
  }(inner));
  EXPECT_TRUE(threw);
}

TEST(Runtime, SpawnOutsideRuntimeThrows) {
  EXPECT_THROW((void)spawn(answer()), std::logic_error);
}

}  // namespace
