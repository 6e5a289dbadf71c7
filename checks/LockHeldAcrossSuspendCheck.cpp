//===--- LockHeldAcrossSuspendCheck.cpp - async-lock-held-across-suspend ---===//
//
// A forward "may be held" dataflow over clang's CFG of the written coroutine
// body. The state maps each lock (a guard object or a mutex, see LockModel)
// to the set of places where it was taken on some path reaching this point;
// empty means not held on any path. Joins take the union. What each CFG
// element does is worked out once, before the fixpoint, as a list of steps.
//
// Compared with the upstream checks (misc-coroutine-hostile-raii, a lexical
// walk of the enclosing compound statements; cppcoreguidelines-no-suspend-
// with-lock, which flags any guard still in scope): suspensions inside
// initializers and arguments are elements of the CFG like any other, and
// unlock()/release()/moves end a guard's hold.
//
//===----------------------------------------------------------------------===//

#include "LockHeldAcrossSuspendCheck.h"
#include "utils/Coroutines.h"
#include "utils/UserCode.h"
#include "clang/AST/ParentMap.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral AllowedAwaitablesKey = "AllowedAwaitablesList";

LockHeldAcrossSuspendCheck::LockHeldAcrossSuspendCheck(StringRef Name,
                                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AllowedAwaitablesOption(
          Options.getLocalOrGlobal(AllowedAwaitablesKey, DefaultAllowedAwaitables).str()),
      Async(Options, {Vocabulary::GuardTypes, Vocabulary::MutexTypes,
                      Vocabulary::SyncGeneratorTypes}),
      Model(DefaultGuardTypes, DefaultMutexTypes), Suspensions(AllowedAwaitablesOption) {}

void LockHeldAcrossSuspendCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Async.storeOptions(Options, Opts);
  Options.store(Opts, AllowedAwaitablesKey, AllowedAwaitablesOption);
}

void LockHeldAcrossSuspendCheck::onStartOfTranslationUnit() {
  Reported.clear();
  Model.startTranslationUnit();
}

void LockHeldAcrossSuspendCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutine bodies are few; a CFG is built only for those that both lock
  // and suspend (see checkCoroutine()). One match per TU; the user's
  // coroutines are found by a walk that skips system headers (UserCode.h).
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

bool LockHeldAcrossSuspendCheck::firstReport(SourceLocation Loc, llvm::StringRef Lock) {
  return Reported.insert({Loc.getRawEncoding(), Lock.str()}).second;
}

namespace {

// The places a lock was taken on the paths reaching a point (sorted, unique).
using Sites = llvm::SmallVector<SourceLocation, 2>;
using LockState = std::vector<Sites>;

void addSites(Sites &To, const Sites &From) {
  for (SourceLocation L : From)
    if (!llvm::is_contained(To, L))
      To.push_back(L);
}

// What one CFG element does.
struct Step {
  enum Kind {
    Acquire,  // A held, taken at Loc
    Release,  // A not held
    Move,     // A takes over B's hold; B holds nothing
    Detach,   // B (a guard) lets go; its mutex A stays locked
    Swap,     // A and B exchange
    Suspend,  // a suspension point
  } K;
  unsigned A = 0, B = 0;
  SourceLocation Loc;
  const Expr *Suspension = nullptr;
  // Suspend: locks handed to the awaiter (`co_await cv.wait(lock, pred)`):
  // it releases them while the coroutine is suspended.
  llvm::SmallVector<unsigned, 1> Handed = {};
};

struct LockInfo {
  std::string Name;
  bool IsGuard;
  SourceLocation FirstSeen;
};

// A branch that tells whether a lock is held: on the successor that means
// "not held", the lock is dropped.
struct EdgeKill {
  unsigned Lock;
  unsigned Successor;
};

class Analysis {
public:
  Analysis(const LockModel &Model, const SuspensionFilter &Suspensions,
           const CoroutineBodyStmt &Body, ASTContext &Ctx)
      : Model(Model), Suspensions(Suspensions), Body(Body), Ctx(Ctx),
        SM(Ctx.getSourceManager()), Parents(Body.getBody()) {}

  struct Finding {
    const Expr *Suspension; // null: the body finishes with the lock held
    SourceLocation Loc;
    unsigned Lock;
    Sites Taken;
  };

  bool run(const FunctionDecl &Coroutine);
  const std::vector<Finding> &findings() const { return Findings; }
  const LockInfo &lock(unsigned Id) const { return Locks[Id]; }

private:
  std::optional<unsigned> lockId(const Expr *Object, bool IsGuard, bool Shared = false);
  unsigned lockIdForPath(const LockPath &P, bool IsGuard, llvm::StringRef Name,
                         SourceLocation Loc);
  std::optional<unsigned> mutexOf(const Expr *Object);
  void describe(const CFGElement &E, std::vector<Step> &Steps);
  void describeGuardVar(const VarDecl &V, std::vector<Step> &Steps);
  void describeCall(const Expr &E, std::vector<Step> &Steps);
  void apply(const Step &S, LockState &State, bool Record);
  void handedLocks(const Expr &Suspension, llvm::SmallVectorImpl<unsigned> &Out);
  void handedMutex(const Expr &Arg, llvm::SmallVectorImpl<unsigned> &Out);
  std::string text(const Expr *E) const;

  const LockModel &Model;
  const SuspensionFilter &Suspensions;
  const CoroutineBodyStmt &Body;
  ASTContext &Ctx;
  const SourceManager &SM;
  ParentMap Parents;

  std::map<LockPath, unsigned> Ids;
  std::vector<LockInfo> Locks;
  llvm::DenseMap<unsigned, unsigned> GuardMutex;     // guard -> its mutex
  llvm::DenseMap<const VarDecl *, unsigned> Aliases; // M *P = G.release();
  std::vector<Finding> Findings;
};

std::string Analysis::text(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  // `p->lock()` on a smart pointer: name `p`, as for a raw pointer.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
    E = Op->getArg(0)->IgnoreParenImpCasts();
  CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef T = Lexer::getSourceText(R, SM, Ctx.getLangOpts());
  if (!T.empty() && T.size() < 60 && !T.contains('\n'))
    return T.str();
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return D->getDecl()->getNameAsString();
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return M->getMemberDecl()->getNameAsString();
  return "lock";
}

unsigned Analysis::lockIdForPath(const LockPath &P, bool IsGuard, llvm::StringRef Name,
                                 SourceLocation Loc) {
  auto [It, Inserted] = Ids.try_emplace(P, Locks.size());
  if (Inserted)
    Locks.push_back({Name.str(), IsGuard, Loc});
  return It->second;
}

std::optional<unsigned> Analysis::mutexOf(const Expr *Object) {
  // `G.release()->unlock()`, `G.mutex()->unlock()`.
  const Expr *E = Object->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() &&
        (M->getName() == "release" || M->getName() == "mutex") &&
        Model.isGuardType(MC->getObjectType()))
      if (std::optional<unsigned> G = lockId(MC->getImplicitObjectArgument(), true)) {
        auto It = GuardMutex.find(*G);
        if (It != GuardMutex.end())
          return It->second;
      }
    return std::nullopt;
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(D->getDecl())) {
      auto It = Aliases.find(V);
      if (It != Aliases.end())
        return It->second;
    }
  return std::nullopt;
}

std::optional<unsigned> Analysis::lockId(const Expr *Object, bool IsGuard, bool Shared) {
  if (!Object)
    return std::nullopt;
  if (!IsGuard)
    if (std::optional<unsigned> Alias = mutexOf(Object))
      return Alias;
  std::optional<LockPath> P = getObjectPath(Object);
  if (!P)
    return std::nullopt;
  P->Shared = Shared;
  return lockIdForPath(*P, IsGuard, text(Object), Object->getBeginLoc());
}

