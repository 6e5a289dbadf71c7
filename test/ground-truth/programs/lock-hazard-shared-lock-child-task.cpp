// A std::shared_lock on a std::shared_mutex (a pthread rwlock) is alive while the
// coroutine awaits a child Task that suspends: the parent frame suspends with the read
// lock held. The monitor and the linter both report the parent's co_await.
// GROUND-TRUTH: async-lock-held-across-suspend hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <map>
#include <shared_mutex>
#include <string>

using namespace std::chrono_literals;

struct Config {
  std::shared_mutex mu;
  std::map<std::string, int> values{{"port", 8080}};
};

asyncrt::Task<void> audit(std::string key) {
  co_await asyncrt::sleep(1ms);  // stands in for an audit-log write
  (void)key;
}

asyncrt::Task<int> read_port(Config& cfg) {
  std::shared_lock<std::shared_mutex> reader(cfg.mu);
  co_await audit("port");
  co_return cfg.values["port"];
}

int main() {
  Config cfg;
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(read_port(cfg)) == 8080 ? 0 : 1;
}
