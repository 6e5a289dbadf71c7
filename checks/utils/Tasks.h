//===--- Tasks.h - lazy tasks and what becomes of a call's result -*- C++ -*-===//
//
// "Is this a lazy task?" is answered from the task type alone: find its
// promise type (`R::promise_type`, or a specialization of
// `std::coroutine_traits<R, ...>` as Asio declares for asio::awaitable) and
// read what its `initial_suspend` returns. `std::suspend_always`, or an
// awaitable whose `await_ready` is a constant `false`, means the coroutine
// body runs only when someone resumes it: a lazy task. `std::suspend_never`
// (or a constant `true`) means eager. A type marked
// `[[clang::coro_return_type]]` whose promise cannot be read counts as lazy.
// No framework names are needed; a list of extra type names covers task
// types whose promise is not visible in the translation unit.
//
// Also here: the statement positions where a value is thrown away, and
// "is this local ever used", shared by the task-lifecycle checks.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_TASKS_H
#define ASYNCLINT_CHECKS_UTILS_TASKS_H

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async {

/// Decides, and remembers per type, whether a type is a lazy task.
class LazyTaskClassifier {
public:
  enum class Start { Lazy, Eager, Unknown };

  LazyTaskClassifier() = default;
  explicit LazyTaskClassifier(NameList ExtraTaskTypes)
      : ExtraTaskTypes(std::move(ExtraTaskTypes)) {}

  /// True if \p T (a call's result type) is a lazy task. \p Callee, when it
  /// is a coroutine defined in this TU, gives the promise directly if the
  /// type alone does not.
  bool isLazyTask(QualType T, const FunctionDecl *Callee = nullptr);

  /// How a coroutine whose promise is \p Promise starts.
  Start startOfPromise(const CXXRecordDecl &Promise);

  /// Forget everything (the AST of the previous TU is gone).
  void reset() {
    Cache.clear();
    TraitsLookedUp = false;
    CoroutineTraits = nullptr;
  }

private:
  Start classify(const CXXRecordDecl &R);
  const CXXRecordDecl *promiseOf(const CXXRecordDecl &R);
  const ClassTemplateDecl *coroutineTraits(ASTContext &Ctx);

  NameList ExtraTaskTypes;
  llvm::DenseMap<const Type *, Start> Cache;
  bool TraitsLookedUp = false;
  const ClassTemplateDecl *CoroutineTraits = nullptr;
};

/// Matches a call whose result type is a lazy task.
AST_MATCHER_P(CallExpr, returnsLazyTask, LazyTaskClassifier *, Classifier) {
  // A call returning a reference hands out an existing task, not a new one.
  if (Node.isTypeDependent() || !Node.isPRValue())
    return false;
  return Classifier->isLazyTask(Node.getType(), Node.getDirectCallee());
}

/// Strips what clang wraps around a value whose statement discards it:
/// parentheses, implicit casts, full-expression cleanups, temporaries.
const Expr *ignoreValueWrappers(const Expr *E);

/// Matches an expression that, once its wrappers are stripped (see
/// ignoreValueWrappers), matches \p Inner.
AST_MATCHER_P(Expr, ignoringValueWrappers, ast_matchers::internal::Matcher<Expr>,
              Inner) {
  return Inner.matches(*ignoreValueWrappers(&Node), Finder, Builder);
}

/// Matchers (one per statement kind) for a statement holding, in a position whose value is thrown away
/// (a statement of a block, the branch of an if, the body of a loop, a case
/// of a switch), an expression that matches \p Inner, also when it is cast
/// to void. Binds the expression to "discarded" and the void cast, if any,
/// to "voidcast".
std::vector<ast_matchers::StatementMatcher>
holdsDiscarded(const ast_matchers::internal::Matcher<Expr> &Inner);

/// True if \p Var is referenced anywhere in \p Scope (lambda bodies
/// included), other than by a `(void)Var;` statement.
bool isVariableUsed(const VarDecl &Var, const Stmt &Scope);

/// The body of the function or lambda that declares the local \p Var.
const Stmt *getDeclaringBody(const VarDecl &Var);

} // namespace clang::tidy::async

#endif
