// Signal delivery: an async-signal-safe handler counts the signal and writes its number to a
// pipe; one watcher thread reads the pipe and wakes the tasks waiting for that signal.
#include "asyncrt/signal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace asyncrt {

namespace {

constexpr int kMaxSig = 65;

struct Hub {
  std::mutex mu;
  detail::WaitList waiters;
  std::atomic<std::uint64_t> count[kMaxSig] = {};
  bool installed[kMaxSig] = {};
  int pipe_fd[2] = {-1, -1};
  std::thread watcher;

  ~Hub() {
    if (watcher.joinable()) {
      unsigned char stop = 0;  // signal 0: stop
      (void)!write(pipe_fd[1], &stop, 1);
      watcher.join();
    }
  }

  void run() {
    for (;;) {
      unsigned char s;
      ssize_t n = read(pipe_fd[0], &s, 1);
      if (n < 0) continue;  // EINTR
      if (n == 0 || s == 0) return;
      detail::WakeBatch b;
      std::lock_guard lk(mu);
      for (detail::WaitNode* w = waiters.front(); w;) {
        detail::WaitNode* next = w->next;
        if (static_cast<SignalAwaiter::Node*>(w)->signo == s) {
          waiters.remove(w);
          w->granted = true;
          b.add(std::move(w->waker));
        }
        w = next;
      }
    }
  }
};

Hub& hub() {
  static Hub h;
  return h;
}

void on_signal(int s) {
  Hub& h = hub();
  h.count[s].fetch_add(1, std::memory_order_relaxed);
  unsigned char b = static_cast<unsigned char>(s);
  int saved = errno;
  (void)!write(h.pipe_fd[1], &b, 1);
  errno = saved;
}

void install(int signo) {
  if (signo <= 0 || signo >= kMaxSig) throw std::invalid_argument("asyncrt::signal: bad signal");
  Hub& h = hub();
  std::lock_guard lk(h.mu);
  if (h.pipe_fd[0] < 0) {
    if (pipe2(h.pipe_fd, O_CLOEXEC) != 0) throw std::runtime_error("asyncrt::signal: pipe");
    h.watcher = std::thread([&h] { h.run(); });
  }
  if (!h.installed[signo]) {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(signo, &sa, nullptr);
    h.installed[signo] = true;
  }
}

}  // namespace

SignalAwaiter::SignalAwaiter(int signo) : signo_(signo) {
  install(signo);
  seen_ = hub().count[signo].load(std::memory_order_relaxed);
}

SignalAwaiter::~SignalAwaiter() {
  if (!waiting_) return;
  Hub& h = hub();
  std::lock_guard lk(h.mu);
  if (node_.linked) h.waiters.remove(&node_);
}

bool SignalAwaiter::await_ready() const noexcept {
  return hub().count[signo_].load(std::memory_order_relaxed) != seen_;
}

bool SignalAwaiter::await_suspend(std::coroutine_handle<> h) {
  node_.waker = detail::Waker::current(h);
  node_.signo = signo_;
  Hub& hb = hub();
  std::lock_guard lk(hb.mu);
  if (hb.count[signo_].load(std::memory_order_relaxed) != seen_) return false;
  hb.waiters.push_back(&node_);
  waiting_ = true;
  return true;
}

}  // namespace asyncrt
