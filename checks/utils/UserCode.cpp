//===--- UserCode.cpp - walk the code the user wrote, skip the rest -------===//

#include "UserCode.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::async {

namespace {
class CoroutineCollector : public UserCodeTraversal<CoroutineCollector> {
public:
  CoroutineCollector(
      const SourceManager &SM,
      llvm::function_ref<void(const FunctionDecl &, const CoroutineBodyStmt &)> F)
      : UserCodeTraversal(SM), F(F) {}

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      if (const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(FD->getBody()))
        F(*FD, *Body);
    return true;
  }

private:
  llvm::function_ref<void(const FunctionDecl &, const CoroutineBodyStmt &)> F;
};
} // namespace

void forEachUserCoroutine(
    ASTContext &Ctx,
    llvm::function_ref<void(const FunctionDecl &, const CoroutineBodyStmt &)> F) {
  CoroutineCollector(Ctx.getSourceManager(), F).TraverseAST(Ctx);
}

} // namespace clang::tidy::async