void Analysis::describeGuardVar(const VarDecl &V, std::vector<Step> &Steps) {
  std::optional<GuardConstruction> G = Model.classifyGuardVar(V);
  if (!G) {
    // `std::mutex *P = G.release();` names the guard's mutex.
    if (V.getType()->isPointerType() && V.getInit())
      if (std::optional<unsigned> M = mutexOf(V.getInit()))
        Aliases[&V] = *M;
    return;
  }
  if (G->Init == GuardInit::Async)
    return; // an asynchronous mutex's guard: not a synchronous lock
  LockPath P;
  P.Decls.push_back(V.getCanonicalDecl());
  unsigned Id = lockIdForPath(P, true, V.getName(), V.getLocation());
  if (G->Mutex)
    if (std::optional<unsigned> M = lockId(G->Mutex, false))
      GuardMutex[Id] = *M;
  SourceLocation Loc = V.getLocation();
  switch (G->Init) {
  case GuardInit::Acquire:
  case GuardInit::Try: // held unless a branch on the guard says otherwise
    Steps.push_back({Step::Acquire, Id, 0, Loc});
    break;
  case GuardInit::Adopt:
    Steps.push_back({Step::Acquire, Id, 0, Loc});
    if (auto It = GuardMutex.find(Id); It != GuardMutex.end())
      Steps.push_back({Step::Release, It->second, 0, Loc});
    break;
  case GuardInit::MoveFrom:
    if (std::optional<unsigned> Source = lockId(G->Source, true)) {
      if (auto It = GuardMutex.find(*Source); It != GuardMutex.end())
        GuardMutex[Id] = It->second;
      Steps.push_back({Step::Move, Id, *Source, Loc});
    }
    break;
  case GuardInit::Deferred:
  case GuardInit::Empty:
  case GuardInit::Async:
    Steps.push_back({Step::Release, Id, 0, Loc});
    break;
  }
}

// The expression \p E stands in for, looking up through the wrappers clang
// puts around an argument or an initializer.
static const Stmt *consumer(const ParentMap &PM, const Expr *E) {
  const Stmt *S = PM.getParent(E);
  while (S && (isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                   ParenExpr, ExprWithCleanups>(S)))
    S = PM.getParent(S);
  return S;
}

void Analysis::describeCall(const Expr &E, std::vector<Step> &Steps) {
  SourceLocation Loc = E.getExprLoc();
  const Expr *Target = nullptr, *Value = nullptr;
  if (Model.isGuardAssignment(E, Target, Value)) {
    std::optional<unsigned> To = lockId(Target, true);
    if (!To)
      return;
    const Expr *Source = Model.getMovedGuard(*Value->IgnoreParenImpCasts());
    if (Source) {
      if (std::optional<unsigned> From = lockId(Source, true)) {
        if (auto It = GuardMutex.find(*From); It != GuardMutex.end())
          GuardMutex[*To] = It->second;
        Steps.push_back({Step::Move, *To, *From, Loc});
        return;
      }
    }
    // Assigned a new guard: held if that one was constructed holding.
    Steps.push_back({Step::Release, *To, 0, Loc});
    const Expr *V = Value->IgnoreParenImpCasts();
    while (const auto *M = dyn_cast<MaterializeTemporaryExpr>(V))
      V = M->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(V))
      V = B->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(V))
      V = F->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CXXConstructExpr>(V)) {
      bool Holds = C->getNumArgs() > 0;
      for (const Expr *Arg : C->arguments())
        if (const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl())
          if (RD->getIdentifier() && RD->getName() == "defer_lock_t")
            Holds = false;
      if (Holds)
        Steps.push_back({Step::Acquire, *To, 0, Loc});
    } else if (!isa<CoawaitExpr>(V)) {
      Steps.push_back({Step::Acquire, *To, 0, Loc}); // a call returning a guard
    }
    return;
  }
  if (const Expr *Moved = Model.getMovedGuard(E)) {
    // std::move(G) hands the lock to whatever consumes it; into another
    // guard of ours, that guard's step does the transfer.
    const Stmt *User = consumer(Parents, &E);
    if (const auto *C = dyn_cast_or_null<CXXConstructExpr>(User))
      if (Model.isGuardType(C->getType()) && C->getNumArgs() == 1) {
        // Constructing a guard variable: the DeclStmt does the transfer.
        const Stmt *Above = consumer(Parents, C);
        if (!Above || isa<DeclStmt>(Above))
          return;
      }
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(User))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Model.isGuardType(Op->getArg(0)->getType()))
        return;
    if (std::optional<unsigned> Id = lockId(Moved, true))
      Steps.push_back({Step::Release, *Id, 0, Loc});
    return;
  }
  for (const LockEvent &Ev : Model.classifyCall(E)) {
    std::optional<unsigned> Id = lockId(Ev.Object, Ev.IsGuard, Ev.Shared);
    if (!Id)
      continue;
    switch (Ev.Op) {
    case LockOp::Acquire:
    case LockOp::TryAcquire:
      Steps.push_back({Step::Acquire, *Id, 0, Loc});
      break;
    case LockOp::Release:
      Steps.push_back({Step::Release, *Id, 0, Loc});
      break;
    case LockOp::Detach:
      if (auto It = GuardMutex.find(*Id); It != GuardMutex.end())
        Steps.push_back({Step::Detach, It->second, *Id, Loc});
      else
        Steps.push_back({Step::Release, *Id, 0, Loc});
      break;
    case LockOp::Swap:
      if (std::optional<unsigned> Other = lockId(Ev.Other, true))
        Steps.push_back({Step::Swap, *Id, *Other, Loc});
      break;
    }
  }
}

void Analysis::describe(const CFGElement &E, std::vector<Step> &Steps) {
  if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
    LockPath P;
    P.Decls.push_back(D->getVarDecl()->getCanonicalDecl());
    if (auto It = Ids.find(P); It != Ids.end())
      Steps.push_back({Step::Release, It->second, 0, {}});
    return;
  }
  if (auto L = E.getAs<CFGLifetimeEnds>()) {
    LockPath P;
    P.Decls.push_back(L->getVarDecl()->getCanonicalDecl());
    if (auto It = Ids.find(P); It != Ids.end())
      Steps.push_back({Step::Release, It->second, 0, {}});
    return;
  }
  auto S = E.getAs<CFGStmt>();
  if (!S)
    return;
  const Stmt *St = S->getStmt();
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        describeGuardVar(*V, Steps);
    return;
  }
  if (isExplicitSuspension(*St)) {
    const auto *X = cast<Expr>(St);
    if (Suspensions.maySuspend(*X)) {
      Step Suspend{Step::Suspend, 0, 0, X->getBeginLoc(), X};
      handedLocks(*X, Suspend.Handed);
      Steps.push_back(std::move(Suspend));
    }
    return;
  }
  if (isa<CallExpr>(St) || isa<CXXStaticCastExpr>(St))
    describeCall(*cast<Expr>(St), Steps);
}

// The guards an awaited call takes as arguments (by reference or pointer):
// an asynchronous condition variable's `wait(lock, pred)`, or an awaiter
// constructed from the guard, owns the lock while the coroutine is
// suspended. Their mutexes are handed over with them.
void Analysis::handedLocks(const Expr &Suspension, llvm::SmallVectorImpl<unsigned> &Out) {
  const Expr *Awaited = getAwaitedExpr(Suspension);
  if (!Awaited)
    return;
  forEachOwnStmt(Awaited, [&](const Stmt &S) {
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    else
      return true;
    for (const Expr *Arg : Args) {
      QualType T = Arg->getType();
      if (const auto *P = T->getAs<PointerType>())
        T = P->getPointeeType();
      if (!Model.isGuardType(T)) {
        handedMutex(*Arg, Out);
        continue;
      }
      if (std::optional<unsigned> Id = lockId(Arg, true)) {
        Out.push_back(*Id);
        if (auto It = GuardMutex.find(*Id); It != GuardMutex.end())
          Out.push_back(It->second);
      }
    }
    return true;
  });
}

