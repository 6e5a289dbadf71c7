// A minimal expected<T, E> (std::expected is C++23): what timeout() and broadcast return.
#pragma once
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "asyncrt/detail/unit.hpp"

namespace asyncrt {

template <class E>
struct Unexpected {
  E error;
};
template <class E>
Unexpected<E> unexpected(E e) {
  return {std::move(e)};
}

struct BadExpectedAccess : std::logic_error {
  BadExpectedAccess() : std::logic_error("asyncrt::Expected holds an error") {}
};

template <class T, class E>
class [[nodiscard]] Expected {
  using V = detail::stored_t<T>;

 public:
  Expected()
    requires std::is_void_v<T>
      : v_(std::in_place_index<0>) {}
  template <class U = V>
    requires(!std::is_void_v<T> && std::is_constructible_v<V, U &&>)
  Expected(U&& v) : v_(std::in_place_index<0>, std::forward<U>(v)) {}
  Expected(Unexpected<E> e) : v_(std::in_place_index<1>, std::move(e.error)) {}

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  decltype(auto) value() & {
    if (!has_value()) throw BadExpectedAccess();
    if constexpr (!std::is_void_v<T>) return std::get<0>(v_);
  }
  decltype(auto) value() && {
    if (!has_value()) throw BadExpectedAccess();
    if constexpr (!std::is_void_v<T>) return std::move(std::get<0>(v_));
  }
  template <class U = V>
    requires(!std::is_void_v<T>)
  U& operator*() & { return std::get<0>(v_); }
  template <class U = V>
    requires(!std::is_void_v<T>)
  U* operator->() { return &std::get<0>(v_); }
  const E& error() const& { return std::get<1>(v_); }

 private:
  std::variant<V, E> v_;
};

}  // namespace asyncrt
