// An exit-less `for (;;)` pump in a coroutine that never suspends: it polls a plain
// (non-async) source until the source throws at shutdown, 300 ms later. The only way
// out is the exception; the thread is held until then.
// GROUND-TRUTH: async-never-yielding-loop hazard
// GROUND-TRUTH: async-blocking-call-in-coroutine safe
// GROUND-TRUTH: async-sleep-in-coroutine safe
#include <asyncrt/asyncrt.hpp>
#include <chrono>
#include <stdexcept>

struct Shutdown : std::runtime_error {
  Shutdown() : std::runtime_error("shutdown") {}
};

static const auto shutdown_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
static long polls = 0;

// Polls an in-memory source; throws once the process shuts down.
static void poll_source() {
  ++polls;
  if (std::chrono::steady_clock::now() >= shutdown_at)
    throw Shutdown();
}

asyncrt::Task<void> pump() {
  co_await asyncrt::yield_now();
  for (;;)
    poll_source();
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  try {
    rt.block_on(pump());
  } catch (const Shutdown&) {
    return polls > 0 ? 0 : 1;
  }
  return 1;
}
