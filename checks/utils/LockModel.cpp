//===--- LockModel.cpp - what a statement does to synchronous locks -------===//

#include "LockModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::async {

const llvm::StringLiteral DefaultGuardTypes =
    "::std::lock_guard;::std::scoped_lock;::std::unique_lock;::std::shared_lock;"
    "::boost::lock_guard;::boost::unique_lock;::boost::shared_lock;"
    "::boost::upgrade_lock;::boost::shared_lock_guard;::boost::strict_lock;"
    "::boost::interprocess::scoped_lock;::boost::interprocess::sharable_lock";

const llvm::StringLiteral DefaultMutexTypes =
    "::std::mutex;::std::recursive_mutex;::std::timed_mutex;"
    "::std::recursive_timed_mutex;::std::shared_mutex;::std::shared_timed_mutex;"
    "::boost::mutex;::boost::recursive_mutex;::boost::timed_mutex;"
    "::boost::recursive_timed_mutex;::boost::shared_mutex;::boost::upgrade_mutex;"
    "::boost::interprocess::interprocess_mutex";

LockModel::LockModel(llvm::StringRef GuardTypes, llvm::StringRef MutexTypes)
    : GuardTypes(GuardTypes), MutexTypes(MutexTypes) {}

static const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  return T->getAsCXXRecordDecl();
}

static bool listed(const CXXRecordDecl &RD, const NameList &List) {
  if (List.contains(RD))
    return true;
  // A specialisation is listed through its template.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD))
    return List.contains(*Spec->getSpecializedTemplate());
  return false;
}

LockModel::Kind LockModel::kindOf(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return Neither;
  const CXXRecordDecl *Key = RD->getCanonicalDecl();
  auto [It, Inserted] = Kinds.try_emplace(Key, Neither);
  if (!Inserted)
    return It->second;
  Kind K = Neither;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def; // attributes sit on the definition
  if (RD->hasAttr<ScopedLockableAttr>() || listed(*RD, GuardTypes))
    K = Guard;
  else if (RD->hasAttr<CapabilityAttr>() || listed(*RD, MutexTypes))
    K = Mutex;
  Kinds[Key] = K;
  return K;
}

bool LockModel::isGuardType(QualType T) const { return kindOf(T) == Guard; }
bool LockModel::isMutexType(QualType T) const { return kindOf(T) == Mutex; }

static const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)) {
      E = U->getSubExpr();
      continue;
    }
    // A smart pointer's `*p` and `p->` denote the object p points to, as the
    // built-in operators do for a raw pointer.
    if (const auto *C = dyn_cast<CXXOperatorCallExpr>(E);
        C && (C->getOperator() == OO_Star || C->getOperator() == OO_Arrow) &&
        C->getNumArgs() == 1) {
      E = C->getArg(0);
      continue;
    }
    if (const auto *W = dyn_cast<ExprWithCleanups>(E)) {
      E = W->getSubExpr();
      continue;
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
      continue;
    }
    return E;
  }
  return E;
}

// How many local references are followed (`auto &A = B; auto &B = S.M;`).
static constexpr unsigned MaxAliasDepth = 4;

static std::optional<LockPath> objectPath(const Expr *E, unsigned Depth) {
  LockPath P;
  E = strip(E);
  // Collect from the outermost member down to the base, then reverse.
  while (E) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      P.Decls.push_back(M->getMemberDecl()->getCanonicalDecl());
      E = strip(M->getBase());
      continue;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      // A local reference (`auto &M = S.Mu;`) or a constant pointer
      // (`auto *const M = &S.Mu;`) names the storage it is bound to: a lock
      // is named by where it lives, not by the name used for it.
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl());
          V && Depth < MaxAliasDepth && V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
          V->getInit() &&
          (V->getType()->isReferenceType() ||
           (V->getType()->isPointerType() && V->getType().isConstQualified())))
        if (std::optional<LockPath> Bound = objectPath(V->getInit(), Depth + 1)) {
          std::reverse(P.Decls.begin(), P.Decls.end());
          Bound->Decls.append(P.Decls.begin(), P.Decls.end());
          return Bound;
        }
      P.Decls.push_back(D->getDecl()->getCanonicalDecl());
      break;
    }
    if (isa<CXXThisExpr>(E)) {
      P.Decls.push_back(nullptr);
      break;
    }
    return std::nullopt; // a temporary, a call result, an array element...
  }
  if (P.Decls.empty())
    return std::nullopt;
  std::reverse(P.Decls.begin(), P.Decls.end());
  return P;
}

