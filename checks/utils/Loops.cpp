//===--- Loops.cpp - what the loop checks share about a loop --------------===//

#include "Loops.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

bool isNeverRepeatingLoop(const Stmt &Loop) {
  const Expr *Cond = nullptr;
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    Cond = F->getCond();
  else if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(&Loop))
    Cond = D->getCond();
  if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent())
    return false;
  // A literal `false` or `0`, possibly through a macro. (Evaluating other
  // constant expressions would need the ASTContext; the macros use literals.)
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Cond->IgnoreParenImpCasts()))
    return !B->getValue();
  if (const auto *I = dyn_cast<IntegerLiteral>(Cond->IgnoreParenImpCasts()))
    return I->getValue().isZero();
  return false;
}

} // namespace clang::tidy::async
