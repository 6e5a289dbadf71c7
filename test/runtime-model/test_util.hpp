// Helpers shared by the runtime-model tests.
#pragma once
#include <asyncrt/asyncrt.hpp>
#include <gtest/gtest.h>

#include <atomic>

namespace rt_test {

// Stress sizes: full size in the plain build, smaller under the sanitizers (they run the
// same code 5-20x slower and the whole suite must stay fast).
#ifdef ASYNCRT_SANITIZED
constexpr int kScale = 4;
#else
constexpr int kScale = 1;
#endif

// Counts live instances, to prove cancellation and shutdown run destructors.
struct Tracked {
  static inline std::atomic<int> live{0};
  Tracked() { ++live; }
  Tracked(const Tracked&) { ++live; }
  ~Tracked() { --live; }
};

// Both runtime flavours, for TEST_P.
inline asyncrt::RuntimeOptions flavour(bool multi) {
  return multi ? asyncrt::RuntimeOptions::multi_thread(2) : asyncrt::RuntimeOptions::current_thread();
}

}  // namespace rt_test
