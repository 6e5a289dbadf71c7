//===--- MissingTimeoutCheck.cpp - async-missing-timeout -------------------===//

#include "MissingTimeoutCheck.h"
#include "utils/AsyncModel.h"
#include "utils/Coroutines.h"
#include "utils/Tasks.h"
#include "utils/UserCode.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral FunctionsKey = "Functions";
static constexpr llvm::StringLiteral TypesKey = "Types";
static constexpr llvm::StringLiteral TimeoutFunctionsKey = "TimeoutFunctions";
static constexpr llvm::StringLiteral TimeoutWrappersKey = "TimeoutWrappers";
static constexpr llvm::StringLiteral RaceFunctionsKey = "RaceFunctions";

static constexpr llvm::StringLiteral DefaultTimeoutFunctions =
    "::asyncrt::timeout;::asio::cancel_after;::asio::cancel_at;::boost::asio::cancel_after;"
    "::boost::asio::cancel_at;::folly::coro::timeout;::folly::coro::timeoutNoDiscard;"
    "::seastar::with_timeout";
static constexpr llvm::StringLiteral DefaultRaceFunctions =
    "::asio::experimental::make_parallel_group;::boost::asio::experimental::make_parallel_group;"
    "::asyncrt::select;::folly::coro::collectAny;::boost::cobalt::race";

MissingTimeoutCheck::MissingTimeoutCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), FunctionsOption(Options.get(FunctionsKey, "").str()),
      TypesOption(Options.get(TypesKey, "").str()),
      TimeoutFunctionsOption(Options.get(TimeoutFunctionsKey, DefaultTimeoutFunctions).str()),
      TimeoutWrappersOption(Options.get(TimeoutWrappersKey, "").str()),
      RaceFunctionsOption(Options.get(RaceFunctionsKey, DefaultRaceFunctions).str()),
      Functions(FunctionsOption), Types(TypesOption),
      TimeoutFunctions(NameList::fromOptions(TimeoutFunctionsOption, TimeoutWrappersOption)),
      RaceFunctions(RaceFunctionsOption) {}

void MissingTimeoutCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, FunctionsKey, FunctionsOption);
  Options.store(Opts, TypesKey, TypesOption);
  Options.store(Opts, TimeoutFunctionsKey, TimeoutFunctionsOption);
  Options.store(Opts, TimeoutWrappersKey, TimeoutWrappersOption);
  Options.store(Opts, RaceFunctionsKey, RaceFunctionsOption);
}

void MissingTimeoutCheck::registerMatchers(MatchFinder *Finder) {
  // Off unless configured: no list, no matcher.
  if (FunctionsOption.empty() && TypesOption.empty())
    return;
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void MissingTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  forEachUserCoroutine(*Result.Context, [&](const FunctionDecl &, const CoroutineBodyStmt &Body) {
    for (const Expr *Suspension : getSuspensionPoints(Body))
      if (const auto *Await = dyn_cast<CoawaitExpr>(Suspension))
        if (const Expr *Operand = getAwaitedExpr(*Await))
          checkAwait(*Operand, SM);
  });
}

// Every expression of an await's operand, not entering lambdas.
static void forEachSubExpr(const Stmt *S, llvm::function_ref<void(const Expr &)> F) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *E = dyn_cast<Expr>(S))
    F(*E);
  for (const Stmt *Child : S->children())
    forEachSubExpr(Child, F);
}

// The listed operation \p E performs: a call to a listed function or to a
// member of a listed class, or a listed object awaited directly.
const NamedDecl *MissingTimeoutCheck::requiresTimeout(const Expr &E) const {
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return nullptr;
    if (Functions.contains(*Callee))
      return Callee;
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
      if (!isa<CXXConstructorDecl, CXXDestructorDecl>(Method) &&
          isListedRecord(*Method->getParent(), Types))
        return Callee;
    return nullptr;
  }
  if (isa<DeclRefExpr, MemberExpr>(&E))
    if (const CXXRecordDecl *R = E.getType().getNonReferenceType()->getAsCXXRecordDecl())
      if (isListedRecord(*R, Types))
        return R;
  return nullptr;
}

