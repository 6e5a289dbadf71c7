//===--- MissingTimeoutCheck.h - async-missing-timeout ------------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_MISSINGTIMEOUTCHECK_H
#define ASYNCLINT_CHECKS_MISSINGTIMEOUTCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "utils/NameList.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds awaits of operations that need a timeout (the ones the user lists)
/// with no timeout around them.
///
/// Off unless configured: `Functions` lists awaited functions (an RPC
/// client's `call`, a channel's `recv`), `Types` classes whose awaited member
/// calls, and whose objects awaited directly, need a timeout. Reported: a
/// `co_await` whose operand calls a listed function (or awaits a local
/// initialised by one) and contains no timeout — a call to a
/// `TimeoutFunctions` function (`asyncrt::timeout`, `asio::cancel_after`,
/// `folly::coro::timeout`, `seastar::with_timeout`, the user's
/// `TimeoutWrappers`) or a race (Asio's awaitable `||`; `RaceFunctions`:
/// `make_parallel_group`, `asyncrt::select`) one of whose operands waits on a
/// timer. If the peer never answers, the task waits forever, holding whatever
/// it holds. Wrap the await in a timeout; suppress with
/// NOLINT(async-missing-timeout). A timeout placed around the calling
/// coroutine is not seen.
///
/// For the user-facing documentation see docs/checks/async-missing-timeout.md
class MissingTimeoutCheck : public ClangTidyCheck {
public:
  MissingTimeoutCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Reported.clear(); }
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override { return TK_AsIs; }

private:
  void checkAwait(const Expr &Operand, const SourceManager &SM);
  const NamedDecl *requiresTimeout(const Expr &E) const;
  bool isTimeout(const Expr &Operand) const;

  const std::string FunctionsOption;
  const std::string TypesOption;
  const std::string TimeoutFunctionsOption;
  const std::string TimeoutWrappersOption;
  const std::string RaceFunctionsOption;
  NameList Functions, Types, TimeoutFunctions, RaceFunctions;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif
