// Outcome of a task: a value, an exception, or "cancelled". `void` results are stored as Unit
// so every template below handles one shape.
#pragma once
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace asyncrt {

struct Unit {};

// Thrown by co_await on a JoinHandle (or select) whose task was aborted.
struct Cancelled : std::exception {
  const char* what() const noexcept override { return "asyncrt: task was cancelled"; }
};

namespace detail {

template <class T>
using stored_t = std::conditional_t<std::is_void_v<T>, Unit, T>;

template <class T>
struct Outcome {
  std::optional<stored_t<T>> value;
  std::exception_ptr error;
  bool cancelled = false;

  static Outcome cancel() {
    Outcome o;
    o.cancelled = true;
    return o;
  }
  // Hand the result to the awaiting code: value, or rethrow.
  T take() {
    if (error) std::rethrow_exception(error);
    if (cancelled || !value) throw Cancelled{};
    if constexpr (!std::is_void_v<T>) return std::move(*value);
  }
};

}  // namespace detail
}  // namespace asyncrt
