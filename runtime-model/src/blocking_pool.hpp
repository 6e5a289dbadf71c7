// The spawn_blocking pool: threads created on demand up to a bound, kept until shutdown.
// Tokio keeps up to 512 such threads; ours defaults to 64 (RuntimeOptions).
#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "asyncrt/detail/core.hpp"

namespace asyncrt::detail {

class BlockingPool {
 public:
  explicit BlockingPool(unsigned max_threads) : max_(max_threads ? max_threads : 1) {}
  ~BlockingPool() { shutdown(); }

  void submit(BlockingJob* job);
  // Cancel queued jobs, wait for running ones, join the threads.
  void shutdown() noexcept;

 private:
  void run();
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<BlockingJob*> queue_;
  std::vector<std::thread> threads_;
  unsigned idle_ = 0;
  unsigned max_;
  bool stop_ = false;
};

}  // namespace asyncrt::detail
