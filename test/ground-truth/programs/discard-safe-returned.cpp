// A task kept in a local and returned to the caller (who awaits it) is not
// discarded: the local is moved out, the caller starts it.
// GROUND-TRUTH: async-discarded-task safe
#include <asyncrt/asyncrt.hpp>

static int loads = 0;

asyncrt::Task<int> load_config(int version) {
  ++loads;
  co_return version;
}

asyncrt::Task<int> pick_loader(bool latest) {
  auto loader = load_config(latest ? 2 : 1);
  return loader;
}

asyncrt::Task<int> startup() {
  int version = co_await pick_loader(true);
  co_return version + loads;
}

int main() {
  asyncrt::Runtime rt(asyncrt::RuntimeOptions::current_thread());
  return rt.block_on(startup()) == 3 ? 0 : 1;
}
