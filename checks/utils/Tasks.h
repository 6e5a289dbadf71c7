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
#include "UserCode.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async {

/// Decides, and remembers per type, whether a type is a lazy task.
class LazyTaskClassifier {
public:
  enum class Start { Lazy, Eager, Unknown };

  LazyTaskClassifier() = default;
  explicit LazyTaskClassifier(NameList ExtraTaskTypes, NameList EagerTaskTypes = {})
      : ExtraTaskTypes(std::move(ExtraTaskTypes)), EagerTaskTypes(std::move(EagerTaskTypes)) {}

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
  NameList EagerTaskTypes;
  llvm::DenseMap<const Type *, Start> Cache;
  bool TraitsLookedUp = false;
  const ClassTemplateDecl *CoroutineTraits = nullptr;
};

/// Strips what clang wraps around a value whose statement discards it:
/// parentheses, implicit casts, full-expression cleanups, temporaries.
const Expr *ignoreValueWrappers(const Expr *E);

/// ignoreValueWrappers, also through `std::move(x)`: the value moved.
const Expr *ignoreMoves(const Expr *E);

/// The variable or parameter a value is read from: through moves, member
/// accesses, subscripts and `std::get<I>(t)` (`std::move(done[i])` is `done`).
const VarDecl *rootVariable(const Expr *E);

/// The value a statement in a discarded position throws away: \p S with its
/// wrappers stripped (see ignoreValueWrappers), looking through a cast to
/// void (returned in \p VoidCast). Null if \p S is not an expression.
const Expr *discardedValueOf(const Stmt *S, const ExplicitCastExpr *&VoidCast);

/// Walks the code of a translation unit written outside system headers, as
/// clang-tidy's TK_AsIs matchers see it (template instantiations, implicit
/// code and generic lambda instantiations included), and hands each
/// discarded value (a statement of a block, a branch, a loop body or
/// increment, a case; through `?:` branches, comma operands and casts to
/// void) and each local with an initializer to \p Derived:
///
///   void discarded(const Expr &Value, const ExplicitCastExpr *VoidCast);
///   void local(const VarDecl &Var, const Expr &Init);  // Init unwrapped
///
/// A declaration in a system header is skipped whole, so the cost is that of
/// the user's code, not of the headers it includes (matchers run on every
/// node of the TU). Of a coroutine body only the statements the user wrote
/// are walked, not the implicit promise and suspension code.
template <typename Derived>
class UserCodeVisitor : public UserCodeTraversal<Derived> {
  using Base = UserCodeTraversal<Derived>;

public:
  explicit UserCodeVisitor(const SourceManager &SM) : Base(SM) {}

  bool TraverseCoroutineBodyStmt(CoroutineBodyStmt *S) {
    // Visit the body's statement itself too (a compound statement).
    return Base::TraverseStmt(S->getBody());
  }

  bool VisitCompoundStmt(CompoundStmt *S) {
    for (Stmt *Child : S->body())
      visitDiscarded(Child);
    return true;
  }
  bool VisitIfStmt(IfStmt *S) {
    visitDiscarded(S->getThen());
    visitDiscarded(S->getElse());
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    visitDiscarded(S->getInc());
    return visitDiscarded(S->getBody());
  }
  bool VisitWhileStmt(WhileStmt *S) { return visitDiscarded(S->getBody()); }
  bool VisitDoStmt(DoStmt *S) { return visitDiscarded(S->getBody()); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return visitDiscarded(S->getBody()); }
  bool VisitCaseStmt(CaseStmt *S) { return visitDiscarded(S->getSubStmt()); }
  bool VisitDefaultStmt(DefaultStmt *S) { return visitDiscarded(S->getSubStmt()); }

  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && !isa<ParmVarDecl>(V))
      if (const Expr *Init = V->getInit())
        static_cast<Derived *>(this)->local(*V, *ignoreValueWrappers(Init));
    return true;
  }

protected:
  using Base::SM;

private:
  // Both branches of a discarded `?:`, and both operands of a discarded
  // comma, are discarded too.
  bool visitDiscarded(const Stmt *S) {
    const ExplicitCastExpr *VoidCast = nullptr;
    const Expr *Value = discardedValueOf(S, VoidCast);
    if (!Value)
      return true;
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Value)) {
      visitDiscarded(Cond->getTrueExpr());
      return visitDiscarded(Cond->getFalseExpr());
    }
    if (const auto *Comma = dyn_cast<BinaryOperator>(Value);
        Comma && Comma->getOpcode() == BO_Comma) {
      visitDiscarded(Comma->getLHS());
      return visitDiscarded(Comma->getRHS());
    }
    static_cast<Derived *>(this)->discarded(*Value, VoidCast);
    return true;
  }
};

/// True if \p Var is referenced anywhere in \p Scope (lambda bodies
/// included), other than by a `(void)Var;` statement.
bool isVariableUsed(const VarDecl &Var, const Stmt &Scope);

/// The body of the function or lambda that declares the local \p Var.
const Stmt *getDeclaringBody(const VarDecl &Var);

} // namespace clang::tidy::async

#endif
