//===--- DiscardedTaskCheck.cpp - async-discarded-task ---------------------===//

#include "DiscardedTaskCheck.h"
#include "utils/Coroutines.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral TaskTypesKey = "TaskTypes";

DiscardedTaskCheck::DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      TaskTypesOption(Options.get(TaskTypesKey, "").str()),
      Classifier(NameList(TaskTypesOption)) {}

void DiscardedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TaskTypesKey, TaskTypesOption);
}

void DiscardedTaskCheck::onStartOfTranslationUnit() {
  Classifier.reset();
  Reported.clear();
}

void DiscardedTaskCheck::registerMatchers(MatchFinder *Finder) {
  // Only calls in a discarded position, or initialising a local, are asked
  // about their type; the verdict is cached per type.
  auto LazyCall = callExpr(returnsLazyTask(&Classifier));
  for (const StatementMatcher &M : holdsDiscarded(LazyCall))
    Finder->addMatcher(M, this);
  Finder->addMatcher(varDecl(unless(isExpansionInSystemHeader()), hasLocalStorage(),
                             unless(parmVarDecl()),
                             hasInitializer(ignoringValueWrappers(LazyCall.bind("init"))))
                         .bind("local"),
                     this);
}

static std::string describeCallee(const CallExpr &Call) {
  if (const FunctionDecl *F = Call.getDirectCallee())
    return describeCallable(*F);
  return "this call";
}

void DiscardedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("discarded")) {
    SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
    if (SM.isInSystemHeader(Loc) || !Reported.insert(Loc.getRawEncoding()).second)
      return;
    diag(Loc, "lazy task returned by %0 is discarded; its coroutine body will "
              "never run")
        << describeCallee(*Call) << Call->getSourceRange();
    return;
  }
  const auto *Local = Result.Nodes.getNodeAs<VarDecl>("local");
  const auto *Init = Result.Nodes.getNodeAs<CallExpr>("init");
  if (!Local || !Init)
    return;
  SourceLocation Loc = SM.getExpansionLoc(Local->getLocation());
  if (SM.isInSystemHeader(Loc))
    return;
  const Stmt *Scope = getDeclaringBody(*Local);
  if (!Scope || isVariableUsed(*Local, *Scope))
    return;
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  diag(Loc, "lazy task %0 is never awaited, moved or returned; the coroutine body "
            "of %1 will never run")
      << Local << describeCallee(*Init);
}

} // namespace clang::tidy::async