// A mutex a guard holds, passed itself to the awaited call (async_simple's
// `co_await cv.wait(mutex, pred)` unlocks it while suspended and locks it
// again before resuming): its guards are handed over with it.
void Analysis::handedMutex(const Expr &Arg, llvm::SmallVectorImpl<unsigned> &Out) {
  std::optional<LockPath> P = getObjectPath(&Arg);
  if (!P)
    return;
  for (bool Shared : {false, true}) {
    P->Shared = Shared;
    auto Known = Ids.find(*P);
    if (Known == Ids.end())
      continue;
    bool Guarded = false;
    for (const auto &[Guard, Mutex] : GuardMutex)
      if (Mutex == Known->second) {
        Out.push_back(Guard);
        Guarded = true;
      }
    if (Guarded)
      Out.push_back(Known->second);
  }
}

void Analysis::apply(const Step &S, LockState &State, bool Record) {
  auto Slot = [&](unsigned Id) -> Sites & {
    if (Id >= State.size())
      State.resize(Locks.size());
    return State[Id];
  };
  switch (S.K) {
  case Step::Acquire:
    Slot(S.A) = {S.Loc};
    break;
  case Step::Release:
    Slot(S.A).clear();
    break;
  case Step::Move: {
    Sites From = Slot(S.B);
    Slot(S.B).clear();
    Slot(S.A) = std::move(From);
    break;
  }
  case Step::Detach: {
    Sites From = Slot(S.B);
    Slot(S.B).clear();
    addSites(Slot(S.A), From);
    break;
  }
  case Step::Swap:
    Slot(S.A);
    Slot(S.B);
    std::swap(State[S.A], State[S.B]);
    break;
  case Step::Suspend:
    if (Record)
      for (unsigned Id = 0; Id < State.size(); ++Id)
        if (!State[Id].empty() && !llvm::is_contained(S.Handed, Id))
          Findings.push_back({S.Suspension, S.Loc, Id, State[Id]});
    break;
  }
}