std::optional<LockPath> getObjectPath(const Expr *E) { return objectPath(E, 0); }

static bool nameIs(const NamedDecl *D, std::initializer_list<llvm::StringRef> Names) {
  if (!D || !D->getIdentifier())
    return false;
  llvm::StringRef N = D->getName();
  return llvm::is_contained(Names, N);
}

// The lock operation a function name lists say it is. (Lists, not StringSwitch::Cases: LLVM 22
// deprecates the variadic Cases for an initializer-list one that LLVM 19 lacks.)
static std::optional<LockOp> opOf(llvm::StringRef Name,
                                  llvm::ArrayRef<llvm::StringLiteral> Acquires,
                                  llvm::ArrayRef<llvm::StringLiteral> TryAcquires,
                                  llvm::ArrayRef<llvm::StringLiteral> Releases) {
  if (llvm::is_contained(Acquires, Name))
    return LockOp::Acquire;
  if (llvm::is_contained(TryAcquires, Name))
    return LockOp::TryAcquire;
  if (llvm::is_contained(Releases, Name))
    return LockOp::Release;
  return std::nullopt;
}

// A C library lock function: its operation and whether it is a try.
static std::optional<LockOp> cLockOp(const FunctionDecl *F) {
  if (!F || !F->getIdentifier() || !isCLibraryFunction(*F))
    return std::nullopt;
  static constexpr llvm::StringLiteral Acquires[] = {
      "pthread_mutex_lock", "pthread_rwlock_rdlock", "pthread_rwlock_wrlock",
      "pthread_spin_lock", "mtx_lock"};
  static constexpr llvm::StringLiteral TryAcquires[] = {
      "pthread_mutex_trylock", "pthread_mutex_timedlock", "pthread_rwlock_tryrdlock",
      "pthread_rwlock_trywrlock", "pthread_spin_trylock", "mtx_trylock", "mtx_timedlock"};
  static constexpr llvm::StringLiteral Releases[] = {
      "pthread_mutex_unlock", "pthread_rwlock_unlock", "pthread_spin_unlock", "mtx_unlock"};
  return opOf(F->getName(), Acquires, TryAcquires, Releases);
}

static bool inStdOrBoost(const FunctionDecl *F) {
  const DeclContext *DC = F->getDeclContext()->getEnclosingNamespaceContext();
  while (DC && !DC->isTranslationUnit()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && !NS->isInlineNamespace() && NS->getParent()->isTranslationUnit())
      return NS->getName() == "std" || NS->getName() == "boost";
    DC = DC->getParent();
  }
  return false;
}

