//===--- NeverYieldingLoopCheck.h - async-never-yielding-loop ----*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_NEVERYIELDINGLOOPCHECK_H
#define ASYNCLINT_CHECKS_NEVERYIELDINGLOOPCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/LockModel.h"
#include "utils/SuspensionFilter.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds loops in a coroutine that never suspend and either spin or run long.
///
/// A coroutine runs on an executor thread shared with other tasks; a loop
/// without a suspension point keeps all of them waiting. Reported: a loop
/// whose body has no `co_await`/`co_yield` on any path and that busy-waits
/// (its condition re-reads an atomic, a volatile, a `try_lock` or a flag the
/// body does not change, and the body has no exit), that has no exit at all
/// (`for (;;)`, `while (true)` with no `break`, `return`, `co_return`,
/// `throw` or `goto`), or that runs a constant number of iterations of at
/// least MinTripCount (nested counted loops multiply). Not reported: loops
/// with a suspension point on some path, loops in a lambda that is not itself
/// a coroutine, loops over containers or with non-constant bounds, loops
/// whose condition is constantly false (`do { ... } while (false)` in
/// macros), loops in a synchronous generator, loops after a hop onto an
/// executor meant for blocking or CPU work (AsyncModel). Spin locks are
/// recognised with the lock lists shared with async-lock-held-across-suspend
/// (RAIITypesList, MutexTypesList). Yield to
/// the executor in the loop, or move the work to a thread pool; suppress with
/// NOLINT(async-never-yielding-loop).
///
/// For the user-facing documentation see docs/checks/async-never-yielding-loop.md
class NeverYieldingLoopCheck : public ClangTidyCheck {
public:
  NeverYieldingLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void checkCoroutine(const FunctionDecl *Coroutine, const CoroutineBodyStmt *Body,
                      ASTContext &Ctx);
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.Coroutines;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs; // instantiations are examined; each location reported once
  }

private:
  const unsigned long long MinTripCount;
  const std::string AllowedAwaitablesOption;
  SuspensionFilter Suspensions;
  AsyncModel Model;
  std::string LockFrameworks; // the profiles the lock lists were built for
  LockModel Locks; // recognises spin locks (`while (!M.try_lock())`)
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif
