// Tokio guide: "Arc + Mutex": ten tasks increment a counter behind the async Mutex (the
// guard may be held across co_await; a std::mutex must not be).
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <memory>
#include <vector>

using namespace asyncrt;

struct Counter {
  Mutex mu;
  int value = 0;
};

Task<void> increment(std::shared_ptr<Counter> state) {
  auto lock = co_await state->mu.lock();
  co_await yield_now();  // fine: this is an async lock
  state->value += 1;
}

Task<int> run() {
  auto state = std::make_shared<Counter>();
  std::vector<JoinHandle<void>> handles;
  for (int i = 0; i < 10; ++i) handles.push_back(spawn(increment(state)));
  for (auto& handle : handles) co_await handle;
  auto lock = co_await state->mu.lock();
  co_return state->value;
}

int main() {
  Runtime rt;
  int v = rt.block_on(run());
  std::printf("Final: %d\n", v);
  return v == 10 ? 0 : 1;
}
