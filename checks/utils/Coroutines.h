//===--- Coroutines.h - what every asynclint check asks of a coroutine -*- C++ -*-===//
//
// "Inside a coroutine" means: the innermost enclosing function or lambda is a
// coroutine. A lambda, local class or block defined in a coroutine that is not
// itself a coroutine is not inside it: work handed to a thread or a thread
// pool is never reported. The walkers here therefore never descend into
// lambda bodies, local classes or blocks.
//
// Coroutine bodies also hold implicit nodes: the initial and final suspend
// `co_await`s, and the implicit `co_return` at the end. Only what the user
// wrote counts: the walkers visit CoroutineBodyStmt::getBody() and, for a
// `co_await`/`co_yield`/`co_return`, the operand as written.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_COROUTINES_H
#define ASYNCLINT_CHECKS_UTILS_COROUTINES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async {

/// The coroutine body of \p F, or null if \p F is not a coroutine (or has no
/// body in this translation unit). Works for templates too: clang builds a
/// CoroutineBodyStmt for a dependent coroutine as well.
const CoroutineBodyStmt *getCoroutineBody(const FunctionDecl &F);
inline bool isCoroutine(const FunctionDecl &F) { return getCoroutineBody(F); }

/// The innermost function or lambda call operator enclosing \p S. Asks the
/// ASTContext for parents: the first call builds a parent map of the whole TU
/// (a tenth of a run on an Asio file). Prefer starting from
/// forEachUserCoroutine() (UserCode.h) and walking down.
const FunctionDecl *getEnclosingFunction(const Stmt &S, ASTContext &Ctx);

/// The innermost callable enclosing \p S if it is a coroutine, else null.
const FunctionDecl *getEnclosingCoroutine(const Stmt &S, ASTContext &Ctx);

/// A short human name for a declaration, for messages: 'ns::name' in quotes,
/// or "lambda" for a lambda's call operator.
std::string describeCallable(const NamedDecl &D);

/// Visits every statement the user wrote in \p Root that belongs to the same
/// callable: it does not enter lambda bodies, blocks or local classes, and of
/// a co_await/co_yield/co_return it visits only the written operand. A
/// visitor that returns false does not descend into that statement.
void forEachOwnStmt(const Stmt *Root, llvm::function_ref<bool(const Stmt &)> Visit);

/// Explicit suspension points: co_await and co_yield written by the user
/// (never the implicit initial/final suspends).
bool isExplicitSuspension(const Stmt &S);

/// The explicit suspension points of a coroutine body, in source order.
llvm::SmallVector<const Expr *, 8> getSuspensionPoints(const CoroutineBodyStmt &Body);

/// For an explicit co_await/co_yield, the expression it awaits with the
/// wrappers clang adds (temporaries, conversions, parentheses) stripped: the
/// call that produced the awaitable. Null for any other statement.
const Expr *getAwaitedExpr(const Stmt &Suspension);

/// Matches a function that is a coroutine (see getCoroutineBody).
AST_MATCHER(FunctionDecl, isCoroutineFunction) { return isCoroutine(Node); }

} // namespace clang::tidy::async

#endif