bool Analysis::run(const FunctionDecl &Coroutine) {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddLifetime = true;
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Coroutine, Body.getBody(), &Ctx, Options);
  if (!Graph)
    return false;

  // Guard parameters hold their lock from the start.
  std::vector<Step> EntrySteps;
  for (const ParmVarDecl *P : Coroutine.parameters())
    if (!P->getType()->isReferenceType() && Model.isGuardType(P->getType())) {
      LockPath Path;
      Path.Decls.push_back(P->getCanonicalDecl());
      EntrySteps.push_back(
          {Step::Acquire, lockIdForPath(Path, true, P->getName(), P->getLocation()), 0,
           P->getLocation()});
    }

  // What each block does, worked out once (in CFG order: a guard's mutex is
  // known before its release() is seen).
  unsigned N = Graph->getNumBlockIDs();
  std::vector<std::vector<Step>> Steps(N);
  std::vector<std::optional<EdgeKill>> Kills(N);
  bool AnySuspension = false;
  for (const CFGBlock *B : llvm::reverse(*Graph)) {
    if (!B)
      continue;
    for (const CFGElement &E : *B)
      describe(E, Steps[B->getBlockID()]);
    for (const Step &S : Steps[B->getBlockID()])
      AnySuspension |= S.K == Step::Suspend;
    if (B->succ_size() != 2)
      continue;
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    if (!Cond)
      continue;
    if (auto T = Model.classifyTest(Cond))
      if (std::optional<unsigned> Id = lockId(T->Object, T->IsGuard, T->Shared))
        Kills[B->getBlockID()] = EdgeKill{*Id, T->HeldWhenTrue ? 1u : 0u};
  }
  if (Locks.empty())
    return true;

  // Fixpoint over block entry states (a worklist in CFG order).
  std::vector<std::optional<LockState>> In(N);
  const CFGBlock &Entry = Graph->getEntry();
  In[Entry.getBlockID()] = LockState(Locks.size());
  for (const Step &S : EntrySteps)
    apply(S, *In[Entry.getBlockID()], false);
  std::vector<bool> Queued(N, false);
  std::vector<const CFGBlock *> Work{&Entry};
  Queued[Entry.getBlockID()] = true;
  auto Out = [&](const CFGBlock &B, bool Record) {
    LockState State = *In[B.getBlockID()];
    State.resize(Locks.size());
    for (const Step &S : Steps[B.getBlockID()])
      apply(S, State, Record);
    return State;
  };
  unsigned Budget = 50 * N + 100; // a safety net: the lattice is finite
  while (!Work.empty() && Budget--) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    LockState State = Out(*B, false);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned I = Index++;
      const CFGBlock *S = Succ.getReachableBlock();
      if (!S)
        continue;
      LockState Edge = State;
      if (const auto &K = Kills[B->getBlockID()]; K && K->Successor == I)
        Edge[K->Lock].clear();
      std::optional<LockState> &Target = In[S->getBlockID()];
      bool Changed = false;
      if (!Target) {
        Target = std::move(Edge);
        Changed = true;
      } else {
        Target->resize(Locks.size());
        for (unsigned L = 0; L < Edge.size(); ++L) {
          size_t Before = (*Target)[L].size();
          addSites((*Target)[L], Edge[L]);
          Changed |= (*Target)[L].size() != Before;
        }
      }
      if (Changed && !Queued[S->getBlockID()]) {
        Queued[S->getBlockID()] = true;
        Work.push_back(S);
      }
    }
  }

  // Suspension points, with the converged states.
  if (AnySuspension)
    for (const CFGBlock *B : *Graph)
      if (B && In[B->getBlockID()])
        Out(*B, true);

  // Manual locks still held when the body finishes outlive it: they stay
  // locked through the final suspension.
  const CFGBlock &Exit = Graph->getExit();
  for (const CFGBlock::AdjacentBlock &Pred : Exit.preds()) {
    const CFGBlock *P = Pred.getReachableBlock();
    if (!P || !In[P->getBlockID()])
      continue;
    if (P->getTerminatorStmt() && isa<CXXThrowExpr>(P->getTerminatorStmt()))
      continue;
    const CoreturnStmt *Return = nullptr;
    for (const CFGElement &E : *P)
      if (auto S = E.getAs<CFGStmt>())
        if (const auto *R = dyn_cast<CoreturnStmt>(S->getStmt()))
          Return = R;
    bool Throws = false;
    for (const CFGElement &E : *P)
      if (auto S = E.getAs<CFGStmt>())
        Throws |= isa<CXXThrowExpr>(S->getStmt());
    if (Throws)
      continue;
    LockState State = Out(*P, false);
    // A branch straight to the exit (`if (trylock(...) == 0) {...}` at the
    // end of the body) still says whether its lock is held.
    if (const auto &K = Kills[P->getBlockID()]) {
      bool OnlyWhereNotHeld = true;
      unsigned I = 0;
      for (const CFGBlock::AdjacentBlock &Succ : P->succs()) {
        OnlyWhereNotHeld &= Succ.getReachableBlock() != &Exit || K->Successor == I;
        ++I;
      }
      if (OnlyWhereNotHeld)
        State[K->Lock].clear();
    }
    SourceLocation Loc = Return ? Return->getBeginLoc() : Body.getBody()->getEndLoc();
    for (unsigned Id = 0; Id < State.size(); ++Id)
      if (!State[Id].empty() && !Locks[Id].IsGuard)
        Findings.push_back({nullptr, Loc, Id, State[Id]});
  }
  return true;
}

} // namespace

