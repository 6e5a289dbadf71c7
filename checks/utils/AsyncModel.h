//===--- AsyncModel.h - one model of the async code of a translation unit -*- C++ -*-===//
//
// Every asynclint check asks the same questions of the code it reads: is this
// coroutine async code at all (a synchronous generator is not), has it hopped
// onto an executor meant for blocking or CPU work, can the task it spawns
// throw, does a thread only complete an operation, does an awaited call limit
// how many tasks run. AsyncModel answers them from one vocabulary: the
// check's options (shared between checks through getLocalOrGlobal, so that a
// name like SpawnFunctions has one default) plus the lists of the framework
// profiles (Frameworks.h) that switch themselves on in the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_ASYNCMODEL_H
#define ASYNCLINT_CHECKS_UTILS_ASYNCMODEL_H

#include "Frameworks.h"
#include "NameList.h"
#include "Tasks.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <array>
#include <initializer_list>

namespace clang::tidy::async {

/// One default per shared option, whichever check reads it.
extern const llvm::StringLiteral DefaultSpawnFunctions;
extern const llvm::StringLiteral DefaultTokenSpawnFunctions;
extern const llvm::StringLiteral DefaultDetachedTokens;
extern const llvm::StringLiteral DefaultScopedSpawnFunctions;
extern const llvm::StringLiteral DefaultLimiters;

/// What kind of code a coroutine is.
enum class CoroutineKind {
  Task,          // async code: runs on an executor between suspensions
  SyncGenerator, // runs on its consumer's thread, each step a plain call
};

/// The class a type names, through references, pointers and the standard
/// smart pointers (`std::shared_ptr<background_executor>`).
const CXXRecordDecl *recordOf(QualType T);

/// True if \p R, the template it specializes, or one of its bases is listed.
bool isListedRecord(const CXXRecordDecl &R, const NameList &List);

/// The declaration a call names: its direct callee, or the variable of a
/// customisation-point object (`stdexec::sync_wait(S)` names the variable
/// `stdexec::sync_wait`). Null if neither.
const NamedDecl *calleeOf(const CallExpr &Call);

class AsyncModel {
public:
  /// Reads the options of \p Used (and `Frameworks`) with getLocalOrGlobal.
  AsyncModel(ClangTidyCheck::OptionsView &Options, std::initializer_list<Vocabulary> Used);
  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const;

  /// Switches the profiles of the frameworks declared in \p Ctx on, and
  /// rebuilds the lists when that changes.
  void startTranslationUnit(ASTContext &Ctx);

  /// The option's (or its default's) names plus those of the active profiles.
  const NameList &names(Vocabulary V) const { return Lists[unsigned(V)]; }
  /// Lazy task types of a check's own (its option, ";"-separated), added to
  /// the active profiles' in taskTypes(). Set before the first translation unit.
  void addLazyTaskTypes(llvm::StringRef Names) { ExtraLazyTaskTypes = Names.str(); }
  /// The lazy and eager task types of the active frameworks (and the check's
  /// own): built again only when the frameworks change, its memo reset per TU.
  LazyTaskClassifier &taskTypes() const { return TaskTypes; }
  /// Only the active profiles' names (for lists a check keeps in its own
  /// options, such as the blocking functions).
  std::string profileNames(Vocabulary V) const;
  /// The active profiles, for messages and tests.
  std::string activeFrameworks() const;
  /// The asynchronous sleeps of the active profiles, ", "-separated, or "".
  std::string asyncSleeps() const;

  // --- Coroutine kinds -----------------------------------------------------
  CoroutineKind kindOf(const FunctionDecl &F, const CoroutineBodyStmt &Body) const;
  /// True if \p Call makes a synchronous generator: its type is on
  /// SyncGeneratorTypes, or its callee, defined here, is one (kindOf).
  bool makesSyncGenerator(const CallExpr &Call) const;

  // --- Executors -----------------------------------------------------------
  enum class Hop { None, ToBlocking, ToAsync };
  /// Whether the explicit suspension \p S moves the coroutine to another
  /// executor: an awaited HopFunctions call on an executor (its object, or
  /// its first argument), blocking if that executor is of a BlockingExecutors
  /// type or made by a BlockingExecutors function (`asyncrt::blocking_pool()`).
  Hop hopOf(const Stmt &S) const;
  bool isBlockingExecutor(const Expr *Executor) const;
  /// forEachOwnStmt (Coroutines.h), also telling whether the statement runs
  /// after a hop onto a blocking executor: the statements that follow the
  /// hop in its block (and the blocks nested in them), until a hop back.
  void forEachOwnStmtWithExecutor(
      const Stmt *Root, llvm::function_ref<bool(const Stmt &, bool OffExecutor)> Visit) const;

  // --- Spawns --------------------------------------------------------------
  /// True if the task or callable \p Spawned starts can let an exception
  /// escape, decided from what its body (defined in this TU) calls: a throw,
  /// or a call that is neither noexcept, nor a C function, nor defined here
  /// and itself unable to throw, outside a try that catches everything. An
  /// awaited operation whose completion token is a NonThrowingTokens type
  /// (as_tuple, redirect_error) reports its error as a value. Unknown bodies
  /// can throw.
  bool mayThrow(const Expr *Spawned) const { return throwSite(Spawned) != nullptr; }
  /// Where \p Spawned can let an exception escape: the statement of its body
  /// that can throw (a call, a throw, an await), or \p Spawned itself when its
  /// body is not visible; null if it cannot throw.
  const Stmt *throwSite(const Expr *Spawned) const;
  /// \p E makes a task: a call of a coroutine, or a value of a lazy task type.
  bool isTask(const Expr *E) const;
  /// Where the function that \p Site calls or awaits can throw, when its body
  /// is visible: the next step of the path from a throw site to the throw.
  /// \p Callee is set to that function.
  const Stmt *throwSiteInCallee(const Stmt &Site, const FunctionDecl *&Callee) const;
  /// True if the callable a thread runs (\p Callable) captures nothing by
  /// reference and ends by completing an operation (`h.resume()`,
  /// `set_value(...)`...): the thread is a completion mechanism that touches
  /// nothing afterwards, not a task whose end matters.
  bool threadOnlyCompletes(const Expr *Callable) const;

  /// A call that waits for room before a spawn: a listed limiter, or an
  /// awaited acquire (`acquire`, `wait`, `co_wait`, `lock`) on an object of a
  /// semaphore-like class (its name contains "semaphore", "limiter" or
  /// "throttle"), user-defined ones included.
  bool isLimiter(const CallExpr &Call, bool Awaited) const;

private:
  bool functionMayThrow(const FunctionDecl *F, unsigned Depth) const;
  /// \p F is one of the spawn vocabularies this model loaded.
  bool isSpawn(const FunctionDecl &F) const;
  /// The first statement of \p Body that can let an exception escape, or null.
  const Stmt *throwingStmt(const Stmt *Body, unsigned Depth) const;

  std::array<std::string, unsigned(Vocabulary::Count)> OptionValues;
  std::array<bool, unsigned(Vocabulary::Count)> UsedVocabulary{};
  std::string FrameworksOption;
  std::vector<bool> Active;
  std::array<NameList, unsigned(Vocabulary::Count)> Lists;
  mutable llvm::DenseMap<const FunctionDecl *, bool> ThrowCache;
  /// Lazy tasks: making one only allocates its frame (its body runs when
  /// awaited), so the call cannot throw what the body throws.
  mutable LazyTaskClassifier TaskTypes;
  std::string ExtraLazyTaskTypes;
};

} // namespace clang::tidy::async

#endif
