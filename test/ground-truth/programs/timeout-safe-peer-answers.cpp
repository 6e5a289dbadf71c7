// The limit of the rule: the same untimed call as timeout-hazard-silent-peer,
// but this peer answers. Nothing waits forever in this run; the check cannot
// know that a peer will always answer, and reports the await.
// GROUND-TRUTH: async-missing-timeout safe
// GROUND-TRUTH-LIMIT: async-missing-timeout lint_only: whether a peer answers is not in the code; the rule asks for a timeout on every listed await
// GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Types: '::RpcClient'}}
#include <asyncrt/asyncrt.hpp>

#include <optional>

using namespace std::chrono_literals;

class RpcClient {
 public:
  asyncrt::Task<std::optional<int>> call(int request) {
    auto [tx, rx] = asyncrt::oneshot::channel<int>();
    tx.send(request * 2);  // an answering peer
    co_return co_await std::move(rx);
  }
};

asyncrt::Task<int> service() {
  RpcClient client;
  auto quota = co_await client.call(7);
  co_return quota == 14 ? 0 : 1;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(service());
}
