// Tokio guide: "broadcast (multi-producer, multi-consumer)": every subscriber sees every
// message sent after it subscribed.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <string>
#include <vector>

using namespace asyncrt;

Task<std::vector<std::string>> listen(broadcast::Receiver<std::string> rx) {
  std::vector<std::string> seen;
  for (;;) {
    auto msg = co_await rx.recv();
    if (msg.has_value()) {
      seen.push_back(*msg);
    } else if (msg.error().kind == broadcast::RecvError::Lagged) {
      seen.push_back("(missed " + std::to_string(msg.error().missed) + ")");
    } else {
      co_return seen;  // closed: every sender is gone
    }
  }
}

Task<std::size_t> run() {
  auto [tx, rx0] = broadcast::channel<std::string>(16);
  auto rx1 = tx.subscribe();
  auto rx2 = tx.subscribe();
  auto h1 = spawn(listen(std::move(rx1)));
  auto h2 = spawn(listen(std::move(rx2)));
  tx.send("hello");
  tx.send("world");
  { auto closing = std::move(tx); }  // drop the sender: listeners finish
  auto a = co_await h1;
  auto b = co_await h2;
  co_return a.size() + b.size();
}

int main() {
  Runtime rt;
  std::size_t n = rt.block_on(run());
  std::printf("messages delivered: %zu\n", n);
  return n == 4 ? 0 : 1;
}
