// Tokio guide: "RwLock for read-heavy": many readers share a map, one writer updates it.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

using namespace asyncrt;
using namespace std::chrono_literals;

struct Cache {
  RwLock lock;
  std::map<std::string, int> data;
};

Task<int> reader(std::shared_ptr<Cache> cache, std::string key) {
  auto read = co_await cache->lock.read();  // multiple readers at once
  auto it = cache->data.find(key);
  co_return it == cache->data.end() ? 0 : it->second;
}

Task<void> writer(std::shared_ptr<Cache> cache, std::string key, int value) {
  auto write = co_await cache->lock.write();  // a single writer
  cache->data[key] = value;
}

Task<int> run() {
  auto cache = std::make_shared<Cache>();
  co_await writer(cache, "answer", 42);
  JoinSet<int> readers;
  for (int i = 0; i < 8; ++i) readers.spawn(reader(cache, "answer"));
  int total = 0;
  while (auto v = co_await readers.join_next()) total += *v;
  co_return total;
}

int main() {
  Runtime rt;
  int total = rt.block_on(run());
  std::printf("readers saw %d in total\n", total);
  return total == 8 * 42 ? 0 : 1;
}
