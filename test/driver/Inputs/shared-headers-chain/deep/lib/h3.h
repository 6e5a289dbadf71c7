// Level 3 of a prefix tree six deep: with templates the PCHs instantiate, as
// Clang 19 needs to crash on a chain of six PCHs.
#pragma once
#include <string>
#include <vector>
template <class T> struct Box3 {
  std::vector<T> Items;
  T first() { return Items.at(0); }
};
inline int level3() {
  Box3<std::string> B;
  B.Items.push_back("x");
  return static_cast<int>(B.first().size());
}
