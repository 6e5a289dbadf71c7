//===--- DanglingReferenceCheck.h - async-dangling-reference -----*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_DANGLINGREFERENCECHECK_H
#define ASYNCLINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/Lifetimes.h"
#include "utils/NameList.h"
#include "utils/Tasks.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds coroutines whose frame keeps a reference to an object that is
/// destroyed while the task may still run.
///
/// A coroutine frame keeps its reference, pointer and view parameters
/// (`const T &`, `T *`, `std::string_view`, `std::span`) and, for a lambda
/// coroutine, its captures, which live in the closure object. Reported, at
/// the point where the task escapes — spawned (co_spawn, the spawn
/// functions of the async model), detached, stored in a member or a
/// container, returned, or created in one full-expression and awaited in a
/// later one — when what they refer to does not outlive the task: a local
/// variable, a temporary, a by-value parameter of the calling function, or a
/// lambda closure that is itself a temporary or a local. A task kept in a
/// local (or a local container or join set, or a local join handle) is
/// reported only for temporaries: the locals of the scope usually outlive it.
/// Not reported: a task awaited in the same full-expression
/// (`co_await f(tmp)`); referents this analysis cannot see the end of
/// (globals, members, the object behind another reference or pointer); a
/// return or local initialization Clang itself analyses
/// (`[[clang::lifetimebound]]` parameters, `[[clang::coro_lifetimebound]]`
/// task types: -Wdangling); a `[[clang::coro_wrapper]]` function, which is
/// not a coroutine. Pass by value, move captures into by-value parameters,
/// or share ownership (`std::shared_ptr`); suppress with
/// NOLINT(async-dangling-reference).
///
/// For the user-facing documentation see docs/checks/async-dangling-reference.md
class DanglingReferenceCheck : public ClangTidyCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override { return TK_AsIs; }

  /// How a task leaves the full-expression that created it.
  enum class EscapeKind { Spawned, Detached, Stored, Returned, AwaitedLater };
  /// The locals that outlive a synchronous run of the event loop
  /// (`ctx.run()`, `pool.join()`, a SyncDrivers call) later in their scope:
  /// the tasks spawned before it run inside it.
  struct DrivenLocals {
    bool Any = false; // parameters outlive it too
    llvm::DenseSet<const VarDecl *> Locals;
  };
  struct Escape {
    EscapeKind Kind;
    SourceLocation Loc;
    /// The task is kept in a local (handle, container, join set): only
    /// temporaries die before it.
    bool TemporariesOnly;
    const DrivenLocals *Driven = nullptr;
  };

  /// Reports the references \p Task (a coroutine call, a coroutine lambda
  /// given to a spawn, or a local initialised by one) keeps to objects that
  /// do not outlive \p How.
  void checkTask(const Expr *Task, Escape How, const SourceManager &SM);

  AsyncModel Model;

private:
  void startTranslationUnit(ASTContext &Ctx);
  bool isCoroutineCall(const CallExpr &Call, const FunctionDecl &Callee);
  bool clangAnalyses(const FunctionDecl &Callee, EscapeKind How) const;
  bool needsClosureLater(const LambdaExpr &Lambda);

  const std::string ViewTypesOption;
  NameList ViewTypes;
  llvm::DenseSet<const Expr *> ReportedTasks;
  llvm::DenseSet<unsigned> ReportedLocs;
};

} // namespace clang::tidy::async

#endif
