// Tokio guide: graceful shutdown on SIGTERM. Workers take jobs from a channel; when SIGTERM
// arrives the dispatcher stops accepting work, closes the queue, and the workers drain what
// is queued before the program exits.
//
//   graceful_shutdown               wait for a real SIGTERM (kill -TERM <pid>)
//   graceful_shutdown --self-term   send SIGTERM to itself after a moment (used by CTest)
#include <asyncrt/asyncrt.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

using namespace asyncrt;
using namespace std::chrono_literals;

Task<int> worker(std::shared_ptr<Mutex> rx_lock, std::shared_ptr<mpsc::Receiver<int>> rx) {
  int done = 0;
  for (;;) {
    std::optional<int> job;
    {
      auto guard = co_await rx_lock->lock();  // one receiver, shared by the workers
      job = co_await rx->recv();
    }
    if (!job) co_return done;  // queue closed and drained
    co_await sleep(1ms);       // the "work"
    ++done;
  }
}

// Produce jobs until told to stop; returns how many were queued. Dropping `tx` on return
// closes the queue, which is how the workers learn to finish.
Task<int> dispatcher(mpsc::Sender<int> tx, std::shared_ptr<std::atomic<bool>> stop) {
  int queued = 0;
  while (!stop->load()) {
    if (!co_await tx.send(queued)) break;  // every worker is gone
    ++queued;
    co_await sleep(1ms);
  }
  co_return queued;
}

Task<void> self_term() {
  co_await sleep(50ms);
  std::raise(SIGTERM);
}

Task<std::pair<int, int>> serve(bool self_terminate) {
  auto [tx, rx] = mpsc::channel<int>(16);
  auto shared_rx = std::make_shared<mpsc::Receiver<int>>(std::move(rx));
  auto rx_lock = std::make_shared<Mutex>();
  auto stop = std::make_shared<std::atomic<bool>>(false);
  auto term = asyncrt::signal(SIGTERM);  // handler installed before anything can send it

  JoinSet<int> workers;
  for (int i = 0; i < 4; ++i) workers.spawn(worker(rx_lock, shared_rx));
  JoinHandle<int> producer = spawn(dispatcher(std::move(tx), stop));
  JoinHandle<void> trigger;
  if (self_terminate) trigger = spawn(self_term());

  co_await std::move(term);  // SIGTERM
  stop->store(true);         // stop accepting work
  int queued = co_await producer;  // the dispatcher dropped its sender: the queue closes
  int processed = 0;
  while (auto n = co_await workers.join_next()) processed += *n;
  if (trigger.valid()) co_await trigger;
  co_return std::pair{queued, processed};
}

int main(int argc, char** argv) {
  bool self = argc > 1 && std::strcmp(argv[1], "--self-term") == 0;
  Runtime rt;
  auto [queued, processed] = rt.block_on(serve(self));
  std::printf("SIGTERM: queued %d jobs, processed %d before exiting\n", queued, processed);
  return queued == processed ? 0 : 1;
}
