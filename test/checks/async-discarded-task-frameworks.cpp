// Task kinds from the framework profiles: concurrencpp's result<> is eager
// (its body starts at the call), even though its promise may first
// reschedule itself through an awaiter that reads as lazy; lazy_result is
// lazy. QCoro::Task is eager, read from its promise. An executor hop whose
// awaitable is thrown away (`resume_on(ex);` without co_await) moves nothing.
// RUN: %check_async_tidy %s async-discarded-task %t -- -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=OFF %s async-discarded-task %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: none}}" -- -isystem %inputs -isystem %inputs/frameworks
#include "concurrencpp.h"
#include "qt.h"
#include "libcoro.h"

concurrencpp::result<void> eager();
concurrencpp::lazy_result<void> lazy();
QCoro::Task<> qcoroTask();

void discards() {
  eager();
  // CHECK-MESSAGES-OFF: :[[@LINE-1]]:3: warning: lazy task returned by 'eager' is discarded
  lazy();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: lazy task returned by 'lazy' is discarded
  // CHECK-MESSAGES-OFF: :[[@LINE-2]]:3: warning: lazy task returned by 'lazy' is discarded
  qcoroTask();
}

concurrencpp::result<void> hops(concurrencpp::runtime &Rt, coro::thread_pool &Pool) {
  co_await concurrencpp::resume_on(Rt.background_executor());
  concurrencpp::resume_on(Rt.thread_pool_executor());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: executor hop returned by 'concurrencpp::resume_on' is discarded; the coroutine stays on its current executor (missing 'co_await'?)
  Pool.schedule();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: executor hop returned by 'coro::thread_pool::schedule' is discarded
  auto Later = Pool.schedule();
  co_await Later;
}
