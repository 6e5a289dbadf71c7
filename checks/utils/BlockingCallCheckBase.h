//===--- BlockingCallCheckBase.h - thread-blocking calls in coroutines -*- C++ -*-===//
//
// The machinery behind async-sleep-in-coroutine and async-blocking-call-in-coroutine:
// the two differ only in their default lists and their wording.
//
// A call is reported when its callee is on the check's list (plus the active
// framework profiles' list) and the innermost callable around it is a
// coroutine that is async code (AsyncModel: not a synchronous generator,
// not a lambda driven to completion by a synchronous driver, not a coroutine
// spawned onto a blocking executor) and has not hopped onto an executor
// meant for blocking work. Console output (a C stdio call on stdout or
// stderr: printf, fflush(stdout)) is logging, never reported. A call from a coroutine to a function of
// this translation unit (not a coroutine, not in a system header) that itself
// reaches a listed call, up to MaxCallDepth functions deep, is reported at the
// call in the coroutine with one note per step down to the blocking call.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_BLOCKINGCALLCHECKBASE_H
#define ASYNCLINT_CHECKS_UTILS_BLOCKINGCALLCHECKBASE_H

#include "AsyncModel.h"
#include "NameList.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::async {

class BlockingCallCheckBase : public ClangTidyCheck {
public:
  struct Defaults {
    llvm::StringRef Functions;
    llvm::StringRef Replacements;
    llvm::StringRef What; // "sleep" or "call", used in messages
    Vocabulary Profiles;  // the profiles' list that extends Functions
    /// The default "*" suggestion, when Replacements is not set, names the
    /// asynchronous sleeps of the frameworks in use (FrameworkProfile::AsyncSleep).
    bool SuggestFrameworkSleeps = false;
  };

  BlockingCallCheckBase(llvm::StringRef Name, ClangTidyContext *Context,
                        const Defaults &D);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus && LangOpts.Coroutines;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    // Template instantiations are walked (their calls are resolved); each
    // source location is reported once.
    return TK_AsIs;
  }
  void onStartOfTranslationUnit() override;

  /// One call on the way from the coroutine to the blocking call.
  struct Step {
    const Expr *Call;
    const NamedDecl *Callee;
  };
  using Chain = llvm::SmallVector<Step, 4>;
  /// What a function reaches: the chain of calls down to a listed call.
  struct Reach {
    enum { InProgress, Nothing, Found } State = InProgress;
    Chain Calls;
    std::string Entry; // the list entry that matched the last call
  };

private:
  std::optional<llvm::StringRef> listedCallee(const Stmt &S, const NamedDecl *&Callee) const;
  const FunctionDecl *followableCallee(const Stmt &S) const;
  const Reach &reachFrom(const FunctionDecl &F);
  void checkCoroutine(const FunctionDecl &Coroutine, const CoroutineBodyStmt &Body);
  void report(const Chain &C, llvm::StringRef Entry, const FunctionDecl &Coroutine,
              const SourceManager &SM);

  const std::string FunctionsOption;
  const std::string ExtraFunctionsOption;
  const std::string OffloadWrappersOption;
  const std::string ReplacementsOption;
  const bool SuggestFrameworkSleeps;
  const unsigned MaxCallDepth;
  const std::string What;
  const Vocabulary ProfileList;
  AsyncModel Model;
  std::string ProfileFunctions; // the active profiles' additions to Functions
  NameList Functions;
  NameList OffloadWrappers;
  llvm::StringMap<std::string> Replacements;

  // Per translation unit: what each function reaches (each body is walked
  // once; InProgress cuts recursion), and the locations already reported (a
  // template is reported once, not once per instantiation).
  llvm::DenseMap<const FunctionDecl *, Reach> Reaches;
  llvm::DenseSet<unsigned> Reported;
  const SourceManager *SM = nullptr;
};

} // namespace clang::tidy::async

#endif