// A wait on a timer: `timer.async_wait(...)` on a class whose name says
// timer, or an asynchronous sleep outside std (`asyncrt::sleep`).
static bool isTimerWait(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  StringRef Name = Callee->getName();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee)) {
    if (Name != "async_wait" && Name != "wait")
      return false;
    return Method->getParent()->getName().lower().find("timer") != std::string::npos;
  }
  return !Callee->isInStdNamespace() &&
         (Name == "sleep" || Name == "sleep_for" || Name == "sleep_until");
}

// Asio's `a || b` (experimental::awaitable_operators): completes with the
// first. An operator is not a name a NameList can hold.
static bool isAwaitableOr(const CallExpr &Call) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Op || Op->getOperator() != OO_PipePipe || !Op->getDirectCallee())
    return false;
  const auto *NS = dyn_cast<NamespaceDecl>(Op->getDirectCallee()->getDeclContext());
  return NS && NS->getName() == "awaitable_operators";
}

bool MissingTimeoutCheck::isTimeout(const Expr &Operand) const {
  bool Found = false;
  forEachSubExpr(&Operand, [&](const Expr &E) {
    const auto *Call = dyn_cast<CallExpr>(&E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (Found || !Callee)
      return;
    if (TimeoutFunctions.contains(*Callee)) {
      Found = true;
      return;
    }
    if (RaceFunctions.contains(*Callee) || isAwaitableOr(*Call))
      forEachSubExpr(Call, [&](const Expr &Inner) {
        if (const auto *Wait = dyn_cast<CallExpr>(&Inner); Wait && isTimerWait(*Wait))
          Found = true;
      });
  });
  return Found;
}

// How a declaration is named in messages: 'asio::basic_stream_socket::async_read_some',
// without the template arguments of its class.
static std::string displayName(const NamedDecl &D) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&D);
  const auto *Record = Method ? Method->getParent() : dyn_cast<CXXRecordDecl>(&D);
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record)) {
    std::string Name = Spec->getSpecializedTemplate()->getQualifiedNameAsString();
    return Method ? Name + "::" + Method->getNameAsString() : Name;
  }
  return D.getQualifiedNameAsString();
}

void MissingTimeoutCheck::checkAwait(const Expr &Operand, const SourceManager &SM) {
  const NamedDecl *Required = nullptr;
  const Expr *At = nullptr;
  // The awaited task made earlier: `auto f = rx.recv(); co_await std::move(f);`
  const Expr *Awaited = ignoreMoves(&Operand);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Awaited))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) && Var->getInit())
      if (const auto *Init = dyn_cast<CallExpr>(ignoreMoves(Var->getInit())))
        Awaited = Init;
  // A listed object awaited directly.
  if (isa<DeclRefExpr, MemberExpr>(Awaited)) {
    Required = requiresTimeout(*Awaited);
    At = &Operand;
  }
  forEachSubExpr(Awaited, [&](const Expr &E) {
    const auto *Call = dyn_cast<CallExpr>(&E);
    if (Required || !Call)
      return;
    if (const NamedDecl *D = requiresTimeout(E)) {
      Required = D;
      At = &E;
      return;
    }
    // An operation on a listed object (`asio::async_write(socket, ...)`); a
    // coroutine of this file that is handed the object is checked in its own body.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isCoroutine(*Callee) ||
        (Callee->getTemplateInstantiationPattern() &&
         isCoroutine(*Callee->getTemplateInstantiationPattern())))
      return;
    for (const Expr *Arg : Call->arguments())
      if (const Expr *Object = Arg->IgnoreParenImpCasts();
          isa<DeclRefExpr, MemberExpr>(Object) && requiresTimeout(*Object)) {
        Required = Callee;
        At = &E;
        return;
      }
  });
  if (!Required || isTimeout(Operand))
    return;
  if (Awaited != ignoreMoves(&Operand))
    At = &Operand; // reported at the await, not where the task was made
  SourceLocation Loc = SM.getExpansionLoc(At->getBeginLoc());
  if (SM.isInSystemHeader(Loc) || !Reported.insert(Loc.getRawEncoding()).second)
    return;
  diag(Loc, "'%0' is awaited with no timeout; if it never completes, the task waits forever")
      << displayName(*Required) << At->getSourceRange();
}

} // namespace clang::tidy::async
