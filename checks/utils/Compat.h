//===--- Compat.h - the API differences between the LLVMs we build for ----===//
//
// asynclint builds from one tree against LLVM 19 and LLVM 22
// (-DASYNCLINT_LLVM_VERSION). Every difference between their APIs that our
// code meets is bridged here, so that no check carries an #if. Differences
// that both versions accept one way (a spelling that compiles in 19 and 22)
// are written that way at the call site instead; docs/design.md lists them
// all.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_UTILS_COMPAT_H
#define ASYNCLINT_UTILS_COMPAT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

// ClangTidyModuleRegistry: in its own header in LLVM 19; LLVM 22 moved it into
// ClangTidyModule.h and deprecates the old header (to be removed in 24).
#if CLANG_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::async::compat {

/// The type a class declares, for comparing with canonical types. LLVM 22
/// deleted TagDecl::getTypeForDecl() and ASTContext::getRecordType(): tag types
/// are made by the ASTContext, the canonical one by getCanonicalTagType(). (On
/// 19 this is the declaration's own type, canonical for every class that is
/// not a template's pattern; callers that compare canonicalise it.)
inline QualType declaredType(const ASTContext &Ctx, const TagDecl *D) {
#if CLANG_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(D);
#else
  (void)Ctx;
  return QualType(D->getTypeForDecl(), 0);
#endif
}

/// Where a statement begins, asked through Stmt so that the node's own class
/// answers. LLVM 22's CallExpr::getBeginLoc() (no longer dispatching) gives a
/// CXXOperatorCallExpr seen as a CallExpr the callee's location: `Job()`
/// began at `(`, not at `Job`. Valid on both versions: no #if.
inline SourceLocation beginLoc(const Stmt &S) { return S.getBeginLoc(); }
inline SourceLocation beginLoc(const Stmt *S) { return S->getBeginLoc(); }

/// Path = Dir / Path unless Path is absolute. LLVM 22 moved the two-argument
/// make_absolute from llvm::sys::fs to llvm::sys::path (the one-argument one,
/// against the process's directory, stays in fs).
inline void makeAbsolute(const llvm::Twine &Dir, llvm::SmallVectorImpl<char> &Path) {
#if CLANG_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Dir, Path);
#else
  llvm::sys::fs::make_absolute(Dir, Path);
#endif
}

/// The DiagnosticsEngine a ClangTidyContext reports through (the driver's).
/// LLVM 22's DiagnosticsEngine takes its DiagnosticOptions by reference, no
/// longer sharing their ownership, and ClangTidyContext::setDiagnosticsEngine
/// takes the options to keep them alive.
class ContextDiagnostics {
public:
  ContextDiagnostics(ClangTidyContext &Context, DiagnosticConsumer *Consumer)
#if CLANG_VERSION_MAJOR >= 22
      : Options(new DiagnosticOptions()),
        Engine(new DiagnosticIDs(), *Options, Consumer, /*ShouldOwnClient=*/false) {
    Context.setDiagnosticsEngine(std::unique_ptr<DiagnosticOptions>(Options), &Engine);
  }
#else
      : Engine(new DiagnosticIDs(), new DiagnosticOptions(), Consumer,
               /*ShouldOwnClient=*/false) {
    Context.setDiagnosticsEngine(&Engine);
  }
#endif
  DiagnosticsEngine &engine() { return Engine; }

private:
#if CLANG_VERSION_MAJOR >= 22
  DiagnosticOptions *Options; // owned by the context
#endif
  DiagnosticsEngine Engine;
};

} // namespace clang::tidy::async::compat

#endif // ASYNCLINT_UTILS_COMPAT_H
