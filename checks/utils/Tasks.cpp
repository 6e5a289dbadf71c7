//===--- Tasks.cpp - lazy tasks and what becomes of a call's result -------===//

#include "Tasks.h"
#include "Compat.h"
#include "Coroutines.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

// Deep enough for promise bases (Asio: awaitable_frame -> awaitable_frame_base).
static constexpr unsigned MaxBaseDepth = 4;

static const NameList &suspendAlways() {
  static const NameList L("::std::suspend_always;::std::experimental::suspend_always");
  return L;
}
static const NameList &suspendNever() {
  static const NameList L("::std::suspend_never;::std::experimental::suspend_never");
  return L;
}

// The class a (possibly dependent) type names: a record, or the pattern of a
// class template named by a dependent template specialization.
static const CXXRecordDecl *classOfType(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const CXXRecordDecl *R = T->getAsCXXRecordDecl())
    return R;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return CTD->getTemplatedDecl();
  return nullptr;
}

// A class with members to look at: its definition, or for a specialization
// that was never instantiated, the template it comes from.
static const CXXRecordDecl *withMembers(const CXXRecordDecl *R) {
  if (!R)
    return nullptr;
  if (const CXXRecordDecl *Def = R->getDefinition())
    return Def;
  // A member class of a class template specialization is instantiated only
  // when used; a specialization may be only declared. Read the pattern.
  if (const CXXRecordDecl *P = R->getTemplateInstantiationPattern())
    return P->getDefinition();
  if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(R))
    if (const CXXRecordDecl *P = S->getSpecializedTemplate()->getTemplatedDecl())
      return P->getDefinition();
  if (const CXXRecordDecl *P = R->getInstantiatedFromMemberClass())
    return P->getDefinition();
  return nullptr;
}

// Name lookup of a member in a class and its bases (also dependent bases of
// a template pattern).
static const NamedDecl *findMember(const CXXRecordDecl *R, llvm::StringRef Name,
                                   unsigned Depth = 0) {
  R = withMembers(R);
  if (!R || Depth > MaxBaseDepth)
    return nullptr;
  ASTContext &Ctx = R->getASTContext();
  for (const NamedDecl *D : R->lookup(&Ctx.Idents.get(Name)))
    return D;
  for (const CXXBaseSpecifier &B : R->bases())
    if (const NamedDecl *D = findMember(classOfType(B.getType()), Name, Depth + 1))
      return D;
  return nullptr;
}

static const CXXRecordDecl *promiseFromMember(const NamedDecl *D) {
  if (!D)
    return nullptr;
  if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
    return classOfType(TD->getUnderlyingType());
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    return RD;
  return nullptr;
}

// The body to read of a member function: its own, or its template pattern's
// when the member was declared by an instantiation but never defined.
static const Stmt *readableBody(const FunctionDecl &F) {
  if (const FunctionDecl *Def = F.getDefinition())
    if (Def->doesThisDeclarationHaveABody())
      return Def->getBody();
  if (const FunctionDecl *P = F.getTemplateInstantiationPattern())
    if (const FunctionDecl *Def = P->getDefinition())
      return Def->getBody();
  return nullptr;
}

// The first `return X;` of a function body (not inside lambdas).
static const Expr *firstReturnValue(const Stmt *Body) {
  const Expr *Value = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Value)
      return false;
    if (const auto *R = dyn_cast<ReturnStmt>(&S)) {
      Value = R->getRetValue();
      return false;
    }
    return true;
  });
  return Value;
}

// The result type of \p F, read from a template pattern if need be. \p Outer
// are the arguments of the class template specialization whose member class
// (never instantiated) declares \p F: a result type that is one of the
// template's parameters is replaced by its argument.
static QualType resultTypeOf(const FunctionDecl &F, const TemplateArgumentList *Outer) {
  QualType T = F.getReturnType();
  // In a template pattern `auto` counts as deduced (it is dependent) but has
  // no deduced type.
  const DeducedType *Deduced = T->getContainedDeducedType();
  if (Deduced && Deduced->getDeducedType().isNull()) {
    // `auto initial_suspend() { return suspend_always(); }` in a template
    // whose member was never instantiated: read the returned expression.
    T = QualType();
    if (const Expr *V = firstReturnValue(readableBody(F)))
      if (!V->isTypeDependent())
        T = V->IgnoreImplicit()->getType();
  }
  if (T.isNull() || !Outer)
    return T;
  if (const auto *Param = T->getAs<TemplateTypeParmType>())
    if (Param->getDepth() == 0 && Param->getIndex() < Outer->size() &&
        (*Outer)[Param->getIndex()].getKind() == TemplateArgument::Type)
      return (*Outer)[Param->getIndex()].getAsType();
  return T;
}

// How an awaitable returned by initial_suspend behaves.
static LazyTaskClassifier::Start startOfAwaitable(QualType T) {
  using Start = LazyTaskClassifier::Start;
  const CXXRecordDecl *R = classOfType(T.getNonReferenceType());
  if (!R)
    return Start::Unknown;
  if (suspendAlways().contains(*R))
    return Start::Lazy;
  if (suspendNever().contains(*R))
    return Start::Eager;
  const auto *Ready = dyn_cast_or_null<FunctionDecl>(findMember(R, "await_ready"));
  if (const auto *T = dyn_cast_or_null<FunctionTemplateDecl>(findMember(R, "await_ready")))
    Ready = T->getTemplatedDecl();
  if (!Ready)
    return Start::Unknown;
  // `bool await_ready() { return false; }`: only a body that is one
  // constant return decides it.
  const auto *Body = dyn_cast_or_null<CompoundStmt>(readableBody(*Ready));
  if (!Body || Body->size() != 1)
    return Start::Unknown;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *V = Ret ? Ret->getRetValue() : nullptr;
  bool Value = false;
  if (!V || V->isValueDependent() ||
      !V->EvaluateAsBooleanCondition(Value, Ready->getASTContext()))
    return Start::Unknown;
  return Value ? Start::Eager : Start::Lazy;
}

LazyTaskClassifier::Start
LazyTaskClassifier::startOfPromise(const CXXRecordDecl &Promise) {
  const NamedDecl *Init = findMember(&Promise, "initial_suspend");
  const FunctionDecl *F = dyn_cast_or_null<FunctionDecl>(Init);
  if (const auto *T = dyn_cast_or_null<FunctionTemplateDecl>(Init))
    F = T->getTemplatedDecl();
  if (!F)
    return Start::Unknown;
  const TemplateArgumentList *Outer = nullptr;
  if (!Promise.hasDefinition())
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Promise.getParent()))
      Outer = &Spec->getTemplateArgs();
  return startOfAwaitable(resultTypeOf(*F, Outer));
}

const ClassTemplateDecl *LazyTaskClassifier::coroutineTraits(ASTContext &Ctx) {
  if (TraitsLookedUp)
    return CoroutineTraits;
  TraitsLookedUp = true;
  // Declarations of an inline namespace (libstdc++'s std::__n4861) are
  // visible through lookup in the enclosing namespace.
  for (const NamedDecl *Std :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("std")))
    if (const auto *NS = dyn_cast<NamespaceDecl>(Std))
      for (const NamedDecl *D : NS->lookup(&Ctx.Idents.get("coroutine_traits")))
        if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D))
          return CoroutineTraits = CTD->getCanonicalDecl();
  return nullptr;
}

const CXXRecordDecl *LazyTaskClassifier::promiseOf(const CXXRecordDecl &R) {
  // The primary std::coroutine_traits<R, Args...> says R::promise_type, which
  // it can name only if it is public: a private one (QCoro's generator
  // iterator keeps its generator's promise type as a private alias) does not
  // make R a coroutine's result.
  if (const NamedDecl *Member = findMember(&R, "promise_type");
      Member && Member->getAccess() != AS_private && Member->getAccess() != AS_protected)
    if (const CXXRecordDecl *P = promiseFromMember(Member))
      return P;
  const ClassTemplateDecl *Traits = coroutineTraits(R.getASTContext());
  if (!Traits)
    return nullptr;
  ASTContext &Ctx = R.getASTContext();
  QualType RType = Ctx.getCanonicalType(compat::declaredType(Ctx, &R));
  // Instantiated specializations: one exists for every coroutine of this
  // return type defined in the TU.
  for (const ClassTemplateSpecializationDecl *S : Traits->specializations()) {
    const TemplateArgumentList &Args = S->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type ||
        Ctx.getCanonicalType(Args[0].getAsType()) != RType)
      continue;
    if (const CXXRecordDecl *P = promiseFromMember(findMember(S, "promise_type")))
      return P;
  }
  // Partial specializations for a class template, as Asio's
  // coroutine_traits<awaitable<T, Executor>, Args...>.
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&R);
  if (!Spec)
    return nullptr;
  const ClassTemplateDecl *Of = Spec->getSpecializedTemplate()->getCanonicalDecl();
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(Traits)->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *P : Partials) {
    const TemplateArgumentList &Args = P->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
      continue;
    const auto *TST = Args[0].getAsType()->getAs<TemplateSpecializationType>();
    const TemplateDecl *TD = TST ? TST->getTemplateName().getAsTemplateDecl() : nullptr;
    if (!TD || TD->getCanonicalDecl() != Of)
      continue;
    if (const CXXRecordDecl *Promise = promiseFromMember(findMember(P, "promise_type")))
      return Promise;
  }
  return nullptr;
}

