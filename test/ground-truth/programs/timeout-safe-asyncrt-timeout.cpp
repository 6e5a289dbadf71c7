// The fix of timeout-hazard-silent-peer: the call is awaited under
// asyncrt::timeout, so a peer that never answers costs 20 ms, not the task.
// GROUND-TRUTH: async-missing-timeout safe
// GROUND-TRUTH-LINT-CONFIG: {CheckOptions: {async-missing-timeout.Types: '::RpcClient'}}
#include <asyncrt/asyncrt.hpp>

#include <memory>
#include <optional>

using namespace std::chrono_literals;

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

static bool gave_up = false;

asyncrt::Task<> refresh_quota(std::shared_ptr<RpcClient> client) {
  auto quota = co_await asyncrt::timeout(20ms, client->call(7));
  gave_up = !quota.has_value();
}

asyncrt::Task<int> service(std::shared_ptr<RpcClient> client) {
  auto refresh = asyncrt::spawn(refresh_quota(client));
  co_await asyncrt::sleep(50ms);
  co_await refresh;
  co_return gave_up ? 0 : 1;
}

int main() {
  SilentPeer peer;
  auto client = std::make_shared<RpcClient>(peer);
  asyncrt::Runtime rt;
  return rt.block_on(service(client));
}
