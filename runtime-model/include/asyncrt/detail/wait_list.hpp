// An intrusive FIFO of waiting awaiters, guarded by the owning primitive's mutex.
// Awaiters live in coroutine frames; when a frame is destroyed (cancellation) the awaiter's
// destructor unlinks itself, so a primitive never touches a dead waiter.
#pragma once
#include "asyncrt/detail/task_header.hpp"

namespace asyncrt::detail {

struct WaitNode {
  WaitNode* prev = nullptr;
  WaitNode* next = nullptr;
  bool linked = false;
  bool granted = false;  // the primitive handed this waiter what it asked for
  Waker waker;
};

class WaitList {
 public:
  bool empty() const noexcept { return head_ == nullptr; }
  WaitNode* front() const noexcept { return head_; }
  void push_back(WaitNode* n) noexcept {
    n->prev = tail_;
    n->next = nullptr;
    (tail_ ? tail_->next : head_) = n;
    tail_ = n;
    n->linked = true;
  }
  void remove(WaitNode* n) noexcept {
    (n->prev ? n->prev->next : head_) = n->next;
    (n->next ? n->next->prev : tail_) = n->prev;
    n->prev = n->next = nullptr;
    n->linked = false;
  }
  WaitNode* pop_front() noexcept {
    WaitNode* n = head_;
    if (n) remove(n);
    return n;
  }

 private:
  WaitNode* head_ = nullptr;
  WaitNode* tail_ = nullptr;
};

// Wakers collected under a lock and fired after it is released (waking takes the
// scheduler's queue lock; never nest it inside a primitive's lock).
class WakeBatch {
 public:
  void add(Waker&& w) {
    if (n_ < kInline) {
      inline_[n_++] = std::move(w);
    } else {
      w.wake();  // rare: too many at once; the caller's lock order still holds (queue last)
    }
  }
  ~WakeBatch() {
    for (unsigned i = 0; i < n_; ++i) inline_[i].wake();
  }

 private:
  static constexpr unsigned kInline = 16;
  Waker inline_[kInline];
  unsigned n_ = 0;
};

}  // namespace asyncrt::detail
