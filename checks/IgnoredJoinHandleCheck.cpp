//===--- IgnoredJoinHandleCheck.cpp - async-ignored-join-handle ------------===//

#include "IgnoredJoinHandleCheck.h"
#include "utils/Compat.h"
#include "utils/Coroutines.h"
#include "utils/Spawns.h"
#include "utils/Tasks.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral DetachMethodsKey = "DetachMethods";

// std::async is always known: its discarded future blocks, which is worse
// than detaching, and has its own message.
static constexpr llvm::StringLiteral StdAsync = "::std::async";

IgnoredJoinHandleCheck::IgnoredJoinHandleCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      DetachMethodsOption(Options.getLocalOrGlobal(DetachMethodsKey, DefaultDetachMethods).str()),
      Model(Options, {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                      Vocabulary::DetachedSpawnFunctions, Vocabulary::DetachedTokens,
                      Vocabulary::NonThrowingTokens,
                      Vocabulary::RethrowingDetachedSpawnFunctions,
                      Vocabulary::BlockingHandleSpawnFunctions}),
      DetachMethods(DetachMethodsOption), ThreadTypes(DefaultThreadTypes) {}

void IgnoredJoinHandleCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Model.storeOptions(Options, Opts);
  Options.store(Opts, DetachMethodsKey, DetachMethodsOption);
}

void IgnoredJoinHandleCheck::startTranslationUnit(ASTContext &Ctx) {
  Model.startTranslationUnit(Ctx);
  // The handle-returning spawns, and std::async (whose discarded future
  // blocks: it has its own message).
  std::string All;
  for (const std::string &N : Model.names(Vocabulary::SpawnFunctions).names())
    All += N + ";";
  HandleReturning = NameList(All + StdAsync.str());
}

void IgnoredJoinHandleCheck::registerMatchers(MatchFinder *Finder) {
  // One match per TU; the user's code is walked by a visitor that skips
  // system headers (a call matcher would run on every call in them), and a
  // callee is asked for its qualified name only if its plain name is listed.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

namespace {
class JoinHandleVisitor : public UserCodeVisitor<JoinHandleVisitor> {
public:
  using Check = IgnoredJoinHandleCheck;
  JoinHandleVisitor(Check &C, const SourceManager &SM) : UserCodeVisitor(SM), C(C) {}

  void discarded(const Expr &Value, const ExplicitCastExpr *) {
    const auto *Call = dyn_cast<CallExpr>(&Value);
    if (const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr)
      if (C.HandleReturning.contains(*Callee))
        C.checkDiscarded(*Call, SM);
  }
  void local(const VarDecl &Var, const Expr &Init) {
    const auto *Call = dyn_cast<CallExpr>(&Init);
    if (const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr)
      if (C.HandleReturning.contains(*Callee))
        C.checkLocal(Var, *Call, SM);
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      if (C.Model.names(Vocabulary::TokenSpawnFunctions).contains(*Callee))
        C.checkTokenSpawn(*Call, SM);
      else if (const NamedDecl *Spawn = calleeOf(*Call);
               Spawn && C.Model.names(Vocabulary::DetachedSpawnFunctions).contains(*Spawn))
        C.checkDetachedSpawn(*Call, *Spawn, SM);
      else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
               Member && C.DetachMethods.contains(*Callee))
        C.checkDetach(*Member, SM);
    }
    return true;
  }

private:
  Check &C;
};
} // namespace

void IgnoredJoinHandleCheck::check(const MatchFinder::MatchResult &Result) {
  startTranslationUnit(*Result.Context);
  if (const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
    JoinHandleVisitor(*this, *Result.SourceManager)
        .TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
}

bool IgnoredJoinHandleCheck::report(SourceLocation Loc, const SourceManager &SM) {
  return !SM.isInSystemHeader(Loc) && Reported.insert(Loc.getRawEncoding()).second;
}

bool IgnoredJoinHandleCheck::spawnCatchesEverything(const CallExpr &Spawn) const {
  for (const Expr *Arg : Spawn.arguments())
    if (!Model.mayThrow(Arg))
      return true;
  return false;
}

// The name of a detached token argument, or "" if it is not one.
static std::string detachedTokenName(const Expr *Token, const NameList &Tokens) {
  Token = ignoreValueWrappers(Token);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Token))
    if (Tokens.contains(*Ref->getDecl()))
      return Ref->getDecl()->getQualifiedNameAsString();
  const CXXRecordDecl *Type = Token->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Type || !Tokens.contains(*Type))
    return "";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Token))
    return Ref->getDecl()->getQualifiedNameAsString();
  return Type->getQualifiedNameAsString();
}

