// Waiting for a POSIX signal: `co_await asyncrt::signal(SIGTERM);` completes when SIGTERM
// arrives after the call (the first call installs the handler; the default action - e.g.
// terminating the process - is replaced for good). The handler only writes a byte to a
// pipe; a watcher thread turns that into task wake-ups.
#pragma once
#include <cstdint>

#include "asyncrt/detail/wait_list.hpp"

namespace asyncrt {

class [[nodiscard]] SignalAwaiter {
 public:
  explicit SignalAwaiter(int signo);
  SignalAwaiter(SignalAwaiter&& o) noexcept : signo_(o.signo_), seen_(o.seen_) {}
  ~SignalAwaiter();
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> h);
  void await_resume() noexcept {}

  struct Node : detail::WaitNode {
    int signo = 0;
  };

 private:
  int signo_;
  std::uint64_t seen_;  // deliveries counted when we started waiting
  Node node_;
  bool waiting_ = false;
};

inline SignalAwaiter signal(int signo) { return SignalAwaiter(signo); }

}  // namespace asyncrt
