// Tokio guide: "Error handling in async": propagate errors up the chain (here: Expected,
// checked at each step, like `?`), and handle them inside spawned tasks so none is lost.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

using namespace asyncrt;

struct Error {
  std::string what;
};
template <class T>
using Result = Expected<T, Error>;

Task<Result<int>> fetch_data(int input) {
  if (input < 0) co_return unexpected(Error{"negative input"});
  co_return input * 2;
}
Task<Result<int>> process(int data) { co_return data + 1; }
Task<Result<std::string>> save(int value) { co_return "saved " + std::to_string(value); }

Task<Result<std::string>> chain_operations(int input) {
  auto data = co_await fetch_data(input);
  if (!data) co_return unexpected(data.error());
  auto processed = co_await process(*data);
  if (!processed) co_return unexpected(processed.error());
  co_return co_await save(*processed);
}

Task<void> risky_operation() { throw std::runtime_error("risky operation failed"); co_return; }

// Handle in spawned tasks: the task catches and reports its own failure.
Task<bool> guarded() {
  try {
    co_await risky_operation();
  } catch (const std::exception&) {
    co_return false;  // handled (a real program would log it)
  }
  co_return true;
}

Task<int> run() {
  auto ok = co_await chain_operations(20);
  auto bad = co_await chain_operations(-1);
  bool risky_ok = co_await spawn(guarded());
  // Or let it fail and handle the error at the JoinHandle.
  bool caught = false;
  try {
    co_await spawn(risky_operation());
  } catch (const std::runtime_error&) {
    caught = true;
  }
  co_return (ok ? 1 : 0) + (bad ? 0 : 2) + (risky_ok ? 0 : 4) + (caught ? 8 : 0);
}

int main() {
  Runtime rt;
  int r = rt.block_on(run());
  std::printf("error paths exercised: %d/15\n", r);
  return r == 15 ? 0 : 1;
}
