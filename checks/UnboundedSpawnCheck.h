//===--- UnboundedSpawnCheck.h - async-unbounded-spawn -----------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
#define ASYNCLINT_CHECKS_UNBOUNDEDSPAWNCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/NameList.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds tasks and threads spawned in a loop with no bound and no limit on
/// how many run at once.
///
/// Reported at the spawn (`asio::co_spawn`, `asyncrt::spawn`, a join set's
/// `spawn`, `std::async`, a `std::thread` or `std::jthread`...) with a note at
/// the loop, when the loop is `for (;;)`, `while (true)` or any loop whose
/// condition is not a counter compared with a bound (an accept loop, a
/// receive loop), and the loop body does not call a limiter before the spawn
/// (`co_await sem.acquire()`, `co_await set.join_next()`, or an awaited
/// acquire of any semaphore-like class). Not reported: a range-for, a counted
/// loop (its condition compares a variable that the loop steps), a loop whose
/// condition is constantly false (`do { ... } while (false)`), a loop with a
/// limiter. Spawns are the model's (AsyncModel.h): SpawnFunctions,
/// TokenSpawnFunctions, DetachedSpawnFunctions, ScopedSpawnFunctions,
/// std::async, and the framework profiles' own. One task per accepted connection,
/// each iteration paced by an awaited accept, is not reported by default
/// (AllowAwaitedAcceptLoops, true); the strict setting reports it as Tokio's
/// guide would (bound it with a semaphore).
/// Suppress with NOLINT(async-unbounded-spawn).
///
/// For the user-facing documentation see docs/checks/async-unbounded-spawn.md
class UnboundedSpawnCheck : public ClangTidyCheck {
public:
  UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    ModelContext = nullptr;
  }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    // Instantiations are visited (their calls are resolved); each location
    // is reported once.
    return TK_AsIs;
  }

private:
  const Expr *asSpawn(const Stmt &S) const;
  void collectSpawns(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) const;
  bool hasLimiterBefore(const Stmt &LoopBody, const Expr &Spawn,
                        const SourceManager &SM) const;
  bool joinedInIteration(const Stmt &LoopBody, const Expr &Spawn) const;

  bool isSpawnCallee(const NamedDecl &D) const;

  const std::string ThreadTypesOption;
  const bool AllowAwaitedAcceptLoops;
  AsyncModel Model;
  NameList ThreadTypes;
  const ASTContext *ModelContext = nullptr;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif
