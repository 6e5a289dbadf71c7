//===--- LockHeldAcrossSuspendCheck.h - async-lock-held-across-suspend -*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_LOCKHELDACROSSSUSPENDCHECK_H
#define ASYNCLINT_CHECKS_LOCKHELDACROSSSUSPENDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/AsyncModel.h"
#include "utils/LockModel.h"
#include "utils/SuspensionFilter.h"
#include <set>

namespace clang::tidy::async {

/// Finds synchronous locks held at a suspension point of a coroutine.
///
/// A coroutine that suspends while holding a `std::mutex` (through a guard or
/// a manual `lock()`) keeps every other thread and every other task that needs
/// the mutex waiting until it resumes, maybe on another thread, which then
/// unlocks a mutex it does not own. The check follows the lock state through
/// the coroutine's control-flow graph: guards (`lock_guard`, `scoped_lock`,
/// `unique_lock`, `shared_lock`, Boost's, `[[clang::scoped_lockable]]` types)
/// with their `lock`/`unlock`/`try_lock`/`release`/`swap`, moves and scope
/// ends; manual `lock()`/`unlock()` on std and Boost mutexes and
/// `pthread_mutex_*`. A lock held on at least one path into a `co_await` or
/// `co_yield` is reported there, with a note where it was taken; a manual lock
/// still held when the body finishes is reported at the `co_return` (or the
/// end of the body). Not reported: a lock released, moved away or out of scope
/// before the suspension, a guard obtained by awaiting an asynchronous mutex,
/// a guard handed to the awaiter (`co_await cv.wait(lock, pred)`: the awaiter
/// releases it while suspended), a synchronous generator's `co_yield`,
/// awaits that never suspend (AllowedAwaitablesList, or `await_ready` that is
/// constantly true). Suppress with NOLINT(async-lock-held-across-suspend).
///
/// For the user-facing documentation see docs/checks/async-lock-held-across-suspend.md
class LockHeldAcrossSuspendCheck : public ClangTidyCheck {
public:
  LockHeldAcrossSuspendCheck(StringRef Name, ClangTidyContext *Context);
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
    // Instantiations are analysed (their calls are resolved); a template is
    // reported once per location, not once per instantiation.
    return TK_AsIs;
  }

private:
  void analyse(const CoroutineBodyStmt &Body, const FunctionDecl &Coroutine,
               ASTContext &Ctx);
  /// Reports once per (location, lock): a template is reported once.
  bool firstReport(SourceLocation Loc, llvm::StringRef Lock);

  const std::string AllowedAwaitablesOption;
  AsyncModel Async; // lock lists (options + profiles), coroutine kinds
  std::string LockFrameworks; // the profiles Model was built for
  LockModel Model;
  SuspensionFilter Suspensions;
  std::set<std::pair<unsigned, std::string>> Reported;
};

} // namespace clang::tidy::async

#endif
