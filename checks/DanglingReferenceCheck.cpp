//===--- DanglingReferenceCheck.cpp - async-dangling-reference -------------===//

#include "DanglingReferenceCheck.h"
#include "utils/Compat.h"
#include "utils/Coroutines.h"
#include "utils/Spawns.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral ViewTypesKey = "ViewTypes";

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Model(Options, {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                      Vocabulary::DetachedSpawnFunctions, Vocabulary::ScopedSpawnFunctions,
                      Vocabulary::EagerTaskTypes, Vocabulary::LazyTaskTypes,
                      Vocabulary::SyncDrivers, Vocabulary::BlockingHandleSpawnFunctions,
                      Vocabulary::DrainFunctions}),
      ViewTypesOption(Options.get(ViewTypesKey, DefaultViewTypes).str()),
      ViewTypes(ViewTypesOption) {}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, ViewTypesKey, ViewTypesOption);
  Model.storeOptions(Options, Opts);
}

void DanglingReferenceCheck::onStartOfTranslationUnit() {
  ReportedTasks.clear();
  ReportedLocs.clear();
}

void DanglingReferenceCheck::startTranslationUnit(ASTContext &Ctx) {
  Model.startTranslationUnit(Ctx);
}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  // One match per TU; the user's code is walked by a visitor that skips
  // system headers.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

// The initializer of the local that \p E names, or \p E.
static const Expr *throughLocal(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && !isa<ParmVarDecl>(Var) && Var->hasLocalStorage() &&
        !Var->getType()->isReferenceType() && Var->getInit())
      return ignoreMoves(Var->getInit());
  return E;
}

namespace {
class DanglingVisitor : public UserCodeVisitor<DanglingVisitor> {
public:
  using Check = DanglingReferenceCheck;
  using Escape = Check::Escape;
  using Kind = Check::EscapeKind;
  DanglingVisitor(Check &C, const SourceManager &SM)
      : UserCodeVisitor(SM), C(C), DetachMethods(DefaultDetachMethods) {}

  // Called for a statement before its calls are visited.
  void discarded(const Expr &Value, const ExplicitCastExpr *) { Discarded.insert(&Value); }
  void local(const VarDecl &Var, const Expr &Init) {
    LocalInits.insert(&Init);
    const auto *Call = dyn_cast<CallExpr>(&Init);
    if (!Call || Var.getType()->isReferenceType())
      return;
    // A spawn function's handle is not the task it spawned, even when it is
    // a task type (libcoro's spawn_joinable returns a join task): the
    // spawned task's arguments are checked at the spawn (VisitCallExpr).
    if (const NamedDecl *Callee = calleeOf(*Call);
        Callee && C.Model.names(Vocabulary::SpawnFunctions).contains(*Callee))
      return;
    C.checkTask(&Init, {Kind::AwaitedLater, Var.getLocation(), true}, SM);
  }

  // A block is walked child by child, to know which locals outlive a run of
  // the event loop that follows the current statement.
  bool TraverseCompoundStmt(CompoundStmt *S, DataRecursionQueue * = nullptr) {
    if (!WalkUpFromCompoundStmt(S))
      return false;
    llvm::SmallVector<bool, 16> DriveAfter(S->size(), false);
    Shared.clear();
    SharedBlock = S;
    SharedCollected = false;
    bool Seen = false;
    for (unsigned I = S->size(); I-- > 0;) {
      DriveAfter[I] = Seen;
      Seen = Seen || drivesLoop(S->body_begin()[I]);
    }
    Check::DrivenLocals Saved = Driven;
    Declared.emplace_back();
    unsigned I = 0;
    for (Stmt *Child : S->body()) {
      Driven = Saved;
      if (DriveAfter[I++]) {
        Driven.Any = true;
        for (const auto &Block : Declared)
          Driven.Locals.insert(Block.begin(), Block.end());
      }
      if (!TraverseStmt(Child))
        return false;
      if (const auto *DS = dyn_cast<DeclStmt>(Child))
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            Declared.back().push_back(V);
    }
    Declared.pop_back();
    Driven = std::move(Saved);
    return true;
  }

