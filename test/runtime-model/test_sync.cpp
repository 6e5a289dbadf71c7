// Async Mutex, RwLock, Semaphore, Notify.
#include <vector>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;

namespace {

class SyncTest : public ::testing::TestWithParam<bool> {
 protected:
  Runtime rt{rt_test::flavour(GetParam())};
};

TEST_P(SyncTest, MutexGivesMutualExclusionAcrossAwaits) {
  int total = rt.block_on([]() -> Task<int> {
    Mutex m;
    int counter = 0;
    bool inside = false;
    JoinSet<void> set;
    for (int i = 0; i < 20; ++i)
      set.spawn([](Mutex* m, int* c, bool* in) -> Task<void> {
        for (int k = 0; k < 10; ++k) {
          auto g = co_await m->lock();
          EXPECT_FALSE(*in);
          *in = true;
          co_await yield_now();  // holding an async lock across await is fine
          ++*c;
          *in = false;
        }
      }(&m, &counter, &inside));
    while (co_await set.join_next()) {
    }
    co_return counter;
  }());
  EXPECT_EQ(total, 200);
}

TEST_P(SyncTest, MutexIsFifoFair) {
  auto order = rt.block_on([]() -> Task<std::vector<int>> {
    Mutex m;
    std::vector<int> order;
    auto g = co_await m.lock();
    std::vector<JoinHandle<void>> hs;
    for (int i = 0; i < 5; ++i) {
      hs.push_back(spawn([](Mutex* m, std::vector<int>* o, int i) -> Task<void> {
        auto g = co_await m->lock();
        o->push_back(i);
      }(&m, &order, i)));
      co_await sleep(2ms);  // let task i queue up before task i+1
    }
    g.unlock();
    for (auto& h : hs) co_await h;
    co_return order;
  }());
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST_P(SyncTest, CancelledWaiterDoesNotKeepTheLock) {
  rt.block_on([]() -> Task<void> {
    Mutex m;
    auto g = co_await m.lock();
    auto waiter = spawn([](Mutex* m) -> Task<void> { auto g = co_await m->lock(); }(&m));
    co_await sleep(2ms);
    waiter.abort();
    EXPECT_THROW(co_await waiter, Cancelled);
    g.unlock();
    EXPECT_TRUE(m.try_lock().has_value());
  }());
}

TEST_P(SyncTest, RwLockAllowsConcurrentReadersAndExclusiveWriter) {
  rt.block_on([]() -> Task<void> {
    RwLock rw;
    auto r1 = co_await rw.read();
    auto r2 = co_await rw.read();  // a second reader is admitted at once
    std::atomic<bool> wrote{false};
    auto w = spawn([](RwLock* rw, std::atomic<bool>* wrote) -> Task<void> {
      auto g = co_await rw->write();
      wrote->store(true);
    }(&rw, &wrote));
    co_await sleep(3ms);
    EXPECT_FALSE(wrote.load());
    r1.unlock();
    r2.unlock();
    co_await w;
    EXPECT_TRUE(wrote.load());
  }());
}

TEST_P(SyncTest, RwLockWaitingWriterBlocksNewReaders) {
  auto order = rt.block_on([]() -> Task<std::vector<char>> {
    RwLock rw;
    std::vector<char> order;
    auto r = co_await rw.read();
    auto w = spawn([](RwLock* rw, std::vector<char>* o) -> Task<void> {
      auto g = co_await rw->write();
      o->push_back('w');
    }(&rw, &order));
    co_await sleep(2ms);
    auto late = spawn([](RwLock* rw, std::vector<char>* o) -> Task<void> {
      auto g = co_await rw->read();
      o->push_back('r');
    }(&rw, &order));
    co_await sleep(2ms);
    r.unlock();
    co_await w;
    co_await late;
    co_return order;
  }());
  EXPECT_EQ(order, (std::vector<char>{'w', 'r'}));
}

TEST_P(SyncTest, SemaphoreBoundsConcurrency) {
  int peak = rt.block_on([]() -> Task<int> {
    Semaphore sem(3);
    std::atomic<int> now{0}, peak{0};
    JoinSet<void> set;
    for (int i = 0; i < 30; ++i) {
      auto permit = co_await sem.acquire();
      set.spawn([](SemaphorePermit p, std::atomic<int>* now, std::atomic<int>* peak) -> Task<void> {
        int n = ++*now;
        int old = peak->load();
        while (n > old && !peak->compare_exchange_weak(old, n)) {
        }
        co_await sleep(1ms);
        --*now;
      }(std::move(permit), &now, &peak));
    }
    while (co_await set.join_next()) {
    }
    EXPECT_EQ(sem.available_permits(), 3u);
    co_return peak.load();
  }());
  EXPECT_LE(peak, 3);
  EXPECT_GE(peak, 1);
}

TEST_P(SyncTest, NotifyOneIsRememberedNotifyWaitersIsNot) {
  rt.block_on([]() -> Task<void> {
    Notify n;
    n.notify_one();
    co_await n.notified();  // the stored permit
    std::atomic<int> woke{0};
    JoinSet<void> set;
    for (int i = 0; i < 3; ++i)
      set.spawn([](Notify* n, std::atomic<int>* w) -> Task<void> {
        co_await n->notified();
        ++*w;
      }(&n, &woke));
    co_await sleep(3ms);
    n.notify_waiters();
    while (co_await set.join_next()) {
    }
    EXPECT_EQ(woke.load(), 3);
  }());
}

INSTANTIATE_TEST_SUITE_P(Flavours, SyncTest, ::testing::Values(false, true),
                         [](const auto& i) { return i.param ? "MultiThread" : "CurrentThread"; });

}  // namespace