llvm::SmallVector<LockEvent, 2> LockModel::classifyCall(const Expr &E) const {
  llvm::SmallVector<LockEvent, 2> Events;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(&E)) {
    const CXXMethodDecl *Method = MC->getMethodDecl();
    const Expr *Object = MC->getImplicitObjectArgument();
    if (!Method || !Object || !Method->getIdentifier())
      return Events;
    QualType ObjectType = MC->getObjectType();
    llvm::StringRef Name = Method->getName();
    if (isGuardType(ObjectType)) {
      std::optional<LockOp> Op =
          llvm::StringSwitch<std::optional<LockOp>>(Name)
              .Case("lock", LockOp::Acquire)
              .Case("try_lock", LockOp::TryAcquire)
              .Case("try_lock_for", LockOp::TryAcquire)
              .Case("try_lock_until", LockOp::TryAcquire)
              .Case("unlock", LockOp::Release)
              .Case("release", LockOp::Detach)
              .Case("swap", LockOp::Swap)
              .Default(std::nullopt);
      if (Op) {
        LockEvent Ev{*Op, Object, /*IsGuard=*/true};
        if (*Op == LockOp::Swap && MC->getNumArgs() == 1)
          Ev.Other = MC->getArg(0);
        if (*Op != LockOp::Swap || Ev.Other)
          Events.push_back(Ev);
      }
      return Events;
    }
    if (isMutexType(ObjectType) || isMutexType(Method->getThisType())) {
      bool Shared = Name.contains("shared");
      static constexpr llvm::StringLiteral Acquires[] = {"lock", "lock_shared"};
      static constexpr llvm::StringLiteral TryAcquires[] = {
          "try_lock",        "try_lock_for",        "try_lock_until",
          "try_lock_shared", "try_lock_shared_for", "try_lock_shared_until"};
      static constexpr llvm::StringLiteral Releases[] = {"unlock", "unlock_shared"};
      std::optional<LockOp> Op = opOf(Name, Acquires, TryAcquires, Releases);
      if (Op)
        Events.push_back({*Op, Object, /*IsGuard=*/false, Shared});
    }
    return Events;
  }
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return Events;
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F)
    return Events;
  if (std::optional<LockOp> Op = cLockOp(F)) {
    if (Call->getNumArgs() >= 1)
      Events.push_back({*Op, Call->getArg(0), /*IsGuard=*/false});
    return Events;
  }
  if (nameIs(F, {"swap"}) && Call->getNumArgs() == 2 &&
      isGuardType(Call->getArg(0)->getType()) && isGuardType(Call->getArg(1)->getType())) {
    LockEvent Ev{LockOp::Swap, Call->getArg(0), /*IsGuard=*/true};
    Ev.Other = Call->getArg(1);
    Events.push_back(Ev);
    return Events;
  }
  if (nameIs(F, {"lock"}) && !isa<CXXMethodDecl>(F) && inStdOrBoost(F)) {
    for (const Expr *Arg : Call->arguments()) {
      if (isGuardType(Arg->getType()))
        Events.push_back({LockOp::Acquire, Arg, /*IsGuard=*/true});
      else if (isMutexType(Arg->getType()))
        Events.push_back({LockOp::Acquire, Arg, /*IsGuard=*/false});
    }
  }
  return Events;
}

// Strips what clang wraps around an initializer or an argument.
static const Expr *stripInit(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *W = dyn_cast<ExprWithCleanups>(E))
      E = W->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *L = dyn_cast<InitListExpr>(E); L && L->getNumInits() == 1)
      E = L->getInit(0);
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->isElidable() && C->getNumArgs() == 1)
      E = C->getArg(0);
    else
      return E;
  }
  return E;
}

static bool isAwaitResult(const Expr *E) {
  E = stripInit(E);
  return E && (isa<CoawaitExpr>(E) || isa<DependentCoawaitExpr>(E) || isa<CoyieldExpr>(E));
}

// The name of a tag argument's class: defer_lock_t, try_to_lock_t, ...
static llvm::StringRef tagName(const Expr *Arg) {
  const CXXRecordDecl *RD = recordOf(Arg->getType());
  return RD && RD->getIdentifier() ? RD->getName() : llvm::StringRef();
}

const Expr *LockModel::getMovedGuard(const Expr &E) const {
  const Expr *Arg = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    const FunctionDecl *F = Call->getDirectCallee();
    if (F && Call->getNumArgs() == 1 && nameIs(F, {"move"}) && F->isInStdNamespace())
      Arg = Call->getArg(0);
  } else if (const auto *Cast = dyn_cast<CXXStaticCastExpr>(&E)) {
    if (Cast->getType()->isRValueReferenceType() || Cast->isXValue())
      Arg = Cast->getSubExpr();
  }
  return Arg && isGuardType(Arg->getType()) ? Arg : nullptr;
}

