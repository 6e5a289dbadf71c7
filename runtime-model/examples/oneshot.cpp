// Tokio guide: "oneshot (single value)": a spawned task computes a result and sends it back.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <optional>

using namespace asyncrt;

Task<int> compute_result() { co_return 42; }

Task<bool> send_result(oneshot::Sender<int> tx) {
  int result = co_await compute_result();
  co_return tx.send(result);
}

Task<std::optional<int>> run() {
  auto [tx, rx] = oneshot::channel<int>();
  auto sender = spawn(send_result(std::move(tx)));
  std::optional<int> result = co_await std::move(rx);
  bool delivered = co_await sender;
  co_return delivered ? result : std::nullopt;
}

int main() {
  Runtime rt;
  auto r = rt.block_on(run());
  std::printf("Result: %d\n", r.value_or(-1));
  return r == 42 ? 0 : 1;
}
