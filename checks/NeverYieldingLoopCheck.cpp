//===--- NeverYieldingLoopCheck.cpp - async-never-yielding-loop -----------===//

#include "NeverYieldingLoopCheck.h"
#include "utils/Coroutines.h"
#include "utils/Loops.h"
#include "utils/UserCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral MinTripCountKey = "MinTripCount";
static constexpr llvm::StringLiteral AllowedAwaitablesKey = "AllowedAwaitablesList";

NeverYieldingLoopCheck::NeverYieldingLoopCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MinTripCount(Options.get(MinTripCountKey, 100000ULL)),
      AllowedAwaitablesOption(
          Options.get(AllowedAwaitablesKey, DefaultAllowedAwaitables).str()),
      Suspensions(AllowedAwaitablesOption),
      Model(Options, {Vocabulary::GuardTypes, Vocabulary::MutexTypes,
                      Vocabulary::SyncGeneratorTypes, Vocabulary::BlockingExecutors,
                      Vocabulary::HopFunctions}),
      Locks(DefaultGuardTypes, DefaultMutexTypes) {}

void NeverYieldingLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, MinTripCountKey, MinTripCount);
  Options.store(Opts, AllowedAwaitablesKey, AllowedAwaitablesOption);
  Model.storeOptions(Options, Opts);
}

void NeverYieldingLoopCheck::onStartOfTranslationUnit() {
  Reported.clear();
  Locks.startTranslationUnit();
}

void NeverYieldingLoopCheck::registerMatchers(MatchFinder *Finder) {
  // One match per TU: loops are examined per coroutine of the user's code
  // (see UserCode.h), never matched one by one.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

namespace {

bool isLoop(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

const Expr *conditionOf(const Stmt &Loop) {
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getCond();
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getCond();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getCond();
  return nullptr;
}

const Stmt *bodyOf(const Stmt &Loop) {
  if (const auto *F = dyn_cast<ForStmt>(&Loop))
    return F->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(&Loop))
    return D->getBody();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop))
    return R->getBody();
  return nullptr;
}

// Anything that leaves the loop from inside: a break that belongs to it, a
// return, co_return, throw, goto, or a call that does not return.
bool hasExit(const Stmt *S, bool BreakLeaves) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt, IndirectGotoStmt>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *F = Call->getDirectCallee(); F && F->isNoReturn())
      return true;
  if (isa<LambdaExpr, BlockExpr>(S))
    return false;
  bool Nested = isLoop(*S) || isa<SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (hasExit(Child, BreakLeaves && !Nested))
      return true;
  return false;
}

bool isStdAtomic(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !RD->isInStdNamespace())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "atomic" || N == "atomic_flag" || N == "atomic_ref" ||
         N == "__atomic_base" || N == "__atomic_float" || N == "__atomic_ref";
}

bool isPrefix(const LockPath &Prefix, const LockPath &Of) {
  return Prefix.Decls.size() <= Of.Decls.size() &&
         std::equal(Prefix.Decls.begin(), Prefix.Decls.end(), Of.Decls.begin());
}

// Calls a spinning body may make without changing anything: pause hints.
bool isSpinHint(const CallExpr &Call) {
  const FunctionDecl *F = Call.getDirectCallee();
  if (!F || !F->getIdentifier())
    return false;
  llvm::StringRef N = F->getName();
  if (N == "yield" && F->isInStdNamespace())
    return true;
  return N == "_mm_pause" || N == "__builtin_ia32_pause" || N == "sched_yield" ||
         N == "__yield" || N == "cpu_relax";
}

// What a loop condition reads.
struct ConditionReads {
  llvm::SmallVector<std::pair<LockPath, const Expr *>, 2> Watched; // atomics, volatiles, flags
  bool Atomic = false, Volatile = false, TryLock = false;
  bool OtherCalls = false;
};

// What a loop body does.
struct BodyEffects {
  llvm::SmallVector<LockPath, 4> Written;
  bool Calls = false;  // calls other than spin hints and reads of atomics
};

} // namespace

static bool isAtomicRead(const CXXMemberCallExpr &MC) {
  if (!isStdAtomic(MC.getObjectType()))
    return false;
  const CXXMethodDecl *M = MC.getMethodDecl();
  if (!M)
    return false;
  if (isa<CXXConversionDecl>(M))
    return true;
  return M->getIdentifier() && (M->getName() == "load" || M->getName() == "test");
}

// The object a member call is made on, as written: for `p->load()` on a smart
// pointer, `p` rather than the `p.operator->()` call (whose text ends in `->`).
static const Expr *objectOf(const CXXMemberCallExpr &MC) {
  const Expr *E = MC.getImplicitObjectArgument();
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
    return Op->getArg(0);
  return E;
}

