//===--- DiscardedTaskCheck.h - async-discarded-task -------------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_DISCARDEDTASKCHECK_H
#define ASYNCLINT_CHECKS_DISCARDEDTASKCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/Tasks.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds lazy coroutines whose task is discarded or never awaited, so that
/// their body never runs.
///
/// A lazy task (its promise's `initial_suspend` returns `std::suspend_always`,
/// or an awaitable whose `await_ready` is a constant `false`; or its type is
/// `[[clang::coro_return_type]]`) starts only when it is awaited or handed to
/// something that resumes it. Reported: such a call whose result is thrown
/// away (also when cast to void), and a local initialised from one that is
/// never mentioned again before its scope ends. Not reported: eager tasks,
/// a task that is awaited, moved, returned or passed to a function (a spawn
/// function, `co_spawn`). Also reported: an executor hop (a HopFunctions
/// call such as `resume_on(ex)`) whose awaitable is thrown away: it moves
/// nothing until awaited. The task type is read from its promise; the
/// TaskTypes option adds types whose promise is not visible. Start a task
/// you do not want to wait for with a spawn function; suppress with
/// NOLINT(async-discarded-task).
///
/// For the user-facing documentation see docs/checks/async-discarded-task.md
class DiscardedTaskCheck : public ClangTidyCheck {
public:
  DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.Coroutines;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    // Instantiations are visited (their result types are known); each
    // location is reported once.
    return TK_AsIs;
  }

  // Called by the visitor of the user's code.
  /// A discarded lazy task, or (IsHop) a discarded executor hop.
  void reportDiscarded(const CallExpr &Call, bool IsHop, const SourceManager &SM);
  void reportUnusedLocal(const VarDecl &Local, const CallExpr &Init,
                         const SourceManager &SM);
  LazyTaskClassifier &classifier() { return Model.taskTypes(); }
  const AsyncModel &model() const { return Model; }

private:
  void startTranslationUnit(ASTContext &Ctx);

  const std::string TaskTypesOption;
  AsyncModel Model; // the profiles' lazy and eager task types
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif
