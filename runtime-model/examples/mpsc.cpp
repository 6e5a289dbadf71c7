// Tokio guide: "mpsc (multi-producer, single-consumer)": a producer task sends ten values
// through a bounded channel; the consumer reads until the channel closes.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <stdexcept>
#include <vector>

using namespace asyncrt;

Task<void> producer(mpsc::Sender<int> tx) {
  for (int i = 0; i < 10; ++i)
    if (!co_await tx.send(i)) throw std::runtime_error("receiver dropped");
}

Task<std::vector<int>> run() {
  auto [tx, rx] = mpsc::channel<int>(100);  // buffer size
  JoinHandle<void> prod = spawn(producer(std::move(tx)));
  std::vector<int> got;
  while (auto msg = co_await rx.recv()) got.push_back(*msg);
  co_await prod;  // surfaces a producer error, if any
  co_return got;
}

int main() {
  Runtime rt;
  auto got = rt.block_on(run());
  for (int v : got) std::printf("Got: %d\n", v);
  return got.size() == 10 ? 0 : 1;
}
