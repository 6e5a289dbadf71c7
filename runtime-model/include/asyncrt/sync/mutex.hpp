// An async, fair (FIFO) mutex: `auto guard = co_await m.lock();` suspends the task, not the
// thread, and may be held across co_await. Unlock hands the lock to the oldest waiter.
#pragma once
#include <mutex>
#include <optional>
#include <utility>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

class Mutex;

class [[nodiscard]] MutexGuard {
 public:
  MutexGuard() = default;
  explicit MutexGuard(Mutex* m) noexcept : m_(m) {}
  MutexGuard(MutexGuard&& o) noexcept : m_(std::exchange(o.m_, nullptr)) {}
  MutexGuard& operator=(MutexGuard&& o) noexcept {
    if (this != &o) {
      unlock();
      m_ = std::exchange(o.m_, nullptr);
    }
    return *this;
  }
  ~MutexGuard() { unlock(); }
  inline void unlock() noexcept;
  bool owns_lock() const noexcept { return m_ != nullptr; }

 private:
  Mutex* m_ = nullptr;
};

class Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  class [[nodiscard]] LockAwaiter {
   public:
    explicit LockAwaiter(Mutex* m) : m_(m) {}
    LockAwaiter(LockAwaiter&& o) noexcept : m_(o.m_) {}
    ~LockAwaiter() {
      if (!waiting_) return;
      std::lock_guard lk(m_->mu_);
      if (node_.linked) {
        m_->waiters_.remove(&node_);
      } else if (node_.granted && !taken_) {
        m_->release_locked(batch_);  // handed the lock, then cancelled: pass it on
      }
    }
    bool await_ready() {
      std::lock_guard lk(m_->mu_);
      return m_->try_lock_locked();
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      std::lock_guard lk(m_->mu_);
      if (m_->try_lock_locked()) return false;
      m_->waiters_.push_back(&node_);
      waiting_ = true;
      return true;
    }
    MutexGuard await_resume() noexcept {
      taken_ = true;
      return MutexGuard(m_);
    }

   private:
    Mutex* m_;
    detail::WaitNode node_;
    detail::WakeBatch batch_;
    bool waiting_ = false;
    bool taken_ = false;
  };

  LockAwaiter lock() { return LockAwaiter(this); }
  std::optional<MutexGuard> try_lock() {
    std::lock_guard lk(mu_);
    if (!try_lock_locked()) return std::nullopt;
    return MutexGuard(this);
  }

 private:
  friend class MutexGuard;
  bool try_lock_locked() noexcept {
    if (locked_ || !waiters_.empty()) return false;  // FIFO: no barging past waiters
    locked_ = true;
    return true;
  }
  void release_locked(detail::WakeBatch& b) noexcept {
    if (detail::WaitNode* n = waiters_.pop_front()) {
      n->granted = true;  // ownership passes directly; locked_ stays true
      b.add(std::move(n->waker));
    } else {
      locked_ = false;
    }
  }
  void unlock() noexcept {
    detail::WakeBatch b;
    std::lock_guard lk(mu_);
    release_locked(b);
  }

  std::mutex mu_;
  bool locked_ = false;
  detail::WaitList waiters_;
};

inline void MutexGuard::unlock() noexcept {
  if (Mutex* m = std::exchange(m_, nullptr)) m->unlock();
}

}  // namespace asyncrt
