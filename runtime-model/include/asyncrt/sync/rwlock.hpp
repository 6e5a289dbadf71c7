// An async, fair readers-writer lock: `co_await rw.read()` / `co_await rw.write()` return
// guards. Waiters are served in arrival order; a writer waiting stops new readers from
// barging in, so writers cannot starve; consecutive waiting readers are admitted together.
#pragma once
#include <mutex>
#include <utility>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

class RwLock;

template <bool Write>
class [[nodiscard]] RwGuard {
 public:
  RwGuard() = default;
  explicit RwGuard(RwLock* l) noexcept : l_(l) {}
  RwGuard(RwGuard&& o) noexcept : l_(std::exchange(o.l_, nullptr)) {}
  RwGuard& operator=(RwGuard&& o) noexcept {
    if (this != &o) {
      unlock();
      l_ = std::exchange(o.l_, nullptr);
    }
    return *this;
  }
  ~RwGuard() { unlock(); }
  inline void unlock() noexcept;

 private:
  RwLock* l_ = nullptr;
};
using ReadGuard = RwGuard<false>;
using WriteGuard = RwGuard<true>;

class RwLock {
 public:
  RwLock() = default;
  RwLock(const RwLock&) = delete;
  RwLock& operator=(const RwLock&) = delete;

 private:
  struct Node : detail::WaitNode {
    bool write = false;
  };

 public:
  template <bool Write>
  class [[nodiscard]] Awaiter {
   public:
    explicit Awaiter(RwLock* l) : l_(l) { node_.write = Write; }
    Awaiter(Awaiter&& o) noexcept : l_(o.l_) { node_.write = Write; }
    ~Awaiter() {
      if (!waiting_) return;
      detail::WakeBatch b;
      std::lock_guard lk(l_->mu_);
      if (node_.linked) {
        l_->waiters_.remove(&node_);
        l_->grant_locked(b);  // a reader queued behind a cancelled writer may go now
      } else if (node_.granted && !taken_) {
        l_->release_locked(Write, b);
      }
    }
    bool await_ready() {
      std::lock_guard lk(l_->mu_);
      return l_->try_locked(Write);
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      std::lock_guard lk(l_->mu_);
      if (l_->try_locked(Write)) return false;
      l_->waiters_.push_back(&node_);
      waiting_ = true;
      return true;
    }
    RwGuard<Write> await_resume() noexcept {
      taken_ = true;
      return RwGuard<Write>(l_);
    }

   private:
    RwLock* l_;
    Node node_;
    bool waiting_ = false;
    bool taken_ = false;
    friend class RwLock;
  };

  Awaiter<false> read() { return Awaiter<false>(this); }
  Awaiter<true> write() { return Awaiter<true>(this); }

 private:
  template <bool>
  friend class RwGuard;

  bool try_locked(bool write) noexcept {
    if (!waiters_.empty() || writer_) return false;
    if (write) {
      if (readers_ > 0) return false;
      writer_ = true;
    } else {
      ++readers_;
    }
    return true;
  }
  void grant_locked(detail::WakeBatch& b) noexcept {
    while (detail::WaitNode* n = waiters_.front()) {
      const bool w = static_cast<Node*>(n)->write;
      if (writer_ || (w && readers_ > 0)) break;
      waiters_.remove(n);
      if (w)
        writer_ = true;
      else
        ++readers_;
      n->granted = true;
      b.add(std::move(n->waker));
      if (w) break;
    }
  }
  void release_locked(bool write, detail::WakeBatch& b) noexcept {
    if (write)
      writer_ = false;
    else
      --readers_;
    grant_locked(b);
  }
  void release(bool write) noexcept {
    detail::WakeBatch b;
    std::lock_guard lk(mu_);
    release_locked(write, b);
  }

  std::mutex mu_;
  std::size_t readers_ = 0;
  bool writer_ = false;
  detail::WaitList waiters_;
};

template <bool Write>
inline void RwGuard<Write>::unlock() noexcept {
  if (RwLock* l = std::exchange(l_, nullptr)) l->release(Write);
}

}  // namespace asyncrt
