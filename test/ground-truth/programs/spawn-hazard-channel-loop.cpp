// A worker loop that spawns one task per message received, with no limit: 200
// queued messages become 200 tasks alive at once (each waits on a slow backend).
// GROUND-TRUTH: async-unbounded-spawn hazard
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> process(int message) {
  co_await asyncrt::sleep(50ms);  // a slow backend call
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
  while (auto message = co_await inbox.recv())
    running.spawn(process(*message));  // one task per message, unbounded
  int done = 0;
  while (co_await running.join_next())
    ++done;
  co_return done;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(worker(queued_messages(200))) == 200 ? 0 : 1;
}
