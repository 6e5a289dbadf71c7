// An RPC client awaits a reply from a peer that stays connected and never
// answers: with no timeout, the caller waits until the runtime shuts down.
// GROUND-TRUTH: async-missing-timeout hazard
// GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Types: '::RpcClient'}}
#include <asyncrt/asyncrt.hpp>

#include <memory>
#include <optional>

using namespace std::chrono_literals;

// The peer keeps its end of every request open and never sends a reply.
struct SilentPeer {
  std::vector<std::shared_ptr<asyncrt::oneshot::Sender<int>>> open_requests;
};

class RpcClient {
 public:
  explicit RpcClient(SilentPeer& peer) : peer_(peer) {}
  asyncrt::Task<std::optional<int>> call(int request) {
    auto [tx, rx] = asyncrt::oneshot::channel<int>();
    peer_.open_requests.push_back(std::make_shared<asyncrt::oneshot::Sender<int>>(std::move(tx)));
    (void)request;
    co_return co_await std::move(rx);
  }

 private:
  SilentPeer& peer_;
};

asyncrt::Task<> refresh_quota(std::shared_ptr<RpcClient> client) {
  auto quota = co_await client->call(7);
  (void)quota;
}

asyncrt::Task<int> service(std::shared_ptr<RpcClient> client) {
  auto refresh = asyncrt::spawn(refresh_quota(client));
  co_await asyncrt::sleep(50ms);
  co_return 0;  // the refresh is still waiting: the runtime shuts down around it
}

int main() {
  SilentPeer peer;
  auto client = std::make_shared<RpcClient>(peer);
  asyncrt::Runtime rt;
  return rt.block_on(service(client));
}
