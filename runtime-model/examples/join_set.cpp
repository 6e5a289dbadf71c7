// Tokio guide: "Spawn with JoinSet (structured concurrency)": one task per item of a
// finite collection, results gathered as they complete.
#include <asyncrt/asyncrt.hpp>
#include <cstdio>
#include <string>
#include <vector>

using namespace asyncrt;
using namespace std::chrono_literals;

struct Item {
  int id;
};
struct Output {
  int id;
  std::string text;
};

Task<Output> process(Item item) {
  co_await sleep(std::chrono::milliseconds(item.id % 3));
  co_return Output{item.id, "item-" + std::to_string(item.id)};
}

Task<std::vector<Output>> process_all(std::vector<Item> items) {
  JoinSet<Output> set;
  for (const Item& item : items) set.spawn(process(item));
  std::vector<Output> results;
  while (auto res = co_await set.join_next()) results.push_back(std::move(*res));
  co_return results;
}

int main() {
  Runtime rt;
  std::vector<Item> items;
  for (int i = 0; i < 20; ++i) items.push_back({i});
  auto results = rt.block_on(process_all(items));
  std::printf("processed %zu items\n", results.size());
  return results.size() == 20 ? 0 : 1;
}
