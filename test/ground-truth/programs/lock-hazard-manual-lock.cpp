// A manual std::mutex::lock() ... unlock() pair with a suspending co_await between them.
// GROUND-TRUTH: async-lock-held-across-suspend hazard
// GROUND-TRUTH: async-sleep-in-coroutine safe
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <mutex>

using namespace std::chrono_literals;

static std::mutex registry_mu;
static int registered = 0;

asyncrt::Task<int> register_client() {
  registry_mu.lock();
  ++registered;
  co_await asyncrt::sleep(1ms);  // announce the client
  registry_mu.unlock();
  co_return registered;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(register_client()) == 1 ? 0 : 1;
}