  bool VisitCoawaitExpr(CoawaitExpr *S) {
    if (const Expr *Awaited = getAwaitedExpr(*S))
      this->Awaited.insert(ignoreMoves(Awaited));
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *S) {
    if (const Expr *Value = S->getRetValue())
      C.checkTask(Value, {Kind::Returned, S->getBeginLoc(), false}, SM);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const NamedDecl *Callee = calleeOf(*Call);
    if (!Callee)
      return true;
    SourceLocation Loc = compat::beginLoc(Call);
    const AsyncModel &M = C.Model;
    auto EachArgument = [&](Escape How) {
      if (How.Kind == Kind::Spawned || How.Kind == Kind::Detached)
        How.Driven = &Driven;
      for (const Expr *Arg : Call->arguments())
        C.checkTask(Arg, How, SM);
    };
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (M.names(Vocabulary::TokenSpawnFunctions).contains(*Callee)) {
      // `co_await co_spawn(ex, task, use_awaitable)` waits for the task.
      if (!Awaited.count(Call))
        EachArgument({Kind::Spawned, Loc, false});
    } else if (M.names(Vocabulary::SpawnFunctions).contains(*Callee)) {
      // A handle awaited at once waits for the task; one kept in a local
      // is usually awaited before the scope's locals die. A discarded handle
      // whose destructor waits for the task (libcoro's spawn_joinable) waits
      // before the statement's temporaries die.
      bool JoinedAtOnce = Discarded.count(Call) &&
                          M.names(Vocabulary::BlockingHandleSpawnFunctions).contains(*Callee);
      if (!Awaited.count(Call) && !JoinedAtOnce)
        EachArgument({Kind::Spawned, Loc, LocalInits.count(Call) > 0});
    } else if (M.names(Vocabulary::DetachedSpawnFunctions).contains(*Callee)) {
      EachArgument({Kind::Detached, Loc, false});
      if (Member)
        C.checkTask(Member->getImplicitObjectArgument(), {Kind::Detached, Loc, false}, SM);
    } else if (M.names(Vocabulary::ScopedSpawnFunctions).contains(*Callee)) {
      // A join set or scope that is a member outlives the calling function.
      bool LocalScope = !Member || !isa<MemberExpr>(ignoreMoves(Member->getImplicitObjectArgument()));
      EachArgument({Kind::Spawned, Loc, LocalScope});
    } else if (Member && DetachMethods.contains(*Callee)) {
      // `auto h = spawn(f(local)); h.detach();`
      const Expr *Origin = throughLocal(ignoreMoves(Member->getImplicitObjectArgument()));
      if (const auto *Spawn = dyn_cast_or_null<CallExpr>(Origin))
        if (const NamedDecl *SpawnFn = calleeOf(*Spawn);
            SpawnFn && M.names(Vocabulary::SpawnFunctions).contains(*SpawnFn))
          for (const Expr *Arg : Spawn->arguments())
            C.checkTask(Arg, {Kind::Detached, Member->getExprLoc(), false}, SM);
    } else if (Member && isContainerInsert(*Callee)) {
      EachArgument({Kind::Stored, Loc, isLocalObject(Member->getImplicitObjectArgument())});
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
               Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      bool ToMember = isa<MemberExpr>(ignoreMoves(Op->getArg(0)));
      C.checkTask(Op->getArg(1),
                  {ToMember ? Kind::Stored : Kind::AwaitedLater, Op->getOperatorLoc(), !ToMember},
                  SM);
    }
    return true;
  }

private:
  // The variables a block passes to calls (the tasks it makes and spawns).
  static void collectShared(const Stmt *S, llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      for (const Expr *Arg : Call->arguments())
        if (const VarDecl *V = rootVariable(Arg))
          Out.insert(V);
    for (const Stmt *Child : S->children())
      collectShared(Child, Out);
  }

  // A synchronous run of the event loop or of a task: `ctx.run()`,
  // `ctx.run_for(timeout)` (a test's bounded run), `pool.join()`,
  // `thread.join()`, a SyncDrivers call (`sync_wait`); or a wait on an
  // object the block handed to its tasks (`co_await done;` on the latch they
  // count down): the coroutine waits, in its locals' scope, for their signal.
  bool drivesLoop(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return false;
    // `co_await done;` on a named object (a latch, an event): the coroutine
    // waits, in its locals' scope, for the signal its tasks send.
    if (const auto *Await = dyn_cast<CoawaitExpr>(S))
      if (const VarDecl *Awaited = rootVariable(Await->getOperand()->IgnoreImplicit())) {
        // The block's shared variables, collected once, when a wait asks.
        if (!SharedCollected) {
          collectShared(SharedBlock, Shared);
          SharedCollected = true;
        }
        if (Shared.count(Awaited))
          return true;
      }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
        if (const CXXMethodDecl *M = Member->getMethodDecl();
            M && M->getIdentifier() &&
            llvm::is_contained({"run", "run_for", "run_until", "join"}, M->getName()))
          return true;
      // A synchronous driver runs the loop; a drain (libcoro's shutdown)
      // returns once every task spawned on its executor has ended.
      if (const NamedDecl *Callee = calleeOf(*Call);
          Callee && (C.Model.names(Vocabulary::SyncDrivers).contains(*Callee) ||
                     C.Model.names(Vocabulary::DrainFunctions).contains(*Callee)))
        return true;
    }
    for (const Stmt *Child : S->children())
      if (drivesLoop(Child))
        return true;
    return false;
  }

  // A container that lives in this function: not a member of `this`, but
  // possibly a member of a local (`c.tasks` of a local `client c`).
  static bool isLocalObject(const Expr *E) {
    E = ignoreMoves(E);
    while (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        return false;
      E = ignoreMoves(Member->getBase());
    }
    return !isa<CXXThisExpr>(E);
  }

  static bool isContainerInsert(const NamedDecl &D) {
    if (!D.getIdentifier())
      return false;
    static constexpr llvm::StringLiteral Inserts[] = {
        "push_back", "emplace_back", "push_front", "emplace_front", "insert",
        "emplace",   "push",         "try_emplace", "insert_or_assign"};
    return llvm::is_contained(Inserts, D.getName());
  }

  Check &C;
  NameList DetachMethods;
  llvm::DenseSet<const Expr *> Awaited;
  llvm::DenseSet<const Expr *> LocalInits;
  llvm::DenseSet<const Expr *> Discarded;
  Check::DrivenLocals Driven;
  // The variables the block being entered passes to calls (collectShared).
  const CompoundStmt *SharedBlock = nullptr;
  bool SharedCollected = false;
  llvm::SmallPtrSet<const VarDecl *, 8> Shared;
  std::vector<std::vector<const VarDecl *>> Declared; // per open block, so far
};

// One reference that dangles: what it refers to, and how the frame keeps it.
struct Dangling {
  Referent What;
  const ParmVarDecl *Param = nullptr; // kept as a parameter...
  ReferenceLike How = ReferenceLike::No;
  const LambdaCapture *Capture = nullptr; // ...or as a by-reference capture
  const LambdaExpr *Closure = nullptr;    // ...or the closure itself dies
  const VarDecl *ClosureVar = nullptr;    // the local that holds the closure
};
} // namespace

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  startTranslationUnit(*Result.Context);
  if (const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu"))
    DanglingVisitor(*this, *Result.SourceManager)
        .TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
}

bool DanglingReferenceCheck::isCoroutineCall(const CallExpr &Call, const FunctionDecl &Callee) {
  // A coro_wrapper returns a task without being a coroutine: its parameters
  // are not kept in a frame.
  if (Callee.hasAttr<CoroWrapperAttr>())
    return false;
  if (isCoroutine(Callee))
    return true;
  if (const FunctionDecl *Pattern = Callee.getTemplateInstantiationPattern();
      Pattern && isCoroutine(*Pattern))
    return true;
  if (Callee.hasBody() || !Call.isPRValue() || !Call.getType()->isRecordType())
    return false;
  // Declared here, defined elsewhere: a coroutine if it returns a lazy task.
  return Model.taskTypes().isLazyTask(Call.getType(), &Callee);
}

// Clang's -Wdangling follows lifetimebound parameters, and every parameter of
// a function returning a [[clang::coro_lifetimebound]] task, into a returned
// value or a local's initializer.
bool DanglingReferenceCheck::clangAnalyses(const FunctionDecl &Callee, EscapeKind How) const {
  if (How != EscapeKind::Returned && How != EscapeKind::AwaitedLater)
    return false;
  const CXXRecordDecl *Task = Callee.getReturnType()->getAsCXXRecordDecl();
  return Task && Task->hasAttr<CoroReturnTypeAttr>() && Task->hasAttr<CoroLifetimeBoundAttr>() &&
         !Callee.hasAttr<CoroDisableLifetimeBoundAttr>();
}

// Whether \p S reads the closure (a capture, or the captured `this`) at or
// after a suspension, in evaluation order; Suspended says whether one came
// before. A loop that suspends counts as suspended from its start: its next
// iteration runs after the suspension.
static bool readsClosureAfterSuspending(const Stmt *S, bool &Suspended) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Suspended && Ref->refersToEnclosingVariableOrCapture();
  if (isa<CXXThisExpr>(S))
    return Suspended;
  if (const auto *Suspension = dyn_cast<CoroutineSuspendExpr>(S)) {
    if (readsClosureAfterSuspending(Suspension->getOperand(), Suspended))
      return true;
    Suspended |= isExplicitSuspension(*S);
    return false;
  }
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S)) {
    bool Suspends = false;
    forEachOwnStmt(S, [&](const Stmt &Inner) {
      Suspends |= isExplicitSuspension(Inner);
      return !Suspends;
    });
    Suspended |= Suspends;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    // A nested lambda reads the closure where it is created.
    for (const Expr *Init : L->capture_inits())
      if (readsClosureAfterSuspending(Init, Suspended))
        return true;
    return false;
  }
  for (const Stmt *Child : S->children())
    if (readsClosureAfterSuspending(Child, Suspended))
      return true;
  return false;
}

