//===--- Loops.cpp - what the loop checks share about a loop --------------===//

#include "Loops.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async {

bool isNeverRepeatingLoop(const Stmt &Loop, const ASTContext &Ctx) {
  const Expr *Cond = nullptr;
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    Cond = F->getCond();
  else if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    Cond = W->getCond();
  else if (const auto *D = dyn_cast<DoStmt>(&Loop))
    Cond = D->getCond();
  if (!Cond || Cond->isValueDependent() || Cond->isTypeDependent())
    return false;
  // `false`, `0`, or Catch2's `(void)0, (false) && static_cast<const
  // bool &>(!!(x.load()))`: the right operand is never evaluated.
  bool Value = true;
  return Cond->EvaluateAsBooleanCondition(Value, Ctx) && !Value;
}

} // namespace clang::tidy::async
