// oneshot: one value, once.
//   auto [tx, rx] = oneshot::channel<int>();
//   tx.send(42);                    // false if the receiver is gone
//   std::optional<int> v = co_await std::move(rx);   // nullopt if the sender was dropped
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt::oneshot {

namespace detail {
template <class T>
struct State {
  std::mutex mu;
  std::optional<T> value;
  bool tx_done = false;  // sent, or the sender was dropped
  bool rx_alive = true;
  asyncrt::detail::WaitNode* waiter = nullptr;

  void finish(std::optional<T> v) {
    asyncrt::detail::Waker w;
    {
      std::lock_guard lk(mu);
      if (tx_done) return;
      tx_done = true;
      if (v) value = std::move(v);
      if (waiter) {
        w = std::move(waiter->waker);
        waiter->linked = false;
        waiter = nullptr;
      }
    }
    w.wake();
  }
};
}  // namespace detail

template <class T>
class Sender {
 public:
  explicit Sender(std::shared_ptr<detail::State<T>> s) : s_(std::move(s)) {}
  Sender(Sender&&) noexcept = default;
  Sender& operator=(Sender&&) noexcept = default;
  ~Sender() {
    if (s_) s_->finish(std::nullopt);  // dropped without sending: the receiver gets nullopt
  }
  // Consumes the sender. False if the receiver was dropped (the value is discarded).
  bool send(T v) {
    if (!s_) throw std::logic_error("asyncrt: oneshot::Sender used twice");
    auto s = std::move(s_);
    {
      std::lock_guard lk(s->mu);
      if (!s->rx_alive) {
        s->tx_done = true;
        return false;
      }
    }
    s->finish(std::move(v));
    return true;
  }

 private:
  std::shared_ptr<detail::State<T>> s_;
};

template <class T>
class Receiver {
 public:
  explicit Receiver(std::shared_ptr<detail::State<T>> s) : s_(std::move(s)) {}
  Receiver(Receiver&&) noexcept = default;
  ~Receiver() {
    if (!s_) return;
    std::lock_guard lk(s_->mu);
    s_->rx_alive = false;
  }

  class [[nodiscard]] Awaiter {
   public:
    explicit Awaiter(detail::State<T>* s) : s_(s) {}
    Awaiter(Awaiter&& o) noexcept : s_(o.s_) {}
    ~Awaiter() {
      if (!waiting_) return;
      std::lock_guard lk(s_->mu);
      if (s_->waiter == &node_) s_->waiter = nullptr;
    }
    bool await_ready() {
      std::lock_guard lk(s_->mu);
      return s_->tx_done;
    }
    bool await_suspend(std::coroutine_handle<> h) {
      node_.waker = asyncrt::detail::Waker::current(h);
      std::lock_guard lk(s_->mu);
      if (s_->tx_done) return false;
      s_->waiter = &node_;
      node_.linked = true;
      waiting_ = true;
      return true;
    }
    std::optional<T> await_resume() {
      std::lock_guard lk(s_->mu);
      return std::move(s_->value);
    }

   private:
    detail::State<T>* s_;
    asyncrt::detail::WaitNode node_;
    bool waiting_ = false;
  };
  Awaiter operator co_await() & { return Awaiter(checked()); }
  Awaiter operator co_await() && { return Awaiter(checked()); }

 private:
  detail::State<T>* checked() {
    if (!s_) throw std::logic_error("asyncrt: awaiting a moved-from oneshot::Receiver");
    return s_.get();
  }
  std::shared_ptr<detail::State<T>> s_;
};

template <class T>
std::pair<Sender<T>, Receiver<T>> channel() {
  auto s = std::make_shared<detail::State<T>>();
  return {Sender<T>(s), Receiver<T>(s)};
}

}  // namespace asyncrt::oneshot