std::optional<GuardConstruction> LockModel::classifyGuardVar(const VarDecl &V) const {
  if (!isGuardType(V.getType()) || V.getType()->isReferenceType() ||
      V.getType()->isPointerType())
    return std::nullopt;
  const Expr *Init = V.getInit();
  if (!Init)
    return GuardConstruction{GuardInit::Empty};
  if (isAwaitResult(Init))
    return GuardConstruction{GuardInit::Async};
  const Expr *Value = stripInit(Init);
  const auto *Construct = dyn_cast<CXXConstructExpr>(Value);
  if (!Construct) {
    // A call that returns a guard hands over whatever it holds.
    if (const Expr *Source = getMovedGuard(*Value))
      return GuardConstruction{GuardInit::MoveFrom, nullptr, Source};
    return GuardConstruction{GuardInit::Acquire};
  }
  if (Construct->getNumArgs() == 0)
    return GuardConstruction{GuardInit::Empty};
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (Ctor && (Ctor->isMoveConstructor() || Ctor->isCopyConstructor()) &&
      Construct->getNumArgs() >= 1) {
    const Expr *Arg = Construct->getArg(0);
    if (isAwaitResult(Arg))
      return GuardConstruction{GuardInit::Async};
    const Expr *Stripped = stripInit(Arg);
    if (const Expr *Source = getMovedGuard(*Stripped))
      return GuardConstruction{GuardInit::MoveFrom, nullptr, Source};
    return GuardConstruction{GuardInit::Acquire};
  }
  GuardConstruction G{GuardInit::Acquire};
  for (const Expr *Arg : Construct->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    llvm::StringRef Tag = tagName(Arg);
    if (Tag == "defer_lock_t")
      G.Init = GuardInit::Deferred;
    else if (Tag == "try_to_lock_t")
      G.Init = GuardInit::Try;
    else if (Tag == "adopt_lock_t")
      G.Init = GuardInit::Adopt;
    else if (Tag == "duration" || Tag == "time_point")
      G.Init = GuardInit::Try; // unique_lock(M, timeout) is a timed try
    else if (!G.Mutex && !Tag.empty())
      G.Mutex = Arg;
  }
  return G;
}

bool LockModel::isGuardAssignment(const Expr &E, const Expr *&Target,
                                  const Expr *&Value) const {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&E);
  if (!Op || Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 ||
      !isGuardType(Op->getArg(0)->getType()))
    return false;
  Target = Op->getArg(0);
  Value = Op->getArg(1);
  return true;
}

std::optional<LockModel::LockTest> LockModel::classifyTest(const Expr *Cond) const {
  bool Flip = false;
  for (unsigned Depth = 0; Cond && Depth < 8; ++Depth) {
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *W = dyn_cast<ExprWithCleanups>(Cond)) {
      Cond = W->getSubExpr();
      continue;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(Cond); U && U->getOpcode() == UO_LNot) {
      Flip = !Flip;
      Cond = U->getSubExpr();
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(Cond);
        B && (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE)) {
      // `trylock(...) == 0`: true when the (C) try succeeded.
      const Expr *L = B->getLHS()->IgnoreParenImpCasts();
      const Expr *R = B->getRHS()->IgnoreParenImpCasts();
      const auto *Zero = dyn_cast<IntegerLiteral>(R);
      const Expr *Other = L;
      if (!Zero) {
        Zero = dyn_cast<IntegerLiteral>(L);
        Other = R;
      }
      if (!Zero || Zero->getValue() != 0)
        return std::nullopt;
      if (B->getOpcode() == BO_EQ)
        Flip = !Flip;
      Cond = Other;
      continue;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(Cond)) {
      // `bool Locked = M.try_lock(); if (Locked)`.
      const auto *V = dyn_cast<VarDecl>(D->getDecl());
      if (!V || !V->isLocalVarDecl() || !V->getInit() || !V->getType()->isScalarType())
        return std::nullopt;
      Cond = V->getInit();
      continue;
    }
    break;
  }
  if (!Cond)
    return std::nullopt;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    const CXXMethodDecl *Method = MC->getMethodDecl();
    const Expr *Object = MC->getImplicitObjectArgument();
    if (!Method || !Object)
      return std::nullopt;
    QualType T = MC->getObjectType();
    bool Guard = isGuardType(T);
    if (Guard && (isa<CXXConversionDecl>(Method) || nameIs(Method, {"owns_lock"})))
      return LockTest{Object, true, false, !Flip};
    if (Guard && nameIs(Method, {"try_lock", "try_lock_for", "try_lock_until"}))
      return LockTest{Object, true, false, !Flip};
    if (!Guard && (isMutexType(T) || isMutexType(Method->getThisType())) &&
        Method->getIdentifier() && Method->getName().starts_with("try_lock"))
      return LockTest{Object, false, Method->getName().contains("shared"), !Flip};
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
    std::optional<LockOp> Op = cLockOp(Call->getDirectCallee());
    // The C functions return 0 on success: true means it failed.
    if (Op == LockOp::TryAcquire && Call->getNumArgs() >= 1)
      return LockTest{Call->getArg(0), false, false, Flip};
  }
  return std::nullopt;
}

bool LockModel::isTryLockCall(const Expr &E) const {
  for (const LockEvent &Ev : classifyCall(E))
    if (Ev.Op == LockOp::TryAcquire)
      return true;
  return false;
}

} // namespace clang::tidy::async