static void collectReads(const Expr *Cond, const LockModel &Locks, ConditionReads &R) {
  forEachOwnStmt(Cond, [&](const Stmt &S) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&S)) {
      if (isAtomicRead(*MC)) {
        R.Atomic = true;
        if (auto P = getObjectPath(MC->getImplicitObjectArgument()))
          R.Watched.push_back({*P, objectOf(*MC)});
        return false;
      }
      if (Locks.isTryLockCall(*MC)) {
        R.TryLock = true;
        if (auto P = getObjectPath(MC->getImplicitObjectArgument()))
          R.Watched.push_back({*P, objectOf(*MC)});
        return false;
      }
      R.OtherCalls = true; // e.g. Queue.empty(): it reports on the body's work
      return false;
    }
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      if (Locks.isTryLockCall(*Call)) {
        R.TryLock = true;
        if (Call->getNumArgs() > 0)
          if (auto P = getObjectPath(Call->getArg(0)))
            R.Watched.push_back({*P, Call->getArg(0)});
        return false;
      }
      R.OtherCalls = true;
      return false;
    }
    if (isa<CXXConstructExpr>(&S)) {
      R.OtherCalls = true;
      return false;
    }
    if (isa<DeclRefExpr>(&S) || isa<MemberExpr>(&S)) {
      const auto *E = cast<Expr>(&S);
      const ValueDecl *D = isa<DeclRefExpr>(E) ? cast<DeclRefExpr>(E)->getDecl()
                                               : cast<MemberExpr>(E)->getMemberDecl();
      if (!isa<VarDecl, FieldDecl>(D))
        return true;
      QualType T = E->getType();
      if (const auto *V = dyn_cast<VarDecl>(D); V && V->isConstexpr())
        return false;
      if (T.isConstQualified() && !T.isVolatileQualified())
        return false;
      if (!T->isScalarType())
        return true;
      if (auto P = getObjectPath(E)) {
        R.Watched.push_back({*P, E});
        R.Volatile |= T.isVolatileQualified();
      }
      return false;
    }
    return true;
  });
}

static void recordWrite(const Expr *E, BodyEffects &B) {
  if (auto P = getObjectPath(E))
    B.Written.push_back(*P);
}

static void collectEffects(const Stmt *Body, BodyEffects &B) {
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(&S); BO && BO->isAssignmentOp())
      recordWrite(BO->getLHS(), B);
    else if (const auto *U = dyn_cast<UnaryOperator>(&S);
             U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
      recordWrite(U->getSubExpr(), B);
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&S)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (!M || !M->isConst())
        recordWrite(MC->getImplicitObjectArgument(), B);
      if (!isAtomicRead(*MC) && !(M && M->isConst()))
        B.Calls = true;
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
      if (Op->getNumArgs() > 0)
        recordWrite(Op->getArg(0), B);
      B.Calls = true;
    } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      if (!isSpinHint(*Call))
        B.Calls = true;
      // An argument bound to a non-const reference may be written.
      if (const FunctionDecl *F = Call->getDirectCallee())
        for (unsigned I = 0; I < Call->getNumArgs() && I < F->getNumParams(); ++I) {
          QualType PT = F->getParamDecl(I)->getType();
          if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified())
            recordWrite(Call->getArg(I), B);
        }
    } else if (isa<CXXConstructExpr>(&S)) {
      // Constructing a local object: harmless unless it takes a reference.
      const auto *C = cast<CXXConstructExpr>(&S);
      if (!C->getConstructor()->isTrivial())
        B.Calls = true;
    }
    return true;
  });
}

static std::optional<llvm::APSInt> constantOf(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt();
}

static const VarDecl *refersTo(const Expr *E) {
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr))
    return dyn_cast<VarDecl>(D->getDecl());
  return nullptr;
}

