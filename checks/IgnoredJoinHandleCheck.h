//===--- IgnoredJoinHandleCheck.h - async-ignored-join-handle ----*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_IGNOREDJOINHANDLECHECK_H
#define ASYNCLINT_CHECKS_IGNOREDJOINHANDLECHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/NameList.h"
#include "utils/Spawns.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds spawned tasks and threads whose result is thrown away, so that
/// their exception (or their end) is never seen.
///
/// Reported: `asio::co_spawn(..., asio::detached)` (the coroutine's
/// exception vanishes), `std::thread::detach` and `std::jthread::detach`
/// (nothing joins the thread), a discarded `std::async` future or
/// BlockingHandleSpawnFunctions handle (libcoro's `spawn_joinable`: its
/// destructor blocks right there; never used in a coroutine, it blocks the
/// coroutine's thread at the end of the scope), the discarded, never-used or
/// explicitly detached handle of another spawn function (the runtime model's
/// `asyncrt::spawn`), and a framework's
/// detached spawn (DetachedSpawnFunctions), whose message says whether the
/// exception is dropped or rethrown where the task runs
/// (RethrowingDetachedSpawnFunctions). Not reported: a
/// detached task whose body, defined in this translation unit, is one `try`
/// with a `catch (...)` or `catch (std::exception &)` handler (it handles its
/// own errors) or whose body cannot throw (AsyncModel::mayThrow: `co_return;`
/// only, I/O through `as_tuple`/`redirect_error` tokens, noexcept callees);
/// a detached thread that captures by value and ends by completing an
/// operation (`h.resume()` in an awaiter); `co_spawn` with any other
/// completion token; a task added to a join set. Await the handle, keep it in a join set, or pass a completion
/// handler that rethrows or logs the `std::exception_ptr`; suppress with
/// NOLINT(async-ignored-join-handle).
///
/// For the user-facing documentation see docs/checks/async-ignored-join-handle.md
class IgnoredJoinHandleCheck : public ClangTidyCheck {
public:
  IgnoredJoinHandleCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Reported.clear(); }
  void startTranslationUnit(ASTContext &Ctx);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    // Instantiations are visited (their calls are resolved); each location
    // is reported once.
    return TK_AsIs;
  }

  // Called by the visitor of the user's code.
  void checkTokenSpawn(const CallExpr &Call, const SourceManager &SM);
  void checkDiscarded(const CallExpr &Call, const SourceManager &SM);
  void checkDetach(const CXXMemberCallExpr &Call, const SourceManager &SM);
  void checkDetachedSpawn(const CallExpr &Call, const NamedDecl &Spawn, const SourceManager &SM);
  void checkLocal(const VarDecl &Local, const CallExpr &Init, const SourceManager &SM);

private:
  /// A note at the statement of the spawned task that can throw (\p Site,
  /// from AsyncModel::throwSite), or that its body is not visible.
  void noteThrowSite(const Stmt *Site, const Expr *Spawned, const SourceManager &SM);
  bool report(SourceLocation Loc, const SourceManager &SM);
  bool spawnCatchesEverything(const CallExpr &Spawn) const;
  /// Whether \p Spawn (on HandleReturning) is std::async, not a spawn function.
  bool returnsFuture(const FunctionDecl &Spawn) const;
  /// Whether the handle \p Spawn returns waits for the task when destroyed:
  /// std::async's future, BlockingHandleSpawnFunctions.
  bool handleBlocks(const FunctionDecl &Spawn) const;

  const std::string DetachMethodsOption;

public:
  // Read by the user-code visitor in the .cpp.
  AsyncModel Model; // spawn functions, tokens, "can the task throw"
  NameList DetachMethods;
  NameList ThreadTypes;
  NameList HandleReturning; // SpawnFunctions and std::async

private:
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif
