// The fix of spawn-hazard-channel-loop with the JoinSet itself as the limit: once
// 8 tasks are in the set, one is joined before the next is spawned.
// GROUND-TRUTH: async-unbounded-spawn safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> process(int message) {
  co_await asyncrt::sleep(5ms);  // a slow backend call
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
  asyncrt::JoinSet<int> running;
  int done = 0;
  while (auto message = co_await inbox.recv()) {
    if (running.size() >= 8 && co_await running.join_next())
      ++done;
    running.spawn(process(*message));
  }
  while (co_await running.join_next())
    ++done;
  co_return done;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(worker(queued_messages(200))) == 200 ? 0 : 1;
}
