// broadcast: every receiver sees every value sent after it subscribed.
//   auto [tx, rx] = broadcast::channel<std::string>(16);
//   auto rx2 = tx.subscribe();
//   tx.send("hello");                 // number of receivers, 0 if none (value dropped)
//   auto r = co_await rx.recv();      // Expected<T, RecvError>
// The channel keeps the last `capacity` values; a receiver that falls further behind gets
// RecvError{Lagged, missed} once (it learns how many it missed) and continues from the
// oldest value still kept. Closed: every sender is gone and nothing is left to read.
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "asyncrt/detail/wait_list.hpp"
#include "asyncrt/expected.hpp"

namespace asyncrt::broadcast {

struct RecvError {
  enum Kind { Closed, Lagged } kind;
  std::uint64_t missed = 0;  // for Lagged
};

namespace detail {
using asyncrt::detail::WaitList;
using asyncrt::detail::WaitNode;
using asyncrt::detail::WakeBatch;

template <class T>
struct Chan {
  explicit Chan(std::size_t c) : cap(c) {}
  std::mutex mu;
  std::deque<T> ring;
  std::uint64_t head_seq = 0;  // sequence number of ring.front()
  std::size_t cap;
  WaitList waiters;
  std::size_t tx_count = 1;
  std::size_t rx_count = 0;
  std::uint64_t tail_seq() const noexcept { return head_seq + ring.size(); }
  void wake_all(WakeBatch& b) {
    while (WaitNode* n = waiters.pop_front()) b.add(std::move(n->waker));
  }
};
}  // namespace detail

template <class T>
class Receiver;

template <class T>
class Sender {
 public:
  explicit Sender(std::shared_ptr<detail::Chan<T>> c) : c_(std::move(c)) {}
  Sender(const Sender& o) : c_(o.c_) {
    std::lock_guard lk(c_->mu);
    ++c_->tx_count;
  }
  Sender(Sender&&) noexcept = default;
  ~Sender() {
    if (!c_) return;
    detail::WakeBatch b;
    std::lock_guard lk(c_->mu);
    if (--c_->tx_count == 0) c_->wake_all(b);  // receivers see Closed after draining
  }

  // Returns how many receivers will see the value (0: nobody subscribed; it is dropped).
  std::size_t send(T v) {
    detail::WakeBatch b;
    std::lock_guard lk(c_->mu);
    if (c_->rx_count == 0) return 0;
    c_->ring.push_back(std::move(v));
    if (c_->ring.size() > c_->cap) {
      c_->ring.pop_front();
      ++c_->head_seq;
    }
    c_->wake_all(b);
    return c_->rx_count;
  }

  inline Receiver<T> subscribe();

 private:
  std::shared_ptr<detail::Chan<T>> c_;
};

template <class T>
class Receiver {
 public:
  Receiver(std::shared_ptr<detail::Chan<T>> c, std::uint64_t next) : c_(std::move(c)), next_(next) {
    std::lock_guard lk(c_->mu);
    ++c_->rx_count;
  }
  Receiver(Receiver&& o) noexcept : c_(std::move(o.c_)), next_(o.next_) {}
  ~Receiver() {
    if (!c_) return;
    std::lock_guard lk(c_->mu);
    --c_->rx_count;
  }

  using Result = Expected<T, RecvError>;

  class [[nodiscard]] RecvAwaiter {
   public:
    explicit RecvAwaiter(Receiver* r) : r_(r) {}
    RecvAwaiter(RecvAwaiter&& o) noexcept : r_(o.r_) {}
    ~RecvAwaiter() {
      if (!waiting_) return;
      std::lock_guard lk(r_->c_->mu);
      if (node_.linked) r_->c_->waiters.remove(&node_);
    }
    bool await_ready() {
      std::lock_guard lk(r_->c_->mu);
      return take_locked();
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = asyncrt::detail::Waker::current(h);
      std::lock_guard lk(r_->c_->mu);
      if (take_locked()) return false;
      r_->c_->waiters.push_back(&node_);
      waiting_ = true;
      return true;
    }
    Result await_resume() {
      if (!res_) {
        // Woken by a send (a value or a lag is there) or by the last sender leaving.
        std::lock_guard lk(r_->c_->mu);
        take_locked();
      }
      return std::move(*res_);
    }

   private:
    bool take_locked() {
      auto& c = *r_->c_;
      if (r_->next_ < c.head_seq) {
        std::uint64_t missed = c.head_seq - r_->next_;
        r_->next_ = c.head_seq;
        res_.emplace(unexpected(RecvError{RecvError::Lagged, missed}));
        return true;
      }
      if (r_->next_ < c.tail_seq()) {
        res_.emplace(c.ring[r_->next_ - c.head_seq]);
        ++r_->next_;
        return true;
      }
      if (c.tx_count == 0) {
        res_.emplace(unexpected(RecvError{RecvError::Closed, 0}));
        return true;
      }
      return false;
    }
    Receiver* r_;
    std::optional<Result> res_;
    asyncrt::detail::WaitNode node_;
    bool waiting_ = false;
  };

  RecvAwaiter recv() {
    if (!c_) throw std::logic_error("asyncrt: recv on a moved-from broadcast::Receiver");
    return RecvAwaiter(this);
  }

 private:
  std::shared_ptr<detail::Chan<T>> c_;
  std::uint64_t next_;
};

template <class T>
Receiver<T> Sender<T>::subscribe() {
  std::uint64_t next;
  {
    std::lock_guard lk(c_->mu);
    next = c_->tail_seq();
  }
  return Receiver<T>(c_, next);
}

template <class T>
std::pair<Sender<T>, Receiver<T>> channel(std::size_t capacity) {
  if (capacity == 0)
    throw std::invalid_argument("asyncrt: broadcast::channel capacity must be > 0");
  auto c = std::make_shared<detail::Chan<T>>(capacity);
  Receiver<T> rx(c, 0);
  return {Sender<T>(c), std::move(rx)};
}

}  // namespace asyncrt::broadcast
