// Tokio guide: "Async trait methods": an abstract interface whose methods are coroutines.
// In C++ a pure virtual function returning Task<T> is the whole trick (no macro needed).
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

struct StoreError {
  std::string message;
};

class DataStore {
 public:
  virtual ~DataStore() = default;
  virtual Task<Expected<std::string, StoreError>> load(std::string key) = 0;
  virtual Task<Expected<void, StoreError>> save(std::string key, std::string value) = 0;
};

class MemoryStore final : public DataStore {
 public:
  Task<Expected<std::string, StoreError>> load(std::string key) override {
    auto guard = co_await mu_.read();
    co_await sleep(1ms);  // a real store would do I/O here
    auto it = data_.find(key);
    if (it == data_.end()) co_return unexpected(StoreError{"no such key: " + key});
    co_return it->second;
  }
  Task<Expected<void, StoreError>> save(std::string key, std::string value) override {
    auto guard = co_await mu_.write();
    data_[key] = std::move(value);
    co_return Expected<void, StoreError>{};
  }

 private:
  RwLock mu_;
  std::map<std::string, std::string> data_;
};

Task<bool> use_store(DataStore& store) {
  auto saved = co_await store.save("greeting", "hello");
  auto found = co_await store.load("greeting");
  auto missing = co_await store.load("nope");
  co_return saved.has_value() && found.has_value() && *found == "hello" && !missing.has_value();
}

int main() {
  Runtime rt;
  auto store = std::make_unique<MemoryStore>();
  bool ok = rt.block_on(use_store(*store));
  std::printf("async interface: %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
