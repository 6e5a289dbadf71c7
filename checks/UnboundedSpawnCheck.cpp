//===--- UnboundedSpawnCheck.cpp - async-unbounded-spawn -------------------===//

#include "UnboundedSpawnCheck.h"
#include "utils/Compat.h"
#include "utils/Coroutines.h"
#include "utils/Loops.h"
#include "utils/Spawns.h"
#include "utils/Tasks.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral ThreadTypesKey = "ThreadTypes";
static constexpr llvm::StringLiteral AllowAwaitedAcceptLoopsKey = "AllowAwaitedAcceptLoops";

UnboundedSpawnCheck::UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ThreadTypesOption(Options.getLocalOrGlobal(ThreadTypesKey, DefaultThreadTypes).str()),
      AllowAwaitedAcceptLoops(Options.get(AllowAwaitedAcceptLoopsKey, true)),
      Model(Options, {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                      Vocabulary::DetachedSpawnFunctions, Vocabulary::ScopedSpawnFunctions,
                      Vocabulary::Limiters, Vocabulary::BlockingHandleSpawnFunctions}),
      ThreadTypes(ThreadTypesOption) {}

void UnboundedSpawnCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Model.storeOptions(Options, Opts);
  Options.store(Opts, ThreadTypesKey, ThreadTypesOption);
  Options.store(Opts, AllowAwaitedAcceptLoopsKey, AllowAwaitedAcceptLoops);
}

// std::async always starts a task (or runs it at once).
static constexpr llvm::StringLiteral StdAsync = "::std::async";

static bool isStdAsync(const NamedDecl &D) {
  static const NameList Async(StdAsync);
  return Async.contains(D);
}

bool UnboundedSpawnCheck::isSpawnCallee(const NamedDecl &D) const {
  for (Vocabulary V : {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                       Vocabulary::DetachedSpawnFunctions, Vocabulary::ScopedSpawnFunctions})
    if (Model.names(V).contains(D))
      return true;
  return isStdAsync(D);
}

void UnboundedSpawnCheck::registerMatchers(MatchFinder *Finder) {
  // Loops in user code are few; the body of each one that has no bound is
  // walked for spawns. (Matching every call and walking up to its loops
  // would need the TU's parent map.)
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(forStmt(InUserCode).bind("loop"), this);
  Finder->addMatcher(whileStmt(InUserCode).bind("loop"), this);
  Finder->addMatcher(doStmt(InUserCode).bind("loop"), this);
}

// --- Loop bounds ------------------------------------------------------------

static const VarDecl *refVar(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

// The variable that \p E steps (++, --, +=, -=, or i = i + k), if any.
static const VarDecl *steppedVar(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->isIncrementDecrementOp() ? refVar(U->getSubExpr()) : nullptr;
  if (const auto *C = dyn_cast<CompoundAssignOperator>(E))
    return refVar(C->getLHS());
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return B->isAssignmentOp() ? refVar(B->getLHS()) : nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (Op->getOperator()) {
    case OO_PlusPlus:
    case OO_MinusMinus:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_Equal:
      return Op->getNumArgs() > 0 ? refVar(Op->getArg(0)) : nullptr;
    default:
      return nullptr;
    }
  }
  return nullptr;
}

// Every variable the statement steps (a for-increment may be a comma list;
// a while body steps its counter anywhere).
static void collectStepped(const Stmt *S, llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (const auto *E = dyn_cast<Expr>(&Child))
      if (const VarDecl *V = steppedVar(E))
        Out.insert(V);
    return true;
  });
}

static bool isComparison(const Expr *E, const Expr *&L, const Expr *&R) {
  E = E->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && (B->isRelationalOp() || B->getOpcode() == BO_NE)) {
    L = B->getLHS();
    R = B->getRHS();
    return true;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getNumArgs() == 2) {
    switch (Op->getOperator()) {
    case OO_Less:
    case OO_LessEqual:
    case OO_Greater:
    case OO_GreaterEqual:
    case OO_ExclaimEqual:
      L = Op->getArg(0);
      R = Op->getArg(1);
      return true;
    default:
      break;
    }
  }
  return false;
}

// A condition tied to a finite range: a stepped variable compared with a
// bound, or counted down to zero (`n--`); with &&, either side suffices.
static bool isCountedCondition(const Expr *Cond,
                               const llvm::SmallPtrSetImpl<const VarDecl *> &Stepped) {
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(Cond); B && B->getOpcode() == BO_LAnd)
    return isCountedCondition(B->getLHS(), Stepped) ||
           isCountedCondition(B->getRHS(), Stepped);
  if (steppedVar(Cond))
    return true; // while (n--)
  const Expr *L = nullptr, *R = nullptr;
  if (!isComparison(Cond, L, R))
    return false;
  for (const Expr *Side : {L, R}) {
    if (steppedVar(Side))
      return true; // while (i++ < n)
    if (const VarDecl *V = refVar(Side); V && Stepped.count(V))
      return true;
  }
  return false;
}

static bool isBoundedLoop(const Stmt &Loop, const ASTContext &Ctx) {
  if (isa<CXXForRangeStmt>(Loop))
    return true;
  if (isNeverRepeatingLoop(Loop, Ctx))
    return true; // do { ... } while (false): a statement, not a loop
  llvm::SmallPtrSet<const VarDecl *, 4> Stepped;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    collectStepped(For->getInc(), Stepped);
    return isCountedCondition(For->getCond(), Stepped);
  }
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  }
  collectStepped(Body, Stepped);
  return isCountedCondition(Cond, Stepped);
}

static const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  return nullptr;
}

const Expr *UnboundedSpawnCheck::asSpawn(const Stmt &S) const {
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    const NamedDecl *Callee = calleeOf(*Call);
    return Callee && isSpawnCallee(*Callee) ? Call : nullptr;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && !Ctor->isCopyOrMoveConstructor() && ThreadTypes.contains(*Ctor->getParent()))
      return Construct;
  }
  return nullptr;
}

// The spawns that run on every iteration of a loop whose body is \p Body,
// except those inside a nested loop with no bound (that loop is reported).
// Lambdas, blocks and local classes run elsewhere: not entered.
void UnboundedSpawnCheck::collectSpawns(const Stmt *S,
                                        llvm::SmallVectorImpl<const Expr *> &Out) const {
  if (!S)
    return;
  if (const Expr *Spawn = asSpawn(*S))
    Out.push_back(Spawn);
  if (isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S) && !isBoundedLoop(*S, *ModelContext)) {
    if (const auto *For = dyn_cast<ForStmt>(S))
      collectSpawns(For->getInit(), Out); // runs once per outer iteration
    return;
  }
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
    collectSpawns(Suspend->getOperand(), Out);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : Lambda->capture_inits())
      collectSpawns(Init, Out);
    return;
  }
  if (isa<BlockExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    collectSpawns(Child, Out);
}

bool UnboundedSpawnCheck::hasLimiterBefore(const Stmt &LoopBody, const Expr &Spawn,
                                           const SourceManager &SM) const {
  SourceLocation SpawnLoc = SM.getExpansionLoc(compat::beginLoc(Spawn));
  bool Found = false;
  // The walk reaches a co_await before its operand.
  llvm::SmallPtrSet<const Expr *, 4> Awaited;
  forEachOwnStmt(&LoopBody, [&](const Stmt &S) {
    if (Found)
      return false;
    if (const Expr *A = getAwaitedExpr(S))
      Awaited.insert(A);
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (Call && Model.isLimiter(*Call, Awaited.contains(Call)) &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(compat::beginLoc(Call)), SpawnLoc))
      Found = true;
    return true;
  });
  return Found;
}

// `std::move(V)`: the iteration may hand the handle on.
static bool movesOut(const Stmt &S, const VarDecl &V) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  return Call && ignoreMoves(Call) != Call && rootVariable(Call) == &V;
}

/// The iteration joins the task it spawns, so the loop runs one at a time:
/// the spawn is awaited at once (`co_await spawn(t)`, `co_await
/// co_spawn(ex, t, use_awaitable)`), or the handle a local of the body holds
/// is awaited in the body. A handle whose destructor waits for the task
/// (std::async's future, BlockingHandleSpawnFunctions) also joins it when it
/// is discarded, or when the local that holds it dies with the iteration
/// (unless it is moved out); so does a std::jthread local.
bool UnboundedSpawnCheck::joinedInIteration(const Stmt &LoopBody, const Expr &Spawn) const {
  static const NameList JoiningThreads("::std::jthread");
  bool Blocks = false;
  if (const auto *Call = dyn_cast<CallExpr>(&Spawn)) {
    const NamedDecl *Callee = calleeOf(*Call);
    Blocks = Callee && (isStdAsync(*Callee) ||
                        Model.names(Vocabulary::BlockingHandleSpawnFunctions).contains(*Callee));
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Spawn)) {
    Blocks = JoiningThreads.contains(*Construct->getConstructor()->getParent());
  }
  auto isSpawn = [&](const Expr *E) { return E && ignoreValueWrappers(E) == &Spawn; };
  auto discardsSpawn = [&](const Stmt *S) {
    const ExplicitCastExpr *VoidCast = nullptr;
    return isSpawn(discardedValueOf(S, VoidCast));
  };
  bool Joined = Blocks && discardsSpawn(&LoopBody);
  const VarDecl *Holder = nullptr;
  forEachOwnStmt(&LoopBody, [&](const Stmt &S) {
    if (isSpawn(getAwaitedExpr(S)))
      Joined = true;
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && isSpawn(V->getInit()))
          Holder = V;
    if (const auto *Block = dyn_cast<CompoundStmt>(&S); Block && Blocks)
      for (const Stmt *Child : Block->body())
        Joined |= discardsSpawn(Child);
    return !Joined;
  });
  if (Joined || !Holder)
    return Joined;
  bool Moved = false;
  forEachOwnStmt(&LoopBody, [&](const Stmt &S) {
    if (const Expr *A = getAwaitedExpr(S); A && rootVariable(A) == Holder)
      Joined = true;
    Moved |= movesOut(S, *Holder);
    return true;
  });
  return Joined || (Blocks && !Moved);
}

/// The iteration waits for a connection before it spawns: an explicit
/// `co_await` of a call whose name says accept (`acceptor.async_accept()`,
/// `server.accept()`, `listener.Accept()`), before the spawn or inside its own
/// arguments. Any other await (a channel's receive, a timer) does not count: a
/// queue can hold a burst, an accept is paced by clients.
static bool awaitsAcceptBefore(const Stmt &LoopBody, const Expr &Spawn,
                               const SourceManager &SM) {
  SourceLocation SpawnEnd = SM.getExpansionLoc(Spawn.getEndLoc());
  bool Found = false;
  forEachOwnStmt(&LoopBody, [&](const Stmt &S) {
    if (Found)
      return false;
    if (!isExplicitSuspension(S) ||
        !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(S.getBeginLoc()), SpawnEnd))
      return true;
    const auto *Awaited = dyn_cast_or_null<CallExpr>(getAwaitedExpr(S));
    const NamedDecl *Callee = Awaited ? calleeOf(*Awaited) : nullptr;
    Found = Callee && Callee->getIdentifier() &&
            Callee->getName().contains_insensitive("accept");
    return true;
  });
  return Found;
}

void UnboundedSpawnCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Loop = Result.Nodes.getNodeAs<Stmt>("loop");
  const SourceManager &SM = *Result.SourceManager;
  if (ModelContext != Result.Context) {
    Model.startTranslationUnit(*Result.Context);
    ModelContext = Result.Context;
  }
  const Stmt *Body = loopBody(*Loop);
  if (!Body || isBoundedLoop(*Loop, *Result.Context))
    return;
  llvm::SmallVector<const Expr *, 4> Spawns;
  collectSpawns(Body, Spawns);
  for (const Expr *Spawn : Spawns) {
    SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(Spawn));
    if (SM.isInSystemHeader(Loc) || Reported.contains(Loc.getRawEncoding()))
      continue;
    if (hasLimiterBefore(*Body, *Spawn, SM) || joinedInIteration(*Body, *Spawn))
      continue;
    if (AllowAwaitedAcceptLoops && awaitsAcceptBefore(*Body, *Spawn, SM))
      continue;
    std::string What;
    if (const auto *Call = dyn_cast<CallExpr>(Spawn)) {
      const NamedDecl &Callee = *calleeOf(*Call);
      What = Callee.getQualifiedNameAsString();
      for (Vocabulary V : {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                           Vocabulary::DetachedSpawnFunctions,
                           Vocabulary::ScopedSpawnFunctions})
        if (Model.names(V).contains(Callee)) {
          What = Model.names(V).displayName(Callee);
          break;
        }
    }
    else
      What = ThreadTypes.displayName(
          *cast<CXXConstructExpr>(Spawn)->getConstructor()->getParent());
    Reported.insert(Loc.getRawEncoding());
    diag(Loc, "'%0' starts a task on every iteration of a loop with no bound, and "
              "nothing limits how many run at once; acquire a semaphore permit, or "
              "join a task once a join set is full, before spawning")
        << What << Spawn->getSourceRange();
    diag(SM.getExpansionLoc(Loop->getBeginLoc()), "loop with no bound is here",
         DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::async
