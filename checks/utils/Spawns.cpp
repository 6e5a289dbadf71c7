//===--- Spawns.cpp - spawn functions and what the spawned task does -------===//

#include "Spawns.h"
#include "Coroutines.h"
#include "NameList.h"
#include "Tasks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

// How many `return other();` forwarding functions are followed.
static constexpr unsigned MaxForwardingDepth = 3;

// The function whose body the spawned expression runs: the callee of a call
// (the coroutine that made the task), or the call operator of a callable.
static const FunctionDecl *runFunctionOf(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (!E)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (const Expr *Init = Var->getInit())
        if (const auto *Lambda = dyn_cast<LambdaExpr>(ignoreValueWrappers(Init)))
          return Lambda->getCallOperator();
  return nullptr;
}

static bool catchesEverything(const CXXCatchStmt &Handler) {
  const VarDecl *Caught = Handler.getExceptionDecl();
  if (!Caught)
    return true; // catch (...)
  static const NameList StdException("::std::exception");
  const CXXRecordDecl *R =
      Handler.getCaughtType().getNonReferenceType()->getAsCXXRecordDecl();
  return R && StdException.contains(*R);
}

static bool isCatchAllTry(const Stmt *S) {
  const auto *Try = dyn_cast_or_null<CXXTryStmt>(S);
  if (!Try)
    return false;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
    if (catchesEverything(*Try->getHandler(I)))
      return true;
  return false;
}

// The body is one try (or a function-try-block) that catches everything; a
// final bare `co_return;` or `return;` may follow it.
static bool bodyCatchesEverything(const Stmt *Body) {
  if (isCatchAllTry(Body))
    return true;
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block)
    return false;
  const Stmt *Only = nullptr;
  for (const Stmt *S : Block->body()) {
    if (isa<NullStmt>(S))
      continue;
    if (const auto *R = dyn_cast<CoreturnStmt>(S); R && !R->getOperand() && Only)
      continue;
    if (const auto *R = dyn_cast<ReturnStmt>(S); R && !R->getRetValue() && Only)
      continue;
    if (Only)
      return false;
    Only = S;
  }
  return isCatchAllTry(Only);
}

static bool runsCatchAll(const FunctionDecl *F, unsigned Depth) {
  if (!F || Depth > MaxForwardingDepth)
    return false;
  if (const CoroutineBodyStmt *Body = getCoroutineBody(*F))
    return bodyCatchesEverything(Body->getBody());
  const FunctionDecl *Def = F->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody())
    return false;
  // A forwarding function or lambda: `{ return self->reader(); }`.
  const auto *Block = dyn_cast<CompoundStmt>(Def->getBody());
  if (!Block || Block->size() != 1)
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Block->body_front());
  if (!Ret || !Ret->getRetValue())
    return false;
  return runsCatchAll(runFunctionOf(Ret->getRetValue()), Depth + 1);
}

bool spawnedTaskCatchesEverything(const Expr *Spawned) {
  return runsCatchAll(runFunctionOf(Spawned), 0);
}

} // namespace clang::tidy::async