LazyTaskClassifier::Start LazyTaskClassifier::classify(const CXXRecordDecl &R) {
  // A listed eager type (concurrencpp::result: its promise may start by
  // scheduling itself, which reads as lazy) starts at the call.
  if (!EagerTaskTypes.empty()) {
    if (EagerTaskTypes.contains(R))
      return Start::Eager;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&R);
        Spec && EagerTaskTypes.contains(*Spec->getSpecializedTemplate()))
      return Start::Eager;
  }
  if (!ExtraTaskTypes.empty() && ExtraTaskTypes.contains(R))
    return Start::Lazy;
  if (const CXXRecordDecl *Promise = promiseOf(R)) {
    Start S = startOfPromise(*Promise);
    if (S != Start::Unknown)
      return S;
  }
  if (R.hasAttr<CoroReturnTypeAttr>())
    return Start::Lazy;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&R))
    if (Spec->getSpecializedTemplate()->getTemplatedDecl()->hasAttr<CoroReturnTypeAttr>())
      return Start::Lazy;
  return Start::Unknown;
}

bool LazyTaskClassifier::isLazyTask(QualType T, const FunctionDecl *Callee) {
  if (T.isNull() || T->isDependentType())
    return false;
  // A call returning a reference hands out an existing task, not a new one.
  if (T->isReferenceType())
    return false;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  if (!R)
    return false;
  const Type *Key = T->getCanonicalTypeUnqualified().getTypePtr();
  auto [It, Inserted] = Cache.try_emplace(Key, Start::Unknown);
  if (Inserted)
    It->second = classify(*R);
  if (It->second != Start::Unknown || !Callee)
    return It->second == Start::Lazy;
  // The type alone did not say: a coroutine defined here names its promise.
  if (const CoroutineBodyStmt *Body = getCoroutineBody(*Callee))
    if (const VarDecl *PromiseVar = Body->getPromiseDecl())
      if (const CXXRecordDecl *Promise = PromiseVar->getType()->getAsCXXRecordDecl()) {
        Start S = startOfPromise(*Promise);
        Cache[Key] = S;
        return S == Start::Lazy;
      }
  return false;
}

const Expr *ignoreValueWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    // A copy or move of the value is still the value (a by-value argument).
    if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Next);
        Ctor && Ctor->getNumArgs() == 1 &&
        (Ctor->isElidable() || Ctor->getConstructor()->isCopyOrMoveConstructor()))
      Next = Ctor->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const Expr *ignoreMoves(const Expr *E) {
  for (;;) {
    E = ignoreValueWrappers(E);
    const auto *Call = dyn_cast_or_null<CallExpr>(E);
    const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (!F || Call->getNumArgs() != 1 || !F->isInStdNamespace() || !F->getIdentifier() ||
        F->getName() != "move")
      return E;
    E = Call->getArg(0);
  }
}

// The local variable or parameter a value is read from: through moves,
// member accesses, subscripts and `std::get<I>(t)`.
const VarDecl *rootVariable(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreMoves(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      E = Member->getBase();
    else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
      E = Sub->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
             Op && Op->getOperator() == OO_Subscript)
      E = Op->getArg(0);
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
             Call->getDirectCallee()->isInStdNamespace() &&
             Call->getDirectCallee()->getIdentifier() &&
             Call->getDirectCallee()->getName() == "get")
      E = Call->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *discardedValueOf(const Stmt *S, const ExplicitCastExpr *&VoidCast) {
  VoidCast = nullptr;
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  E = ignoreValueWrappers(E);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
      Cast && Cast->getCastKind() == CK_ToVoid) {
    VoidCast = Cast;
    E = ignoreValueWrappers(Cast->getSubExpr());
  }
  return E;
}

static bool isVoidCastOf(const Stmt &S, const VarDecl &Var) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(&S);
  if (!Cast || Cast->getCastKind() != CK_ToVoid)
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == &Var;
}

bool isVariableUsed(const VarDecl &Var, const Stmt &Scope) {
  llvm::SmallVector<const Stmt *, 32> Stack{&Scope};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (isVoidCastOf(*S, Var))
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == &Var)
      return true;
    for (const Stmt *Child : S->children())
      if (Child)
        Stack.push_back(Child);
  }
  return false;
}

const Stmt *getDeclaringBody(const VarDecl &Var) {
  const auto *F = dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  return F ? F->getBody() : nullptr;
}

} // namespace clang::tidy::async