// Whether a coroutine lambda needs its closure after the call that creates
// its task: a lazy one (or one whose start is unknown) runs its whole body
// later; an eager one only what follows its first suspension.
bool DanglingReferenceCheck::needsClosureLater(const LambdaExpr &Lambda) {
  const CXXMethodDecl *Op = Lambda.getCallOperator();
  const auto *Body = Op ? dyn_cast_or_null<CoroutineBodyStmt>(Op->getBody()) : nullptr;
  if (!Body)
    return true;
  const VarDecl *PromiseVar = Body->getPromiseDecl();
  const CXXRecordDecl *Promise =
      PromiseVar ? PromiseVar->getType()->getAsCXXRecordDecl() : nullptr;
  if (!Promise || Model.taskTypes().startOfPromise(*Promise) != LazyTaskClassifier::Start::Eager)
    return true;
  bool Suspended = false;
  return readsClosureAfterSuspending(Body->getBody(), Suspended);
}

static Referent capturedReferent(const ValueDecl *Captured) {
  const auto *Var = dyn_cast_or_null<VarDecl>(Captured);
  if (!Var || Var->getType()->isReferenceType())
    return {};
  if (isa<ParmVarDecl>(Var))
    return {ReferentKind::ByValueParameter, Var, nullptr};
  if (Var->hasLocalStorage())
    return {ReferentKind::Local, Var, nullptr};
  return {};
}

// The by-reference captures of \p L that refer to locals or by-value parameters.
static void referenceCaptures(const LambdaExpr &L, llvm::SmallVectorImpl<Dangling> &Out,
                              llvm::function_ref<bool(const Referent &)> Keep) {
  for (const LambdaCapture &Cap : L.captures()) {
    if (!Cap.capturesVariable() || Cap.getCaptureKind() != LCK_ByRef)
      continue;
    Referent R = capturedReferent(Cap.getCapturedVar());
    if (Keep(R))
      Out.push_back({R, nullptr, ReferenceLike::Reference, &Cap, &L, nullptr});
  }
}

