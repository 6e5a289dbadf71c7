// mpsc: many senders, one receiver.
//   auto [tx, rx] = mpsc::channel<int>(100);   // bounded: send suspends while full
//   co_await tx.send(v);                        // false if the receiver is gone
//   while (auto v = co_await rx.recv()) ...     // nullopt once every sender is dropped
//   auto [utx, urx] = mpsc::unbounded_channel<int>();  utx.send(v) never waits.
// Senders are copyable (each copy keeps the channel open). A sender suspended on a full
// channel is served in FIFO order; its value moves into the buffer when a slot frees, so a
// cancelled send either fully happened or did not happen.
#pragma once
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt::mpsc {

namespace detail {
using asyncrt::detail::WaitList;
using asyncrt::detail::WaitNode;
using asyncrt::detail::Waker;
using asyncrt::detail::WakeBatch;

template <class T>
struct SendNode : WaitNode {
  std::optional<T> value;
};

template <class T>
struct Chan {
  explicit Chan(std::size_t c) : cap(c) {}
  std::mutex mu;
  std::deque<T> buf;
  std::size_t cap;  // 0: unbounded
  WaitList senders;
  WaitNode* receiver = nullptr;
  std::size_t tx_count = 1;
  bool rx_alive = true;

  bool has_room() const noexcept { return cap == 0 || buf.size() < cap; }
  Waker take_receiver() {
    Waker w;
    if (receiver) {
      receiver->granted = true;
      w = std::move(receiver->waker);
      receiver->linked = false;
      receiver = nullptr;
    }
    return w;
  }
  // Pop under the lock, moving the oldest waiting sender's value into the freed slot.
  std::optional<T> pop_locked(WakeBatch& b) {
    if (buf.empty()) return std::nullopt;
    std::optional<T> v(std::move(buf.front()));
    buf.pop_front();
    if (WaitNode* n = senders.pop_front()) {
      auto* sn = static_cast<SendNode<T>*>(n);
      buf.push_back(std::move(*sn->value));
      sn->granted = true;
      b.add(std::move(sn->waker));
    }
    return v;
  }
};

template <class T>
void add_sender(Chan<T>* c) {
  std::lock_guard lk(c->mu);
  ++c->tx_count;
}
template <class T>
void drop_sender(std::shared_ptr<Chan<T>>& c) {
  if (!c) return;
  Waker w;
  {
    std::lock_guard lk(c->mu);
    if (--c->tx_count == 0) w = c->take_receiver();  // closed: the receiver sees nullopt
  }
  w.wake();
  c.reset();
}
}  // namespace detail

template <class T>
class Sender {
 public:
  explicit Sender(std::shared_ptr<detail::Chan<T>> c) : c_(std::move(c)) {}
  Sender(const Sender& o) : c_(o.c_) {
    if (c_) detail::add_sender(c_.get());
  }
  Sender(Sender&&) noexcept = default;
  Sender& operator=(Sender o) noexcept {
    std::swap(c_, o.c_);
    return *this;
  }
  ~Sender() { detail::drop_sender(c_); }

  class [[nodiscard]] SendAwaiter {
   public:
    SendAwaiter(detail::Chan<T>* c, T v) : c_(c), v_(std::move(v)) {}
    SendAwaiter(SendAwaiter&& o) noexcept : c_(o.c_), v_(std::move(o.v_)) {}
    ~SendAwaiter() {
      if (!waiting_) return;
      std::lock_guard lk(c_->mu);
      if (node_.linked) c_->senders.remove(&node_);
    }
    bool await_ready() {
      detail::Waker w;
      bool done;
      {
        std::lock_guard lk(c_->mu);
        done = try_locked(w);
      }
      w.wake();
      return done;
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      detail::Waker w;
      {
        std::lock_guard lk(c_->mu);
        if (!try_locked(w)) {
          node_.value.emplace(std::move(v_));
          c_->senders.push_back(&node_);
          waiting_ = true;
          return true;
        }
      }
      w.wake();
      return false;
    }
    // True if the value was sent, false if the receiver is gone.
    bool await_resume() noexcept { return waiting_ ? node_.granted : result_; }

   private:
    bool try_locked(detail::Waker& w) {
      if (!c_->rx_alive) return result_ = false, true;
      if (c_->senders.empty() && c_->has_room()) {
        c_->buf.push_back(std::move(v_));
        w = c_->take_receiver();
        return result_ = true, true;
      }
      return false;
    }
    detail::Chan<T>* c_;
    T v_;
    detail::SendNode<T> node_;
    bool waiting_ = false;
    bool result_ = false;
  };

  // Bounded channels: waits for room. Unbounded: never waits.
  SendAwaiter send(T v) { return SendAwaiter(c_.get(), std::move(v)); }
  // Send without waiting: false if full or closed.
  bool try_send(T v) {
    detail::Waker w;
    {
      std::lock_guard lk(c_->mu);
      if (!c_->rx_alive || !c_->senders.empty() || !c_->has_room()) return false;
      c_->buf.push_back(std::move(v));
      w = c_->take_receiver();
    }
    w.wake();
    return true;
  }
  bool is_closed() const {
    std::lock_guard lk(c_->mu);
    return !c_->rx_alive;
  }

 protected:
  std::shared_ptr<detail::Chan<T>> c_;
};

// The sending half of an unbounded channel: send() is synchronous.
template <class T>
class UnboundedSender : public Sender<T> {
 public:
  using Sender<T>::Sender;
  // False if the receiver is gone.
  bool send(T v) { return this->try_send(std::move(v)); }
};

template <class T>
class Receiver {
 public:
  explicit Receiver(std::shared_ptr<detail::Chan<T>> c) : c_(std::move(c)) {}
  Receiver(Receiver&&) noexcept = default;
  Receiver& operator=(Receiver&&) noexcept = default;
  ~Receiver() { close(); }

  class [[nodiscard]] RecvAwaiter {
   public:
    explicit RecvAwaiter(detail::Chan<T>* c) : c_(c) {}
    RecvAwaiter(RecvAwaiter&& o) noexcept : c_(o.c_) {}
    ~RecvAwaiter() {
      if (!waiting_) return;
      std::lock_guard lk(c_->mu);
      if (c_->receiver == &node_) c_->receiver = nullptr;
    }
    bool await_ready() { return try_take(); }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = detail::Waker::current(h);
      detail::WakeBatch b;
      std::lock_guard lk(c_->mu);
      if (take_locked(b)) return false;
      c_->receiver = &node_;
      node_.linked = true;
      waiting_ = true;
      return true;
    }
    // The next value, or nullopt when every sender is gone and the buffer is empty.
    std::optional<T> await_resume() {
      // One receiver: a wake means a value arrived or the channel closed; nobody else pops.
      if (waiting_) {
        waiting_ = false;
        try_take();
      }
      return std::move(v_);
    }

   private:
    bool try_take() {
      detail::WakeBatch b;
      std::lock_guard lk(c_->mu);
      return take_locked(b);
    }
    bool take_locked(detail::WakeBatch& b) {
      v_ = c_->pop_locked(b);
      return v_.has_value() || c_->tx_count == 0;
    }
    detail::Chan<T>* c_;
    std::optional<T> v_;
    detail::WaitNode node_;
    bool waiting_ = false;
  };

  RecvAwaiter recv() {
    if (!c_) throw std::logic_error("asyncrt: recv on a moved-from mpsc::Receiver");
    return RecvAwaiter(c_.get());
  }
  std::optional<T> try_recv() {
    detail::WakeBatch b;
    std::lock_guard lk(c_->mu);
    return c_->pop_locked(b);
  }
  // Refuse further sends; waiting senders get false. Buffered values are dropped.
  void close() {
    if (!c_) return;
    detail::WakeBatch b;
    std::deque<T> drop;
    {
      std::lock_guard lk(c_->mu);
      c_->rx_alive = false;
      drop.swap(c_->buf);
      while (detail::WaitNode* n = c_->senders.pop_front()) b.add(std::move(n->waker));
    }
    c_.reset();
  }

 private:
  std::shared_ptr<detail::Chan<T>> c_;
};

template <class T>
std::pair<Sender<T>, Receiver<T>> channel(std::size_t capacity) {
  if (capacity == 0) throw std::invalid_argument("asyncrt: mpsc::channel capacity must be > 0");
  auto c = std::make_shared<detail::Chan<T>>(capacity);
  return {Sender<T>(c), Receiver<T>(c)};
}

template <class T>
std::pair<UnboundedSender<T>, Receiver<T>> unbounded_channel() {
  auto c = std::make_shared<detail::Chan<T>>(0);
  return {UnboundedSender<T>(c), Receiver<T>(c)};
}

}  // namespace asyncrt::mpsc