void LockHeldAcrossSuspendCheck::check(const MatchFinder::MatchResult &Result) {
  Async.startTranslationUnit(*Result.Context);
  // The guard and mutex lists: the options' plus the active profiles'.
  std::string Frameworks = "+" + Async.activeFrameworks();
  if (Frameworks != LockFrameworks) {
    LockFrameworks = Frameworks;
    auto Joined = [](const NameList &L) {
      std::string Out;
      for (const std::string &N : L.names())
        Out += N + ";";
      return Out;
    };
    Model = LockModel(Joined(Async.names(Vocabulary::GuardTypes)),
                      Joined(Async.names(Vocabulary::MutexTypes)));
  }
  forEachUserCoroutine(*Result.Context,
                       [&](const FunctionDecl &Coroutine, const CoroutineBodyStmt &Body) {
                         // A synchronous generator suspends at co_yield
                         // back to its consumer, on the same thread.
                         if (Async.kindOf(Coroutine, Body) == CoroutineKind::Task)
                           checkCoroutine(&Coroutine, &Body, *Result.Context);
                       });
}

void LockHeldAcrossSuspendCheck::checkCoroutine(const FunctionDecl *Coroutine, const CoroutineBodyStmt *Body,
                        ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Body || !Body->getBody() || SM.isInSystemHeader(Body->getBeginLoc()))
    return;
  if (!Coroutine || Coroutine->isDependentContext() || Coroutine->isInvalidDecl())
    return;

  // Pre-scan: only a body that suspends and takes a lock (or takes a manual
  // lock that may outlive it) needs a CFG.
  bool Suspends = false, Locks = false, ManualLock = false;
  for (const ParmVarDecl *P : Coroutine->parameters())
    Locks |= !P->getType()->isReferenceType() && Model.isGuardType(P->getType());
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (isExplicitSuspension(S)) {
      Suspends |= Suspensions.maySuspend(cast<Expr>(S));
      return true;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          Locks |= Model.isGuardType(V->getType());
    } else if (isa<CallExpr>(S)) {
      for (const LockEvent &Ev : Model.classifyCall(cast<Expr>(S))) {
        Locks = true;
        ManualLock |= !Ev.IsGuard || Ev.Op == LockOp::Detach;
      }
    }
    return true;
  });
  if (!Locks || !(Suspends || ManualLock))
    return;

  Analysis A(Model, Suspensions, *Body, Ctx);
  if (!A.run(*Coroutine))
    return;
  std::string Where = describeCallable(*Coroutine);
  for (const Analysis::Finding &F : A.findings()) {
    const LockInfo &L = A.lock(F.Lock);
    SourceLocation Loc = SM.getExpansionLoc(F.Loc);
    if (!firstReport(Loc, L.Name))
      continue;
    if (F.Suspension)
      diag(Loc, "%select{mutex|lock guard}0 '%1' is held across '%2' in coroutine %3; "
                "release it before suspending or use an asynchronous mutex")
          << L.IsGuard << L.Name << (isa<CoyieldExpr>(F.Suspension) ? "co_yield" : "co_await")
          << Where;
    else
      diag(Loc, "mutex '%0' is still locked when coroutine %1 finishes and stays "
                "locked across its final suspension")
          << L.Name << Where;
    Sites Taken = F.Taken;
    llvm::sort(Taken, [&](SourceLocation X, SourceLocation Y) {
      return SM.isBeforeInTranslationUnit(X, Y);
    });
    for (SourceLocation T : Taken)
      if (T.isValid())
        diag(SM.getExpansionLoc(T), "%select{locked|lock acquired}0 here",
             DiagnosticIDs::Note)
            << L.IsGuard;
  }
}

} // namespace clang::tidy::async
