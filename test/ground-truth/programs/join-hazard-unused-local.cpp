// A join handle kept in a local that is never awaited: it is dropped at the end
// of the scope, which detaches the task; its failure is never seen.
// GROUND-TRUTH: async-ignored-join-handle hazard
#include <asyncrt/asyncrt.hpp>

#include <stdexcept>

using namespace std::chrono_literals;

asyncrt::Task<> send_receipt(int order) {
  co_await asyncrt::sleep(5ms);
  throw std::runtime_error("mail server unreachable for order " + std::to_string(order));
}

asyncrt::Task<int> place_order(int order) {
  auto receipt = asyncrt::spawn(send_receipt(order));
  co_await asyncrt::sleep(100ms);
  co_return 0;
}

int main() {
  asyncrt::Runtime rt;
  return rt.block_on(place_order(7));
}
