// Task kinds from the framework profiles: concurrencpp's result<> is eager
// (its body starts at the call), even though its promise may first
// reschedule itself through an awaiter that reads as lazy; lazy_result is
// lazy. QCoro::Task is eager, read from its promise.
// RUN: %check_async_tidy %s async-discarded-task %t -- -- -isystem %inputs -isystem %inputs/frameworks
// RUN: %check_async_tidy -check-suffix=OFF %s async-discarded-task %t -- \
// RUN:   -config="{CheckOptions: {Frameworks: none}}" -- -isystem %inputs -isystem %inputs/frameworks
#include "concurrencpp.h"
#include "qt.h"

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
