#include "blocking_pool.hpp"

namespace asyncrt::detail {

void BlockingPool::submit(BlockingJob* job) {
  std::unique_lock lk(mu_);
  if (stop_) {
    lk.unlock();
    job->cancel();
    job->unref();
    return;
  }
  queue_.push_back(job);
  if (idle_ > 0) {
    lk.unlock();
    cv_.notify_one();
  } else if (threads_.size() < max_) {
    threads_.emplace_back([this] { run(); });
  }  // else: every thread is busy; the job waits its turn (the bound)
}

void BlockingPool::run() {
  std::unique_lock lk(mu_);
  for (;;) {
    while (queue_.empty() && !stop_) {
      ++idle_;
      cv_.wait(lk);
      --idle_;
    }
    if (queue_.empty()) return;  // stopping
    BlockingJob* job = queue_.front();
    queue_.pop_front();
    const bool stopping = stop_;
    lk.unlock();
    if (stopping || job->cancelled.load(std::memory_order_relaxed))
      job->cancel();
    else
      job->run();
    job->unref();
    lk.lock();
  }
}

void BlockingPool::shutdown() noexcept {
  std::vector<std::thread> ts;
  {
    std::lock_guard lk(mu_);
    if (stop_ && threads_.empty()) return;
    stop_ = true;
    ts.swap(threads_);
  }
  cv_.notify_all();
  for (auto& t : ts) t.join();
  // Jobs submitted with no thread to run them (none can remain: threads drain the queue).
  std::deque<BlockingJob*> left;
  {
    std::lock_guard lk(mu_);
    left.swap(queue_);
  }
  for (BlockingJob* j : left) {
    j->cancel();
    j->unref();
  }
}

}  // namespace asyncrt::detail
