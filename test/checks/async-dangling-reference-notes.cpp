// The notes of async-dangling-reference: one at the referent, one at the
// parameter or capture that keeps it.
// RUN: %check_async_tidy %s async-dangling-reference %t -- -- -isystem %inputs
#include "asio.h"
#include "views.h"

asio::awaitable<void> handle(std::string_view Text);

void spawnsView(asio::io_context &Ctx) {
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive local variable 'Buffer' that its parameter 'Text' refers to [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: local variable 'Buffer' is declared here
  // CHECK-NOTES: :7:47: note: parameter 'Text' is kept in the coroutine frame as a view
}

void spawnsTemporaryClosure(asio::io_context &Ctx, int Count) {
  asio::co_spawn(Ctx, [Count]() -> asio::awaitable<void> { (void)Count; co_return; }(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive the temporary lambda closure that holds its captures
  // CHECK-NOTES: :[[@LINE-2]]:23: note: the temporary lambda closure is destroyed at the end of this full-expression
  // CHECK-NOTES: :[[@LINE-3]]:24: note: the coroutine reads its captures from the closure
}

void spawnsReferenceCapture(asio::io_context &Ctx) {
  int Count = 0;
  asio::co_spawn(Ctx, [&Count]() -> asio::awaitable<void> { ++Count; co_return; }, asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive local variable 'Count' that its capture 'Count' refers to
  // CHECK-NOTES: :[[@LINE-3]]:7: note: local variable 'Count' is declared here
  // CHECK-NOTES: :[[@LINE-3]]:25: note: 'Count' is captured by reference here
}
