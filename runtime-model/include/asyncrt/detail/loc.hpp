// A source location that is cheap to copy and store: the three fields the monitor reports.
#pragma once
#include <source_location>

namespace asyncrt::detail {

struct Loc {
  const char* file = "";
  unsigned line = 0;
  const char* function = "";

  static constexpr Loc from(const std::source_location& l) noexcept {
    return {l.file_name(), l.line(), l.function_name()};
  }
  bool known() const noexcept { return line != 0; }
};

}  // namespace asyncrt::detail
