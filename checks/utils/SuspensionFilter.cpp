//===--- SuspensionFilter.cpp - which suspension points really suspend ----===//

#include "SuspensionFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

const llvm::StringLiteral DefaultAllowedAwaitables = "::std::suspend_never";

static const CXXRecordDecl *recordOf(const Expr *E) {
  if (!E)
    return nullptr;
  QualType T = E->getType().getNonReferenceType();
  return T.isNull() ? nullptr : T->getAsCXXRecordDecl();
}

bool isAlwaysReady(const CoroutineSuspendExpr &Suspension) {
  const Expr *Ready = Suspension.getReadyExpr();
  if (!Ready)
    return false;
  Ready = Ready->IgnoreParenImpCasts();
  if (const auto *W = dyn_cast<ExprWithCleanups>(Ready))
    Ready = W->getSubExpr()->IgnoreParenImpCasts();
  const auto *Call = dyn_cast<CallExpr>(Ready);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return false;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  if (!Value || Value->isValueDependent())
    return false;
  bool Result = false;
  return Value->EvaluateAsBooleanCondition(Result, Def->getASTContext()) && Result;
}

bool SuspensionFilter::maySuspend(const Expr &S) const {
  const auto *Suspension = dyn_cast<CoroutineSuspendExpr>(&S);
  if (!Suspension)
    return true; // a dependent co_await: not known
  for (const Expr *E : {Suspension->getOperand(), Suspension->getCommonExpr()})
    if (const CXXRecordDecl *RD = recordOf(E))
      if (Allowed.contains(*RD))
        return false;
  return !isAlwaysReady(*Suspension);
}

} // namespace clang::tidy::async
