//===--- UserCode.h - walk the code the user wrote, skip the rest --*- C++ -*-===//
//
// Most of a translation unit that uses Asio or the standard library is library
// code. A matcher is tried on every node of the TU, system headers included;
// a traversal that skips system-header declarations whole visits a small
// fraction of them. The checks match the TU once and walk user code with
// these (measured with callgrind on Asio's chat_server.cpp: per-node
// matchers cost several percent of a run, this walk well under one).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_USERCODE_H
#define ASYNCLINT_CHECKS_UTILS_USERCODE_H

#include "Frameworks.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async {

/// A RecursiveASTVisitor over the declarations written outside system
/// headers and outside a known framework's namespaces in its own headers
/// (isFrameworkImplementation), with template instantiations and implicit code (lambda call
/// operators) included.
template <typename Derived> class UserCodeTraversal : public RecursiveASTVisitor<Derived> {
  using Base = RecursiveASTVisitor<Derived>;

public:
  explicit UserCodeTraversal(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      return true;
    // A framework's own headers (included with -I in its own tests):
    // its implementation of its primitives is not the user's code.
    if (isFrameworkImplementation(*D, SM))
      return true;
    return Base::TraverseDecl(D);
  }

protected:
  const SourceManager &SM;
};

/// Calls \p F for every coroutine definition outside system headers:
/// functions, methods, lambda call operators, template patterns and
/// instantiations.
void forEachUserCoroutine(
    ASTContext &Ctx,
    llvm::function_ref<void(const FunctionDecl &, const CoroutineBodyStmt &)> F);

} // namespace clang::tidy::async

#endif