void IgnoredJoinHandleCheck::checkTokenSpawn(const CallExpr &Call,
                                             const SourceManager &SM) {
  if (Call.getNumArgs() < 2)
    return;
  // The token follows the spawned task; Asio's co_spawn may end with a
  // defaulted constraint parameter, so look at every written argument.
  std::string Token;
  for (unsigned I = 2; I < Call.getNumArgs() && Token.empty(); ++I)
    if (!isa<CXXDefaultArgExpr>(Call.getArg(I)))
      Token = detachedTokenName(Call.getArg(I), Model.names(Vocabulary::DetachedTokens));
  if (Token.empty())
    return;
  const Stmt *Site = Model.throwSite(Call.getArg(1));
  SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(Call));
  if (!Site || !report(Loc, SM))
    return;
  diag(Loc, "'%0' with '%1' discards the spawned coroutine's exception; pass a "
            "completion handler that rethrows or logs the std::exception_ptr, or "
            "catch every exception inside the coroutine")
      << Model.names(Vocabulary::TokenSpawnFunctions).displayName(*Call.getDirectCallee())
      << Token
      << Call.getSourceRange();
  noteThrowSite(Site, Call.getArg(1), SM);
}

void IgnoredJoinHandleCheck::noteThrowSite(const Stmt *Site, const Expr *Spawned,
                                           const SourceManager &SM) {
  if (Site == Spawned) {
    diag(SM.getExpansionLoc(Spawned->getBeginLoc()),
         "the task's body is not visible in this translation unit, so it may throw",
         DiagnosticIDs::Note);
    return;
  }
  diag(SM.getExpansionLoc(Site->getBeginLoc()), "the task can throw here",
       DiagnosticIDs::Note);
  // Follow the path into the user's own functions, a few calls deep.
  for (int Step = 0; Step < 3; ++Step) {
    const FunctionDecl *Callee = nullptr;
    const Stmt *Next = Model.throwSiteInCallee(*Site, Callee);
    if (!Next || SM.isInSystemHeader(SM.getExpansionLoc(Next->getBeginLoc())))
      return;
    diag(SM.getExpansionLoc(Next->getBeginLoc()), "'%0' can throw here", DiagnosticIDs::Note)
        << Callee->getQualifiedNameAsString();
    Site = Next;
  }
}

bool IgnoredJoinHandleCheck::returnsFuture(const FunctionDecl &Spawn) const {
  return !Model.names(Vocabulary::SpawnFunctions).contains(Spawn); // std::async
}

bool IgnoredJoinHandleCheck::handleBlocks(const FunctionDecl &Spawn) const {
  return returnsFuture(Spawn) ||
         Model.names(Vocabulary::BlockingHandleSpawnFunctions).contains(Spawn);
}

void IgnoredJoinHandleCheck::checkDiscarded(const CallExpr &Call, const SourceManager &SM) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return;
  SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(Call));
  if (handleBlocks(*Callee)) {
    // Nothing runs in the background: the statement waits for the task,
    // whatever the task does.
    if (report(Loc, SM))
      diag(Loc, "%select{join handle|future}1 returned by '%0' is discarded; its destructor "
                "blocks right here until the task finishes%select{; keep the handle and "
                "co_await it where the task should be joined|, and the task's result and "
                "exception are lost; keep the future and call get() when the result is "
                "needed}1")
          << HandleReturning.displayName(*Callee) << returnsFuture(*Callee)
          << Call.getSourceRange();
    return;
  }
  if (spawnCatchesEverything(Call) || !report(Loc, SM))
    return;
  diag(Loc, "join handle returned by '%0' is discarded; the task is detached and its "
            "result and exception are lost; co_await the handle, keep the task in a "
            "join set, or catch every exception inside the task")
      << Model.names(Vocabulary::SpawnFunctions).displayName(*Callee) << Call.getSourceRange();
  if (Call.getNumArgs() > 0)
    if (const Stmt *Site = Model.throwSite(Call.getArg(0)))
      noteThrowSite(Site, Call.getArg(0), SM);
}

// The spawn call a handle expression comes from: the call itself, or the
// initializer of the local that holds the handle.
static const CallExpr *originOfHandle(const Expr *Handle) {
  Handle = ignoreValueWrappers(Handle);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Handle))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->getInit())
      Handle = ignoreValueWrappers(Var->getInit());
  return dyn_cast_or_null<CallExpr>(Handle);
}

// The construction of the thread a detach is called on: a temporary, or the
// initializer of a local.
static const CXXConstructExpr *threadConstruction(const Expr *Object) {
  Object = ignoreValueWrappers(Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->getInit())
      Object = ignoreValueWrappers(Var->getInit());
  // `std::thread(f)` is a functional cast around the construction.
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Object))
    Object = ignoreValueWrappers(Cast->getSubExpr());
  return dyn_cast_or_null<CXXConstructExpr>(Object);
}

