// Notify: wake one waiting task (notify_one, which is remembered if nobody waits yet) or all
// the tasks waiting right now (notify_waiters). `co_await n.notified();`
#pragma once
#include <mutex>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

class Notify {
 public:
  Notify() = default;
  Notify(const Notify&) = delete;
  Notify& operator=(const Notify&) = delete;

  class [[nodiscard]] Awaiter {
   public:
    explicit Awaiter(Notify* n) : n_(n) {}
    Awaiter(Awaiter&& o) noexcept : n_(o.n_) {}
    ~Awaiter() {
      if (!waiting_) return;
      bool pass_on = false;
      {
        std::lock_guard lk(n_->mu_);
        if (node_.linked)
          n_->waiters_.remove(&node_);
        else
          pass_on = node_.granted && !taken_ && node_.one;
      }
      if (pass_on) n_->notify_one();  // a notify_one we consumed but never used
    }
    bool await_ready() {
      std::lock_guard lk(n_->mu_);
      return std::exchange(n_->permit_, false);
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      std::lock_guard lk(n_->mu_);
      if (std::exchange(n_->permit_, false)) return false;
      n_->waiters_.push_back(&node_);
      waiting_ = true;
      return true;
    }
    void await_resume() noexcept { taken_ = true; }

   private:
    friend class Notify;
    struct Node : detail::WaitNode {
      bool one = false;
    };
    Notify* n_;
    Node node_;
    bool waiting_ = false;
    bool taken_ = false;
  };

  Awaiter notified() { return Awaiter(this); }

  void notify_one() {
    detail::Waker w;
    {
      std::lock_guard lk(mu_);
      if (detail::WaitNode* n = waiters_.pop_front()) {
        n->granted = true;
        static_cast<Awaiter::Node*>(n)->one = true;
        w = std::move(n->waker);
      } else {
        permit_ = true;
      }
    }
    w.wake();
  }
  void notify_waiters() {
    detail::WakeBatch b;
    std::lock_guard lk(mu_);
    while (detail::WaitNode* n = waiters_.pop_front()) {
      n->granted = true;
      b.add(std::move(n->waker));
    }
  }

 private:
  std::mutex mu_;
  bool permit_ = false;
  detail::WaitList waiters_;
};

}  // namespace asyncrt