// The constant number of iterations of a counted loop, if it has one.
static std::optional<unsigned long long> tripCount(const Stmt &Loop, const ASTContext &Ctx) {
  if (const auto *R = dyn_cast<CXXForRangeStmt>(&Loop)) {
    QualType T = R->getRangeInit() ? R->getRangeInit()->getType().getNonReferenceType()
                                   : QualType();
    if (T.isNull())
      return std::nullopt;
    if (const auto *A = Ctx.getAsConstantArrayType(T))
      return A->getSize().getZExtValue();
    if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            T->getAsCXXRecordDecl()))
      if (Spec->isInStdNamespace() && Spec->getName() == "array" &&
          Spec->getTemplateArgs().size() == 2 &&
          Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
        return Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
    return std::nullopt;
  }
  const auto *F = dyn_cast<ForStmt>(&Loop);
  if (!F || !F->getInit() || !F->getCond() || !F->getInc())
    return std::nullopt;
  // for (T I = Start; I < End; ++I)
  const VarDecl *Var = nullptr;
  std::optional<llvm::APSInt> Start;
  if (const auto *DS = dyn_cast<DeclStmt>(F->getInit()); DS && DS->isSingleDecl()) {
    Var = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (Var)
      Start = constantOf(Var->getInit(), Ctx);
  } else if (const auto *A = dyn_cast<BinaryOperator>(F->getInit());
             A && A->getOpcode() == BO_Assign) {
    Var = refersTo(A->getLHS());
    Start = constantOf(A->getRHS(), Ctx);
  }
  if (!Var || !Start || !Var->getType()->isIntegerType())
    return std::nullopt;
  const auto *Cmp = dyn_cast<BinaryOperator>(F->getCond()->IgnoreParenImpCasts());
  if (!Cmp || !Cmp->isComparisonOp())
    return std::nullopt;
  BinaryOperatorKind Op = Cmp->getOpcode();
  std::optional<llvm::APSInt> End;
  if (refersTo(Cmp->getLHS()) == Var) {
    End = constantOf(Cmp->getRHS(), Ctx);
  } else if (refersTo(Cmp->getRHS()) == Var) {
    End = constantOf(Cmp->getLHS(), Ctx);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (!End)
    return std::nullopt;
  __int128 Step = 0;
  const Expr *Inc = F->getInc()->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(Inc); U && refersTo(U->getSubExpr()) == Var)
    Step = U->isIncrementOp() ? 1 : U->isDecrementOp() ? -1 : 0;
  else if (const auto *C = dyn_cast<CompoundAssignOperator>(Inc);
           C && refersTo(C->getLHS()) == Var)
    if (auto K = constantOf(C->getRHS(), Ctx))
      Step = C->getOpcode() == BO_AddAssign   ? (__int128)K->getExtValue()
             : C->getOpcode() == BO_SubAssign ? -(__int128)K->getExtValue()
                                              : 0;
  if (Step == 0)
    return std::nullopt;
  __int128 S = Start->getExtValue(), E = End->getExtValue();
  __int128 Span;
  if (Step > 0 && (Op == BO_LT || Op == BO_NE))
    Span = E - S;
  else if (Step > 0 && Op == BO_LE)
    Span = E - S + 1;
  else if (Step < 0 && (Op == BO_GT || Op == BO_NE))
    Span = S - E;
  else if (Step < 0 && Op == BO_GE)
    Span = S - E + 1;
  else
    return std::nullopt;
  if (Span <= 0)
    return 0;
  __int128 Abs = Step < 0 ? -Step : Step;
  if (Op == BO_NE && Span % Abs != 0)
    return std::nullopt; // steps over the end: not a counted loop
  return (unsigned long long)((Span + Abs - 1) / Abs);
}

// The iterations a loop nest runs: its own count times the largest count of
// the loops directly inside it (a nested loop without a constant count
// counts once).
static std::optional<unsigned long long> nestWork(const Stmt &Loop, const ASTContext &Ctx) {
  std::optional<unsigned long long> Own = tripCount(Loop, Ctx);
  if (!Own)
    return std::nullopt;
  unsigned long long Inner = 1;
  forEachOwnStmt(bodyOf(Loop), [&](const Stmt &S) {
    if (!isLoop(S))
      return true;
    if (auto W = nestWork(S, Ctx))
      Inner = std::max(Inner, *W);
    return false;
  });
  unsigned long long Total;
  if (__builtin_mul_overflow(*Own, Inner, &Total))
    return ~0ULL;
  return Total;
}

static std::string joined(const NameList &L) {
  std::string Out;
  for (const std::string &N : L.names())
    Out += N + ";";
  return Out;
}

void NeverYieldingLoopCheck::check(const MatchFinder::MatchResult &Result) {
  Model.startTranslationUnit(*Result.Context);
  // The user's lock lists (and the profiles'), as the lock check reads them.
  std::string Frameworks = "+" + Model.activeFrameworks();
  if (Frameworks != LockFrameworks) {
    LockFrameworks = Frameworks;
    Locks = LockModel(joined(Model.names(Vocabulary::GuardTypes)),
                      joined(Model.names(Vocabulary::MutexTypes)));
  }
  forEachUserCoroutine(*Result.Context,
                       [&](const FunctionDecl &Coroutine, const CoroutineBodyStmt &Body) {
                         if (Model.kindOf(Coroutine, Body) == CoroutineKind::Task)
                           checkCoroutine(&Coroutine, &Body, *Result.Context);
                       });
}

