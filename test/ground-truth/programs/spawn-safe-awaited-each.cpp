// The other fix of spawn-hazard-channel-loop: the loop awaits each task's
// handle before it receives the next message, so one task of the loop runs at
// a time. (async-unbounded-spawn reported this loop before 2026-12-07: an
// await of the handle in the iteration was not seen as a join.)
// GROUND-TRUTH: async-unbounded-spawn safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> process(int message) {
  co_await asyncrt::sleep(1ms);  // a backend call
  co_return message;
}

// A queue of `count` messages whose senders are all gone (recv ends after them).
asyncrt::mpsc::Receiver<int> queued_messages(int count) {
  auto [tx, rx] = asyncrt::mpsc::unbounded_channel<int>();
  for (int i = 0; i < count; ++i)
    tx.send(i);
  return std::move(rx);
}

asyncrt::Task<int> worker(asyncrt::mpsc::Receiver<int> inbox) {
  int done = 0;
  while (auto message = co_await inbox.recv()) {
    auto handle = asyncrt::spawn(process(*message));
    co_await handle;  // joined before the next message
    ++done;
  }
  co_return done;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(worker(queued_messages(200))) == 200 ? 0 : 1;
}
