//===--- SuspensionFilter.h - which suspension points really suspend -*- C++ -*-===//
//
// A `co_await` whose awaiter's await_ready() is constantly true (such as
// `std::suspend_never`) never suspends, and a project may know more such
// awaitables (the AllowedAwaitablesList option). The checks that care whether
// a coroutine gives up its thread at a point (a lock held there, a loop that
// never yields) ask this filter.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_SUSPENSIONFILTER_H
#define ASYNCLINT_CHECKS_UTILS_SUSPENSIONFILTER_H

#include "NameList.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

/// Default for AllowedAwaitablesList: awaitables that never suspend.
extern const llvm::StringLiteral DefaultAllowedAwaitables;

/// True if the awaiter's await_ready() of \p Suspension (a co_await or
/// co_yield) returns a constant true: it never suspends.
bool isAlwaysReady(const CoroutineSuspendExpr &Suspension);

class SuspensionFilter {
public:
  explicit SuspensionFilter(llvm::StringRef AllowedAwaitables)
      : Allowed(AllowedAwaitables) {}
  /// Whether the explicit suspension point \p S can suspend: not if its
  /// operand or awaiter type is listed, nor if it is always ready.
  bool maySuspend(const Expr &S) const;

private:
  NameList Allowed;
};

} // namespace clang::tidy::async

#endif
