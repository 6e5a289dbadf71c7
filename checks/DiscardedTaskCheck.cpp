//===--- DiscardedTaskCheck.cpp - async-discarded-task ---------------------===//

#include "DiscardedTaskCheck.h"
#include "utils/Compat.h"
#include "utils/Coroutines.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral TaskTypesKey = "TaskTypes";

DiscardedTaskCheck::DiscardedTaskCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      TaskTypesOption(Options.get(TaskTypesKey, "").str()),
      Model(Options, {Vocabulary::EagerTaskTypes, Vocabulary::LazyTaskTypes,
                      Vocabulary::SyncGeneratorTypes, Vocabulary::HopFunctions}) {
  // TaskTypes are lazy whatever their promise says, as the profiles' lazy
  // task types are; their eager task types (concurrencpp::result) are eager.
  Model.addLazyTaskTypes(TaskTypesOption);
}

void DiscardedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TaskTypesKey, TaskTypesOption);
  Model.storeOptions(Options, Opts);
}

void DiscardedTaskCheck::startTranslationUnit(ASTContext &Ctx) {
  Model.startTranslationUnit(Ctx);
}

void DiscardedTaskCheck::onStartOfTranslationUnit() { Reported.clear(); }

void DiscardedTaskCheck::registerMatchers(MatchFinder *Finder) {
  // One match per TU; the user's code is walked by a visitor that skips
  // system headers (a statement matcher would run on every node of them).
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

static std::string describeCallee(const CallExpr &Call) {
  if (const FunctionDecl *F = Call.getDirectCallee())
    return describeCallable(*F);
  return "this call";
}

// A call that creates a new lazy task (a call returning a reference hands
// out an existing one). The verdict is cached per type.
static const CallExpr *asLazyTaskCall(const Expr &E, LazyTaskClassifier &Classifier) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (!Call || Call->isTypeDependent() || !Call->isPRValue() ||
      !Call->getType()->isRecordType())
    return nullptr;
  return Classifier.isLazyTask(Call->getType(), Call->getDirectCallee()) ? Call : nullptr;
}

// A call of a HopFunctions entry (`resume_on(ex)`, `pool.schedule()`): an
// awaitable that moves the coroutine only when it is awaited.
static const CallExpr *asHopCall(const Expr &E, const AsyncModel &Model) {
  const auto *Call = dyn_cast<CallExpr>(E.IgnoreParenImpCasts());
  if (!Call || Call->isTypeDependent() || !Call->getType()->isRecordType())
    return nullptr;
  const NamedDecl *Callee = calleeOf(*Call);
  return Callee && Model.names(Vocabulary::HopFunctions).contains(*Callee) ? Call : nullptr;
}

namespace {
class DiscardedTaskVisitor : public UserCodeVisitor<DiscardedTaskVisitor> {
public:
  DiscardedTaskVisitor(DiscardedTaskCheck &Check, const SourceManager &SM)
      : UserCodeVisitor(SM), Check(Check) {}
  void discarded(const Expr &Value, const ExplicitCastExpr *) {
    if (const CallExpr *Call = asLazyTaskCall(Value, Check.classifier()))
      Check.reportDiscarded(*Call, /*IsHop=*/false, SM);
    else if (const CallExpr *Hop = asHopCall(Value, Check.model()))
      Check.reportDiscarded(*Hop, /*IsHop=*/true, SM);
  }
  void local(const VarDecl &Var, const Expr &Init) {
    if (const CallExpr *Call = asLazyTaskCall(Init, Check.classifier()))
      Check.reportUnusedLocal(Var, *Call, SM);
  }

private:
  DiscardedTaskCheck &Check;
};
} // namespace

void DiscardedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  startTranslationUnit(*Result.Context);
  if (const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
    DiscardedTaskVisitor(*this, *Result.SourceManager)
        .TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
}

void DiscardedTaskCheck::reportDiscarded(const CallExpr &Call, bool IsHop,
                                         const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(Call));
  if (SM.isInSystemHeader(Loc) || !Reported.insert(Loc.getRawEncoding()).second)
    return;
  if (IsHop)
    diag(Loc, "executor hop returned by %0 is discarded; the coroutine stays on its "
              "current executor (missing 'co_await'?)")
        << describeCallee(Call) << Call.getSourceRange();
  else // a generator runs as it is iterated, not awaited
    diag(Loc, "%select{lazy task|generator}1 returned by %0 is discarded; its coroutine "
              "body will never run")
        << describeCallee(Call) << Model.makesSyncGenerator(Call) << Call.getSourceRange();
}

void DiscardedTaskCheck::reportUnusedLocal(const VarDecl &Local, const CallExpr &Init,
                                           const SourceManager &SM) {
  SourceLocation Loc = SM.getExpansionLoc(Local.getLocation());
  if (SM.isInSystemHeader(Loc))
    return;
  const Stmt *Scope = getDeclaringBody(Local);
  if (!Scope || isVariableUsed(Local, *Scope))
    return;
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  diag(Loc, "%select{lazy task|generator}2 %0 is never %select{awaited|iterated}2, moved or "
            "returned; the coroutine body of %1 will never run")
      << &Local << describeCallee(Init) << Model.makesSyncGenerator(Init);
}

} // namespace clang::tidy::async
