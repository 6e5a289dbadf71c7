//===--- Coroutines.cpp - what every asynclint check asks of a coroutine --===//

#include "Coroutines.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async {

const CoroutineBodyStmt *getCoroutineBody(const FunctionDecl &F) {
  // getBody() on a declaration without a body of its own looks through to the
  // definition; ask the definition itself.
  const FunctionDecl *Def = F.getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody())
    return nullptr;
  return dyn_cast_or_null<CoroutineBodyStmt>(Def->getBody());
}

static const FunctionDecl *callableOf(const DynTypedNode &N) {
  if (const auto *F = N.get<FunctionDecl>())
    return F;
  if (const auto *L = N.get<LambdaExpr>())
    return L->getCallOperator();
  return nullptr;
}

const FunctionDecl *getEnclosingFunction(const Stmt &S, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Stack;
  for (const DynTypedNode &P : Ctx.getParents(S))
    Stack.push_back(P);
  while (!Stack.empty()) {
    DynTypedNode N = Stack.pop_back_val();
    if (const FunctionDecl *F = callableOf(N))
      return F;
    if (N.get<BlockDecl>() || N.get<ObjCMethodDecl>())
      return nullptr;
    // Stop at declarations that are not callables (a local class's field
    // initializer belongs to no function).
    if (N.get<Decl>() && !N.get<VarDecl>() && !N.get<DecompositionDecl>())
      return nullptr;
    for (const DynTypedNode &P : Ctx.getParents(N))
      Stack.push_back(P);
  }
  return nullptr;
}

const FunctionDecl *getEnclosingCoroutine(const Stmt &S, ASTContext &Ctx) {
  const FunctionDecl *F = getEnclosingFunction(S, Ctx);
  return F && isCoroutine(*F) ? F : nullptr;
}

std::string describeCallable(const NamedDecl &D) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(&D); M && M->getParent()->isLambda())
    return "lambda";
  return "'" + D.getQualifiedNameAsString() + "'";
}

bool isExplicitSuspension(const Stmt &S) {
  if (const auto *A = dyn_cast<CoawaitExpr>(&S))
    return !A->isImplicit();
  return isa<CoyieldExpr>(S) || isa<DependentCoawaitExpr>(S);
}

// The written operand of a coroutine keyword, or null for anything else.
static const Stmt *writtenOperand(const Stmt &S) {
  if (const auto *A = dyn_cast<CoroutineSuspendExpr>(&S))
    return A->getOperand();
  if (const auto *A = dyn_cast<DependentCoawaitExpr>(&S))
    return A->getOperand();
  if (const auto *R = dyn_cast<CoreturnStmt>(&S))
    return R->getOperand();
  return nullptr;
}

void forEachOwnStmt(const Stmt *Root, llvm::function_ref<bool(const Stmt &)> Visit) {
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Root))
    Root = Coro->getBody();
  llvm::SmallVector<const Stmt *, 32> Stack;
  if (Root)
    Stack.push_back(Root);
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (!Visit(*S))
      continue;
    if (isa<CoroutineSuspendExpr>(S) || isa<DependentCoawaitExpr>(S) ||
        isa<CoreturnStmt>(S)) {
      if (const Stmt *Op = writtenOperand(*S))
        Stack.push_back(Op);
      continue;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      // Init-captures run in the enclosing function; the body does not.
      for (const Expr *Init : L->capture_inits())
        if (Init)
          Stack.push_back(Init);
      continue;
    }
    if (isa<BlockExpr>(S))
      continue;
    // Push in reverse so that statements are visited in source order.
    llvm::SmallVector<const Stmt *, 8> Children;
    for (const Stmt *Child : S->children())
      if (Child)
        Children.push_back(Child);
    Stack.append(Children.rbegin(), Children.rend());
  }
}

llvm::SmallVector<const Expr *, 8> getSuspensionPoints(const CoroutineBodyStmt &Body) {
  llvm::SmallVector<const Expr *, 8> Points;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (isExplicitSuspension(S))
      Points.push_back(cast<Expr>(&S));
    return true;
  });
  return Points;
}

const Expr *getAwaitedExpr(const Stmt &Suspension) {
  if (!isExplicitSuspension(Suspension))
    return nullptr;
  const auto *Op = dyn_cast_or_null<Expr>(writtenOperand(Suspension));
  while (Op) {
    const Expr *Inner = Op->IgnoreImplicit()->IgnoreParens();
    if (const auto *Ctor = dyn_cast<CXXConstructExpr>(Inner);
        Ctor && Ctor->isElidable() && Ctor->getNumArgs() == 1)
      Inner = Ctor->getArg(0);
    if (Inner == Op)
      break;
    Op = Inner;
  }
  return Op;
}

} // namespace clang::tidy::async
