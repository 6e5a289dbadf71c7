// Mock of the owning and viewing standard types the dangling-reference check
// reasons about: std::string, std::string_view, std::span, std::vector,
// std::shared_ptr. Declarations only, as small as the tests need.
#pragma once

namespace std {
using size_t = decltype(sizeof(0));
template <typename T> T &&move(T &t) noexcept { return static_cast<T &&>(t); }

template <typename C> class basic_string_view {
public:
  constexpr basic_string_view() noexcept {}
  constexpr basic_string_view(const C *) noexcept {}
  constexpr basic_string_view(const basic_string_view &) noexcept = default;
  const C *data() const noexcept;
  size_t size() const noexcept;
};
using string_view = basic_string_view<char>;

template <typename C> class basic_string {
public:
  basic_string();
  basic_string(const C *);
  basic_string(const basic_string &);
  basic_string(basic_string &&) noexcept;
  ~basic_string();
  const C *data() const noexcept;
  const C *c_str() const noexcept;
  size_t size() const noexcept;
  operator basic_string_view<C>() const noexcept;
};
using string = basic_string<char>;

template <typename T> class vector {
public:
  vector();
  vector(const vector &);
  ~vector();
  void push_back(T &&);
  template <typename... A> void emplace_back(A &&...);
  T *data() noexcept;
  size_t size() const noexcept;
};

template <typename T> class span {
public:
  span() noexcept;
  span(T *, size_t) noexcept;
  template <typename U> span(vector<U> &) noexcept;
  template <size_t N> span(T (&)[N]) noexcept;
  T *data() const noexcept;
};

template <typename T> class shared_ptr {
public:
  shared_ptr();
  shared_ptr(const shared_ptr &);
  ~shared_ptr();
  T &operator*() const noexcept;
  T *operator->() const noexcept;
};
template <typename T, typename... A> shared_ptr<T> make_shared(A &&...);
} // namespace std