void NeverYieldingLoopCheck::checkCoroutine(const FunctionDecl *Coroutine, const CoroutineBodyStmt *Body,
                        ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Body || SM.isInSystemHeader(Body->getBeginLoc()))
    return;
  if (!Coroutine || Coroutine->isDependentContext())
    return;

  auto MaySuspend = [&](const Stmt *Root) {
    bool Found = false;
    forEachOwnStmt(Root, [&](const Stmt &S) {
      if (Found)
        return false;
      if (isExplicitSuspension(S) && Suspensions.maySuspend(cast<Expr>(S)))
        Found = true;
      return !Found;
    });
    return Found;
  };
  std::string Where = describeCallable(*Coroutine);
  auto Text = [&](const Expr *E) {
    CharSourceRange R = CharSourceRange::getTokenRange(E->getSourceRange());
    return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  };

  Model.forEachOwnStmtWithExecutor(Body, [&](const Stmt &Loop, bool OffExecutor) {
    if (OffExecutor)
      return true; // CPU work on a pool meant for it
    if (!isLoop(Loop) || MaySuspend(&Loop) || isNeverRepeatingLoop(Loop, Ctx))
      return true; // look for loops inside
    SourceLocation Loc = SM.getExpansionLoc(Loop.getBeginLoc());
    const Expr *Cond = conditionOf(Loop);
    const Stmt *LoopBody = bodyOf(Loop);
    bool Exits = hasExit(LoopBody, /*BreakLeaves=*/true);
    const char *Remedy = "; yield to the executor in the loop or move the work to a "
                         "thread pool";

    // Spinning: the condition re-reads what only another thread can change.
    if (Cond && !Exits) {
      ConditionReads Reads;
      collectReads(Cond, Locks, Reads);
      BodyEffects Effects;
      collectEffects(LoopBody, Effects);
      if (const auto *F = dyn_cast<ForStmt>(&Loop); F && F->getInc())
        collectEffects(F->getInc(), Effects);
      // A scalar the condition advances itself (`while (next++ != end)`) is
      // a counter, not something another thread must change. (A call in the
      // condition, `m.try_lock()`, is what a spin re-tries.)
      forEachOwnStmt(Cond, [&](const Stmt &S) {
        if (const auto *U = dyn_cast<UnaryOperator>(&S);
            U && U->isIncrementDecrementOp() && U->getSubExpr()->getType()->isScalarType())
          recordWrite(U->getSubExpr(), Effects);
        else if (const auto *BO = dyn_cast<BinaryOperator>(&S);
                 BO && BO->isAssignmentOp() && BO->getLHS()->getType()->isScalarType())
          recordWrite(BO->getLHS(), Effects);
        return true;
      });
      bool Unchanged = !Reads.Watched.empty() && !Reads.OtherCalls;
      for (const auto &[Path, E] : Reads.Watched)
        for (const LockPath &W : Effects.Written)
          Unchanged &= !isPrefix(W, Path);
      // A plain flag could be changed by any function the body calls.
      bool OnlyPlain = !Reads.Atomic && !Reads.Volatile && !Reads.TryLock;
      if (Unchanged && !(OnlyPlain && Effects.Calls)) {
        if (Reported.insert(Loc.getRawEncoding()).second)
          diag(Loc, "loop in coroutine %0 busy-waits on '%1' without suspending%2")
              << Where << Text(Reads.Watched.front().second)
              << (Twine(Remedy)).str();
        return false;
      }
    }

    // No exit at all.
    bool AlwaysTrue = !Cond || [&] {
      bool Value = false;
      return !Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx) &&
             Value;
    }();
    if (AlwaysTrue && !isa<CXXForRangeStmt>(Loop) && !Exits) {
      if (Reported.insert(Loc.getRawEncoding()).second)
        diag(Loc, "loop in coroutine %0 has no exit and never suspends%1")
            << Where << (Twine(Remedy)).str();
      return false;
    }

    // A long counted loop (nest).
    if (auto Work = nestWork(Loop, Ctx); Work && *Work >= MinTripCount) {
      if (Reported.insert(Loc.getRawEncoding()).second)
        diag(Loc, "loop in coroutine %0 runs %1 iterations without suspending%2")
            << Where << std::to_string(*Work) << (Twine(Remedy)).str();
      return false;
    }
    return true;
  });
}

} // namespace clang::tidy::async
