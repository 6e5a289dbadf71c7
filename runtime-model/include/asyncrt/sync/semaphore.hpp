// An async, fair counting semaphore. `auto permit = co_await sem.acquire();` suspends until
// a permit is free; the permit gives it back when destroyed (move it into a spawned task to
// bound how many run at once - the fix for async-unbounded-spawn).
#pragma once
#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

class Semaphore;

class [[nodiscard]] SemaphorePermit {
 public:
  SemaphorePermit() = default;
  SemaphorePermit(Semaphore* s, std::size_t n) noexcept : s_(s), n_(n) {}
  SemaphorePermit(SemaphorePermit&& o) noexcept
      : s_(std::exchange(o.s_, nullptr)), n_(std::exchange(o.n_, 0)) {}
  SemaphorePermit& operator=(SemaphorePermit&& o) noexcept {
    if (this != &o) {
      release();
      s_ = std::exchange(o.s_, nullptr);
      n_ = std::exchange(o.n_, 0);
    }
    return *this;
  }
  ~SemaphorePermit() { release(); }
  inline void release() noexcept;
  // Keep the permits: they are never returned.
  void forget() noexcept { s_ = nullptr, n_ = 0; }
  std::size_t count() const noexcept { return n_; }

 private:
  Semaphore* s_ = nullptr;
  std::size_t n_ = 0;
};

class Semaphore {
 public:
  explicit Semaphore(std::size_t permits) : permits_(permits) {}
  Semaphore(const Semaphore&) = delete;
  Semaphore& operator=(const Semaphore&) = delete;

  class [[nodiscard]] AcquireAwaiter {
   public:
    AcquireAwaiter(Semaphore* s, std::size_t n) : s_(s), n_(n) {}
    AcquireAwaiter(AcquireAwaiter&& o) noexcept : s_(o.s_), n_(o.n_) {}
    ~AcquireAwaiter() {
      if (!waiting_) return;
      detail::WakeBatch b;
      std::lock_guard lk(s_->mu_);
      if (node_.linked) {
        s_->waiters_.remove(&node_);
        s_->grant_locked(b);  // smaller requests queued behind us may fit now
      } else if (node_.granted && !taken_) {
        s_->permits_ += n_;
        s_->grant_locked(b);
      }
    }
    bool await_ready() {
      std::lock_guard lk(s_->mu_);
      return s_->try_locked(n_);
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      node_.want = n_;
      std::lock_guard lk(s_->mu_);
      if (s_->try_locked(n_)) return false;
      s_->waiters_.push_back(&node_);
      waiting_ = true;
      return true;
    }
    SemaphorePermit await_resume() noexcept {
      taken_ = true;
      return SemaphorePermit(s_, n_);
    }

   private:
    friend class Semaphore;
    struct Node : detail::WaitNode {
      std::size_t want = 1;
    };
    Semaphore* s_;
    std::size_t n_;
    Node node_;
    bool waiting_ = false;
    bool taken_ = false;
  };

  AcquireAwaiter acquire(std::size_t n = 1) { return AcquireAwaiter(this, n); }
  std::optional<SemaphorePermit> try_acquire(std::size_t n = 1) {
    std::lock_guard lk(mu_);
    if (!try_locked(n)) return std::nullopt;
    return SemaphorePermit(this, n);
  }
  void add_permits(std::size_t n) {
    detail::WakeBatch b;
    std::lock_guard lk(mu_);
    permits_ += n;
    grant_locked(b);
  }
  std::size_t available_permits() {
    std::lock_guard lk(mu_);
    return permits_;
  }

 private:
  friend class SemaphorePermit;
  bool try_locked(std::size_t n) noexcept {
    if (!waiters_.empty() || permits_ < n) return false;  // FIFO: no barging
    permits_ -= n;
    return true;
  }
  void grant_locked(detail::WakeBatch& b) noexcept {
    while (detail::WaitNode* n = waiters_.front()) {
      auto* node = static_cast<AcquireAwaiter::Node*>(n);
      if (permits_ < node->want) break;
      permits_ -= node->want;
      waiters_.remove(n);
      n->granted = true;
      b.add(std::move(n->waker));
    }
  }

  std::mutex mu_;
  std::size_t permits_;
  detail::WaitList waiters_;
};

inline void SemaphorePermit::release() noexcept {
  if (Semaphore* s = std::exchange(s_, nullptr)) s->add_permits(std::exchange(n_, 0));
}

}  // namespace asyncrt