void DanglingReferenceCheck::checkTask(const Expr *Task, Escape How, const SourceManager &SM) {
  Task = throughLocal(ignoreMoves(Task));
  if (!Task || Task->isInstantiationDependent() || ReportedTasks.count(Task))
    return;
  llvm::SmallVector<Dangling, 4> Found;
  std::string Coroutine = "lambda";
  auto Keep = [&](const Referent &R) {
    if (R.Kind == ReferentKind::LongLived ||
        (How.TemporariesOnly && R.Kind != ReferentKind::Temporary))
      return false;
    // The spawning function runs the event loop afterwards, in their scope.
    if (How.Driven && R.Kind == ReferentKind::Local && How.Driven->Locals.count(R.Var))
      return false;
    if (How.Driven && R.Kind == ReferentKind::ByValueParameter && How.Driven->Any)
      return false;
    return true;
  };

  if (const auto *Lambda = dyn_cast<LambdaExpr>(Task)) {
    // A coroutine lambda handed to a spawn, which keeps the closure alive
    // but not what it captured by reference.
    if (!Lambda->getCallOperator() || !isCoroutine(*Lambda->getCallOperator()) ||
        How.TemporariesOnly)
      return;
    referenceCaptures(*Lambda, Found, Keep);
  } else if (const auto *Call = dyn_cast<CallExpr>(Task)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !isCoroutineCall(*Call, *Callee) || clangAnalyses(*Callee, How.Kind))
      return;
    unsigned FirstArg = 0;
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    if (isa<CXXOperatorCallExpr>(Call) && Method && !Method->isStatic())
      FirstArg = 1; // the object
    if (Method && Method->getParent()->isLambda() && FirstArg == 1) {
      // A coroutine lambda called at once: its captures live in the closure.
      const Expr *Object = ignoreMoves(Call->getArg(0));
      const VarDecl *ClosureVar = nullptr;
      // (A closure captured from an enclosing function lives there, not here.)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Object);
          Ref && !Ref->refersToEnclosingVariableOrCapture())
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType() && Var->getInit()) {
          ClosureVar = Var;
          Object = ignoreMoves(Var->getInit());
        }
      if (const auto *Lambda = dyn_cast<LambdaExpr>(Object)) {
        Referent Closure = ClosureVar ? Referent{ReferentKind::Local, ClosureVar, nullptr}
                                      : Referent{ReferentKind::Temporary, nullptr, Lambda};
        if (Lambda->capture_size() > 0 && Keep(Closure) && needsClosureLater(*Lambda))
          Found.push_back({Closure, nullptr, ReferenceLike::No, nullptr, Lambda, ClosureVar});
        if (!How.TemporariesOnly)
          referenceCaptures(*Lambda, Found, Keep);
      }
    } else {
      Coroutine = describeCallable(*Callee);
    }
    for (unsigned I = 0; I < Callee->getNumParams() && FirstArg + I < Call->getNumArgs(); ++I) {
      const ParmVarDecl *Param = Callee->getParamDecl(I);
      ReferenceLike Kind = referenceLikeKind(Param->getType(), ViewTypes);
      if (Kind == ReferenceLike::No)
        continue;
      if (Param->hasAttr<LifetimeBoundAttr>() &&
          (How.Kind == EscapeKind::Returned || How.Kind == EscapeKind::AwaitedLater))
        continue; // -Wdangling
      Referent R = referentOf(Call->getArg(FirstArg + I), Kind, ViewTypes);
      if (Keep(R))
        Found.push_back({R, Param, Kind, nullptr, nullptr, nullptr});
    }
  } else {
    return;
  }
  if (Found.empty())
    return;
  SourceLocation Loc = SM.getExpansionLoc(How.Loc);
  if (SM.isInSystemHeader(Loc) || !ReportedLocs.insert(Loc.getRawEncoding()).second)
    return;
  ReportedTasks.insert(Task);

  auto Describe = [](const Dangling &D) -> std::string {
    switch (D.What.Kind) {
    case ReferentKind::Temporary:
      return D.Closure && !D.Capture ? "the temporary lambda closure" : "a temporary";
    case ReferentKind::Local:
      if (D.ClosureVar && !D.Capture)
        return "lambda closure '" + D.ClosureVar->getNameAsString() + "'";
      return "local variable '" + D.What.Var->getNameAsString() + "'";
    case ReferentKind::ByValueParameter:
      return "parameter '" + D.What.Var->getNameAsString() + "'";
    case ReferentKind::LongLived:
      break;
    }
    return "";
  };
  auto Through = [](const Dangling &D) -> std::string {
    if (D.Param)
      return "its parameter '" + D.Param->getNameAsString() + "' refers to";
    if (D.Capture)
      return "its capture '" + D.Capture->getCapturedVar()->getNameAsString() + "' refers to";
    return "holds its captures";
  };
  static const char *const Escapes[] = {"spawned", "detached", "stored", "returned",
                                        "later-awaited"};
  const Dangling &First = Found.front();
  diag(Loc, "%0 task of %1 may outlive %2 that %3")
      << Escapes[unsigned(How.Kind)] << Coroutine << Describe(First) << Through(First);
  for (const Dangling &D : Found) {
    if (D.What.Kind == ReferentKind::Temporary) {
      const Expr *Where = D.What.Temporary ? D.What.Temporary : D.Closure;
      diag(SM.getExpansionLoc(Where->getBeginLoc()),
           "%0 is destroyed at the end of this full-expression", DiagnosticIDs::Note)
          << Describe(D);
    } else if (D.ClosureVar && !D.Capture) {
      diag(D.ClosureVar->getLocation(), "%0 is declared here", DiagnosticIDs::Note)
          << Describe(D);
    } else {
      diag(D.What.Var->getLocation(), "%0 is declared here", DiagnosticIDs::Note)
          << Describe(D);
    }
    static const char *const Kept[] = {"", "a reference", "a pointer", "a view"};
    if (D.Param)
      diag(D.Param->getLocation(), "parameter %0 is kept in the coroutine frame as %1",
           DiagnosticIDs::Note)
          << D.Param << Kept[unsigned(D.How)];
    else if (D.Capture)
      diag(D.Capture->getLocation(), "%0 is captured by reference here", DiagnosticIDs::Note)
          << D.Capture->getCapturedVar();
    else if (D.Closure && D.Closure->capture_begin() != D.Closure->capture_end())
      diag(D.Closure->capture_begin()->getLocation(),
           "the coroutine reads its captures from the closure", DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::async