void IgnoredJoinHandleCheck::checkDetachedSpawn(const CallExpr &Call, const NamedDecl &Spawn,
                                                const SourceManager &SM) {
  // The task is an argument (`scheduler.spawn_detached(task())`), or else the
  // callee's object (`task().detach()`, `task().start(callback)`).
  const Expr *Spawned = nullptr;
  for (const Expr *Arg : Call.arguments())
    if (Model.isTask(Arg)) {
      Spawned = Arg;
      break;
    }
  bool ObjectIsTask = false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call); Member && !Spawned) {
    Spawned = Member->getImplicitObjectArgument();
    ObjectIsTask = true;
  }
  const Stmt *Site = Spawned ? Model.throwSite(Spawned) : nullptr;
  bool Throws = Spawned ? Site != nullptr : true;
  // A callback that cannot throw itself receives the task's result or error
  // (`lazy.start([](Try<T> r) { ... })`): nothing is lost.
  if (ObjectIsTask)
    for (const Expr *Arg : Call.arguments())
      if (!Model.mayThrow(Arg))
        Throws = false;
  SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(Call));
  if (!Throws || !report(Loc, SM))
    return;
  // What becomes of the exception: dropped (libcoro's spawn_detached), or
  // rethrown where the task runs (async_simple's detach), where nothing
  // catches it on an executor's thread.
  bool Rethrown = Model.names(Vocabulary::RethrowingDetachedSpawnFunctions).contains(Spawn);
  diag(Loc, "'%0' starts a task that nobody observes; its exception %select{is lost|is "
            "rethrown on whichever thread runs the task, and on an executor's thread that "
            "terminates the process}1; keep a handle and await it, or catch every "
            "exception inside the task")
      << Model.names(Vocabulary::DetachedSpawnFunctions).displayName(Spawn) << Rethrown
      << Call.getSourceRange();
  if (Site)
    noteThrowSite(Site, Spawned, SM);
}

void IgnoredJoinHandleCheck::checkDetach(const CXXMemberCallExpr &Call,
                                         const SourceManager &SM) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method)
    return;
  SourceLocation Loc = SM.getExpansionLoc(Call.getExprLoc());
  if (ThreadTypes.contains(*Method->getParent())) {
    // A thread that only completes an operation (an awaiter's
    // `std::thread([h] { h.resume(); }).detach()`) is the operation's
    // completion mechanism: there is nothing to join.
    const CXXConstructExpr *Thread = threadConstruction(Call.getImplicitObjectArgument());
    if (Thread && Thread->getNumArgs() > 0 && Model.threadOnlyCompletes(Thread->getArg(0)))
      return;
    // In a template the construction may be unresolved: its instantiations decide.
    if (!Thread && Call.getImplicitObjectArgument() &&
        Call.getImplicitObjectArgument()->isInstantiationDependent())
      return;
    if (!Thread)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(ignoreValueWrappers(Call.getImplicitObjectArgument())))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Var->getInit() && Var->getInit()->isInstantiationDependent())
          return;
    // A thread's uncaught exception terminates the process; what detach
    // loses is the join: nothing waits for the thread or outlives it.
    if (report(Loc, SM))
      diag(Loc, "'%0' leaves the thread unjoined; nothing waits for it to finish and it "
                "may outlive what it uses; keep the thread and join it (a "
                "std::jthread joins when destroyed)")
          << DetachMethods.displayName(*Method) << Call.getSourceRange();
    return;
  }
  const CallExpr *Origin = originOfHandle(Call.getImplicitObjectArgument());
  const FunctionDecl *Spawn = Origin ? Origin->getDirectCallee() : nullptr;
  if (Spawn && Model.names(Vocabulary::SpawnFunctions).contains(*Spawn) &&
      spawnCatchesEverything(*Origin))
    return;
  if (!report(Loc, SM))
    return;
  diag(Loc, "'%0' detaches the task; its result and exception are lost; co_await the "
            "handle, keep the task in a join set, or catch every exception inside "
            "the task")
      << DetachMethods.displayName(*Method) << Call.getSourceRange();
}

void IgnoredJoinHandleCheck::checkLocal(const VarDecl &Local, const CallExpr &Init,
                                        const SourceManager &SM) {
  const Stmt *Scope = getDeclaringBody(Local);
  const FunctionDecl *Callee = Init.getDirectCallee();
  if (!Scope || !Callee || isVariableUsed(Local, *Scope))
    return;
  SourceLocation Loc = SM.getExpansionLoc(Local.getLocation());
  if (handleBlocks(*Callee)) {
    // Its destructor joins the task at the end of the scope: in plain code
    // that is a join (as std::jthread's); in a coroutine it blocks the
    // thread the coroutine runs on, and every task on its executor.
    const auto *Function = dyn_cast_or_null<FunctionDecl>(Local.getParentFunctionOrMethod());
    if (Function && isCoroutine(*Function) && report(Loc, SM))
      diag(Loc, "%select{join handle|future}2 %0 from '%1' is never used; its destructor "
                "blocks the coroutine's thread at the end of the scope until the task "
                "finishes; %select{co_await the handle|spawn the work as a task and co_await "
                "it}2 instead")
          << &Local << HandleReturning.displayName(*Callee) << returnsFuture(*Callee);
    return;
  }
  if (spawnCatchesEverything(Init) || !report(Loc, SM))
    return;
  diag(Loc, "join handle %0 from '%1' is never used; the task is detached when the "
            "handle goes out of scope and its result and exception are lost")
      << &Local << Model.names(Vocabulary::SpawnFunctions).displayName(*Callee);
}

} // namespace clang::tidy::async
