// spawn_blocking(f): run a blocking or CPU-heavy callable on the runtime's separate, bounded
// thread pool and get a JoinHandle for its result. This is the sanctioned way to call
// blocking APIs (file I/O, future::get, heavy loops) from async code.
#pragma once
#include <functional>
#include <source_location>
#include <type_traits>

#include "asyncrt/join.hpp"

namespace asyncrt {

namespace detail {

template <class F, class R>
struct BlockingTask final : BlockingJob {
  F fn;
  JoinState<R>* state;
  BlockingTask(F&& f, JoinState<R>* s) : fn(std::move(f)), state(s) {}
  void run() noexcept override {
    Outcome<R> o;
    try {
      if constexpr (std::is_void_v<R>) {
        fn();
        o.value.emplace();
      } else {
        o.value.emplace(fn());
      }
    } catch (...) {
      o.error = std::current_exception();
    }
    std::exchange(state, nullptr)->complete(std::move(o));
  }
  void cancel() noexcept override {
    std::exchange(state, nullptr)->complete(Outcome<R>::cancel());
  }
};

}  // namespace detail

template <class F, class R = std::invoke_result_t<std::decay_t<F>>>
JoinHandle<R> spawn_blocking(F&& f, std::source_location at = std::source_location::current()) {
  detail::Core& core = detail::core_or_throw();
  auto* st = new detail::JoinState<R>();
  st->site = detail::Loc::from(at);
  auto* job = new detail::BlockingTask<std::decay_t<F>, R>(std::forward<F>(f), st);
  job->ref();
  st->target = job;  // before the job can run; JoinHandle::abort() cancels it if queued
  core.submit_blocking(job);
  return JoinHandle<R>(st);
}

}  // namespace asyncrt
