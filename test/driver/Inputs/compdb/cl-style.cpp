// Compiled by clang-cl (MSVC-style options). Self-contained: clang-cl on
// Linux has no C++ standard library to include.
namespace std {
template <class R, class... Args> struct coroutine_traits { using promise_type = typename R::promise_type; };
template <class P = void> struct coroutine_handle {
  static coroutine_handle from_address(void *) noexcept { return {}; }
  template <class Q> coroutine_handle(coroutine_handle<Q>) noexcept {}
  coroutine_handle() = default;
};
struct suspend_never {
  bool await_ready() const noexcept { return true; }
  void await_suspend(coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace std
extern "C" unsigned sleep(unsigned seconds);
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
#ifndef _MSC_VER
#error "not compiled in clang-cl mode"
#endif
#ifndef CL_DEFINE
#error "/D was not understood"
#endif
Task sleepyClStyle() {
  sleep(1);
  co_return;
}
