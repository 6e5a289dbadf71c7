// The echo-server shape: each iteration awaits the next connection from a
// listener and spawns one session for it, keeping every handle. The pace of
// accept() is no bound on how many sessions live at once: a backlog of 200
// waiting clients becomes 200 live tasks.
// GROUND-TRUTH: async-unbounded-spawn hazard
// GROUND-TRUTH-LIMIT: async-unbounded-spawn monitor_only: the default (AllowAwaitedAcceptLoops) exempts a loop paced by an awaited accept; the strict setting (.clang-tidy-plugin/ci-strict.yaml) reports it
#include <asyncrt/asyncrt.hpp>

#include <optional>
#include <vector>

using namespace std::chrono_literals;

asyncrt::Task<int> serve_connection(int connection) {
  co_await asyncrt::sleep(50ms);  // the client is slow
  co_return connection;
}

// A listening socket's stand-in: accept() hands out the clients waiting in
// its backlog, then reports that it was closed.
class Listener {
public:
  explicit Listener(int backlog) {
    auto [tx, rx] = asyncrt::mpsc::unbounded_channel<int>();
    for (int i = 0; i < backlog; ++i)
      tx.send(i);
    backlog_ = std::move(rx);
  }
  asyncrt::Task<std::optional<int>> accept() { co_return co_await backlog_->recv(); }

private:
  std::optional<asyncrt::mpsc::Receiver<int>> backlog_;
};

asyncrt::Task<int> serve(Listener &listener) {
  std::vector<asyncrt::JoinHandle<int>> sessions;
  for (;;) {
    auto connection = co_await listener.accept();
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
  Listener listener(200);
  return rt.block_on(serve(listener)) == 200 ? 0 : 1;
}
