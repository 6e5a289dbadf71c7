// The fix of spawn-hazard-channel-loop: a permit from a semaphore of 8 is taken
// before each spawn and released when the task ends, so at most 8 run at once.
// GROUND-TRUTH: async-unbounded-spawn safe
#include <asyncrt/asyncrt.hpp>

using namespace std::chrono_literals;

asyncrt::Task<int> process(int message, asyncrt::SemaphorePermit permit) {
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
  asyncrt::Semaphore slots(8);
  asyncrt::JoinSet<int> running;
  while (auto message = co_await inbox.recv()) {
    auto permit = co_await slots.acquire();  // waits while 8 tasks run
    running.spawn(process(*message, std::move(permit)));
  }
  int done = 0;
  while (co_await running.join_next())
    ++done;
  co_return done;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(worker(queued_messages(200))) == 200 ? 0 : 1;
}
