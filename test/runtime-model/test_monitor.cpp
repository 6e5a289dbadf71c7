// The hazard monitor sees each hazard at the right place, and not on the safe twin.
// Assertions compare classifications and lines, never durations (besides the generous
// stall margin: a 400 ms stall against a 100 ms threshold).
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include "test_util.hpp"

using namespace asyncrt;
using namespace std::chrono_literals;
using monitor::Hazard;

namespace {

// The hazardous stall is 4x the threshold; the threshold is 2x the default so that a safe
// twin preempted on a loaded machine stays far below it.
constexpr auto kStall = 400ms;
constexpr int kThresholdMs = 100;
unsigned g_line = 0;            // the line of the hazardous statement, set by each case

std::vector<Hazard> run_monitored(Task<void> t, int spawn_limit = 64) {
  monitor::Options o;
  o.stall_ms = kThresholdMs;
  o.spawn_limit = spawn_limit;
  monitor::enable(o);
  monitor::clear();
  {
    Runtime rt(RuntimeOptions::multi_thread(2));
    rt.block_on(std::move(t));
  }
  return monitor::hazards();
}

std::string dump(const std::vector<Hazard>& hs) {
  std::string s;
  for (auto& h : hs)
    s += h.check + " " + h.file + ":" + std::to_string(h.line) + "-" +
         std::to_string(h.last_line) + " " + h.function + " | " + h.detail + "\n";
  return s.empty() ? "(none)" : s;
}

bool in_this_file(const Hazard& h) {
  return h.file.size() >= 16 && h.file.compare(h.file.size() - 16, 16, "test_monitor.cpp") == 0;
}

// The one hazard of `check` that covers g_line in this file.
::testing::AssertionResult sees(const std::vector<Hazard>& hs, const std::string& check) {
  for (auto& h : hs)
    if (h.check == check && in_this_file(h) && h.line <= g_line && g_line <= h.last_line)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no " << check << " covering line " << g_line
                                       << "; hazards:\n" << dump(hs);
}
::testing::AssertionResult clean(const std::vector<Hazard>& hs) {
  if (hs.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected no hazards, got:\n" << dump(hs);
}

// ---- blocking sleep -----------------------------------------------------------------

Task<void> sleeps_thread() {
  g_line = __LINE__; std::this_thread::sleep_for(kStall);
  co_return;
}
Task<void> sleeps_async() {
  co_await sleep(kStall);
}

TEST(Monitor, SleepInCoroutine) {
  auto hs = run_monitored(sleeps_thread());
  // Without the nanosleep interposer (TSan build) a sleep is "some off-CPU blocking".
  EXPECT_TRUE(sees(hs, monitor::interposition_active() ? "async-sleep-in-coroutine"
                                                       : "async-blocking-call-in-coroutine"));
  EXPECT_EQ(hs.size(), 1u) << dump(hs);
}
TEST(Monitor, SleepInCoroutineSafeTwin) { EXPECT_TRUE(clean(run_monitored(sleeps_async()))); }

// ---- other blocking call ------------------------------------------------------------

Task<int> waits_on_future() {
  std::promise<int> p;
  auto f = p.get_future();
  std::thread t([&p] {
    std::this_thread::sleep_for(kStall);  // a plain thread: not a coroutine
    p.set_value(1);
  });
  g_line = __LINE__; int v = f.get();
  t.join();
  co_return v;
}
Task<int> offloads_to_pool() {
  co_return co_await spawn_blocking([] {
    std::this_thread::sleep_for(kStall);
    return 1;
  });
}

TEST(Monitor, BlockingCallInCoroutine) {
  auto hs = run_monitored([]() -> Task<void> { co_await waits_on_future(); }());
  EXPECT_TRUE(sees(hs, "async-blocking-call-in-coroutine"));
}
TEST(Monitor, BlockingCallSafeTwin) {
  EXPECT_TRUE(clean(run_monitored([]() -> Task<void> { co_await offloads_to_pool(); }())));
}

// ---- CPU loop that never yields -----------------------------------------------------

Task<long> spins() {
  long n = 0;
  auto end = Clock::now() + kStall;
  g_line = __LINE__; while (Clock::now() < end) ++n;
  co_return n;
}
Task<long> spins_politely() {
  long n = 0;
  auto end = Clock::now() + kStall;
  auto next_yield = Clock::now() + 2ms;
  while (Clock::now() < end) {
    ++n;
    if (Clock::now() >= next_yield) {
      co_await yield_now();
      next_yield = Clock::now() + 2ms;
    }
  }
  co_return n;
}

TEST(Monitor, NeverYieldingLoop) {
  auto hs = run_monitored([]() -> Task<void> { co_await spins(); }());
#ifdef ASYNCRT_SANITIZED
  // The sanitizer runtimes can block briefly inside instrumented code; accept "stalled".
  EXPECT_TRUE(sees(hs, "async-never-yielding-loop") || sees(hs, "async-blocking-call-in-coroutine"));
#else
  EXPECT_TRUE(sees(hs, "async-never-yielding-loop"));
#endif
}
TEST(Monitor, NeverYieldingLoopSafeTwin) {
  EXPECT_TRUE(clean(run_monitored([]() -> Task<void> { co_await spins_politely(); }())));
}

// ---- synchronous lock held across a suspension --------------------------------------

std::mutex g_mu;
int g_shared = 0;

Task<void> holds_std_mutex() {
  std::lock_guard lk(g_mu);
  ++g_shared;
  g_line = __LINE__; co_await sleep(1ms);
}
Task<void> releases_before_await() {
  {
    std::lock_guard lk(g_mu);
    ++g_shared;
  }
  co_await sleep(1ms);
}
Task<void> holds_async_mutex(Mutex& m) {
  auto g = co_await m.lock();
  co_await sleep(1ms);
}

TEST(Monitor, LockHeldAcrossSuspend) {
  if (!monitor::interposition_active()) GTEST_SKIP() << "pthread interposers are off under TSan";
  auto hs = run_monitored(holds_std_mutex());
  EXPECT_TRUE(sees(hs, "async-lock-held-across-suspend"));
}
TEST(Monitor, LockHeldAcrossSuspendSafeTwins) {
  Mutex m;
  EXPECT_TRUE(clean(run_monitored([](Mutex& m) -> Task<void> {
    co_await releases_before_await();
    co_await holds_async_mutex(m);
  }(m))));
}

// ---- discarded lazy task ------------------------------------------------------------

Task<int> compute() { co_return 6 * 7; }

Task<void> discards() {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunused-result"
  g_line = __LINE__; compute();
#pragma clang diagnostic pop
  co_return;
}
Task<void> awaits() { EXPECT_EQ(co_await compute(), 42); }

TEST(Monitor, DiscardedTask) {
  auto hs = run_monitored(discards());
  EXPECT_TRUE(sees(hs, "async-discarded-task"));
}
TEST(Monitor, DiscardedTaskSafeTwin) { EXPECT_TRUE(clean(run_monitored(awaits()))); }

// ---- ignored join handle ------------------------------------------------------------

Task<void> fails() {
  co_await yield_now();
  throw std::runtime_error("lost error");
}
Task<void> drops_handle() {
  g_line = __LINE__; spawn(fails());
  co_await sleep(20ms);  // let it fail while we are still here
}
Task<void> handles_errors() {
  auto h = spawn(fails());
  try {
    co_await h;
  } catch (const std::runtime_error&) {
    // handled
  }
  spawn([]() -> Task<void> { co_return; }()).detach();  // detached, but it cannot fail
  co_await sleep(5ms);
}

TEST(Monitor, IgnoredJoinHandle) {
  auto hs = run_monitored(drops_handle());
  EXPECT_TRUE(sees(hs, "async-ignored-join-handle"));
}
TEST(Monitor, IgnoredJoinHandleSafeTwin) { EXPECT_TRUE(clean(run_monitored(handles_errors()))); }

// ---- unbounded spawn ----------------------------------------------------------------

Task<void> request() { co_await sleep(20ms); }

Task<void> spawns_unbounded(int n) {
  JoinSet<void> set;
  for (int i = 0; i < n; ++i) {
    g_line = __LINE__; set.spawn(request());
  }
  while (co_await set.join_next()) {
  }
}
Task<void> spawns_bounded(int n) {
  auto sem = std::make_shared<Semaphore>(16);
  JoinSet<void> set;
  for (int i = 0; i < n; ++i) {
    auto permit = co_await sem->acquire();
    set.spawn([](SemaphorePermit p) -> Task<void> {
      co_await request();
    }(std::move(permit)));
  }
  while (co_await set.join_next()) {
  }
}

TEST(Monitor, UnboundedSpawn) {
  auto hs = run_monitored(spawns_unbounded(200), 64);
  EXPECT_TRUE(sees(hs, "async-unbounded-spawn"));
}
TEST(Monitor, UnboundedSpawnSafeTwin) {
  EXPECT_TRUE(clean(run_monitored(spawns_bounded(200), 64)));
}

// ---- missing timeout ------------------------------------------------------------------

// A peer that lives on and never answers: the task waits at its co_await until shutdown.
using Reply = oneshot::Receiver<int>;
using Peer = std::shared_ptr<oneshot::Sender<int>>;

std::vector<Hazard> run_pending(Task<void> t, int report_pending) {
  monitor::Options o;
  o.stall_ms = kThresholdMs;
  o.report_pending = report_pending;
  monitor::enable(o);
  monitor::clear();
  {
    Runtime rt(RuntimeOptions::multi_thread(2));
    rt.block_on(std::move(t));
  }
  return monitor::hazards();
}
Task<void> waits_for_silent_peer() {
  auto [tx, rx] = oneshot::channel<int>();
  spawn([](Reply r, Peer) -> Task<void> {
    g_line = __LINE__; co_await std::move(r);
  }(std::move(rx), std::make_shared<oneshot::Sender<int>>(std::move(tx)))).detach();
  co_await sleep(20ms);
}
Task<void> waits_with_timeout() {
  auto [tx, rx] = oneshot::channel<int>();
  spawn([](Reply r, Peer) -> Task<void> {
    auto elapsed = co_await timeout(5ms, std::move(r));  // the peer never answers
    (void)elapsed;
  }(std::move(rx), std::make_shared<oneshot::Sender<int>>(std::move(tx)))).detach();
  co_await sleep(20ms);
}

TEST(Monitor, MissingTimeout) {
  auto hs = run_pending(waits_for_silent_peer(), 1);
  EXPECT_TRUE(sees(hs, "async-missing-timeout"));
}
TEST(Monitor, MissingTimeoutOffByDefault) {
  EXPECT_TRUE(clean(run_pending(waits_for_silent_peer(), 0)));
}
TEST(Monitor, MissingTimeoutSafeTwin) {
  EXPECT_TRUE(clean(run_pending(waits_with_timeout(), 1)));
}

// ---- output ----------------------------------------------------------------------------

TEST(Monitor, WritesDeduplicatedJson) {
  monitor::enable();
  monitor::clear();
  std::string path = ::testing::TempDir() + "asyncrt_monitor_test.json";
  {
    Runtime rt(RuntimeOptions::current_thread());
    rt.block_on([]() -> Task<void> {
      for (int i = 0; i < 3; ++i) {
        auto h = spawn(fails());  // the same spawn site three times
        h.detach();
      }
      co_await sleep(10ms);
    }());
  }
  ASSERT_TRUE(monitor::write_json(path));
  std::ifstream in(path);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(body.find("\"hazards\":["), std::string::npos);
  EXPECT_NE(body.find("\"check\":\"async-ignored-join-handle\""), std::string::npos);
  EXPECT_NE(body.find("\"count\":3"), std::string::npos) << body;
  EXPECT_EQ(monitor::hazards().size(), 1u);
}

}  // namespace
