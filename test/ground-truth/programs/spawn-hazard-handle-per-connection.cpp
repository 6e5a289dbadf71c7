// An accept-style loop (for (;;) until the queue closes) that spawns one task per
// connection and keeps every handle: nothing bounds how many run at once, so a
// burst of 200 connections is 200 live tasks.
// GROUND-TRUTH: async-unbounded-spawn hazard
#include <asyncrt/asyncrt.hpp>

#include <vector>

using namespace std::chrono_literals;

asyncrt::Task<int> serve_connection(int connection) {
  co_await asyncrt::sleep(50ms);  // the client is slow
  co_return connection;
}

asyncrt::mpsc::Receiver<int> pending_connections(int count) {
  auto [tx, rx] = asyncrt::mpsc::unbounded_channel<int>();
  for (int i = 0; i < count; ++i)
    tx.send(i);
  return std::move(rx);
}

asyncrt::Task<int> accept_loop(asyncrt::mpsc::Receiver<int> incoming) {
  std::vector<asyncrt::JoinHandle<int>> sessions;
  for (;;) {
    auto connection = co_await incoming.recv();
    if (!connection)
      break;
    sessions.push_back(asyncrt::spawn(serve_connection(*connection)));
  }
  int served = 0;
  for (auto &session : sessions) {
    co_await session;
    ++served;
  }
  co_return served;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(accept_loop(pending_connections(200))) == 200 ? 0 : 1;
}
