// concurrencpp application code: a coroutine that blocks on another result with get()
// while running on the thread pool, and its fixed twin that hops to the background
// executor with resume_on before the blocking call.
#include <concurrencpp/concurrencpp.h>

#include <chrono>
#include <thread>

using namespace std::chrono_literals;

concurrencpp::result<int> compute(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  co_return co_await ex->submit([] { return 42; });
}

concurrencpp::result<int> handler(std::shared_ptr<concurrencpp::thread_pool_executor> ex) {
  auto r = compute(ex);
  int v = r.get();  // EXPECT: async-blocking-call-in-coroutine
  co_return v;
}

concurrencpp::result<void> background_io(std::shared_ptr<concurrencpp::thread_pool_executor> tp,
                                         std::shared_ptr<concurrencpp::thread_executor> bg) {
  co_await concurrencpp::resume_on(tp);
  std::this_thread::sleep_for(50ms);  // EXPECT: async-sleep-in-coroutine
  co_await concurrencpp::resume_on(bg);
  std::this_thread::sleep_for(50ms);  // SAFE: async-sleep-in-coroutine
}
