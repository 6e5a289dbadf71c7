//===--- Lifetimes.cpp - what an argument refers to, and how long it lives ===//

#include "Lifetimes.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async {

static const CXXRecordDecl *viewRecord(QualType T, const NameList &ViewTypes) {
  const auto *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R)
    return nullptr;
  if (ViewTypes.contains(*R))
    return R;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    if (ViewTypes.contains(*Spec->getSpecializedTemplate()))
      return R;
  return nullptr;
}

ReferenceLike referenceLikeKind(QualType T, const NameList &ViewTypes) {
  if (T.isNull() || T->isDependentType())
    return ReferenceLike::No;
  if (T->isReferenceType())
    return ReferenceLike::Reference;
  if (T->isPointerType() && !T->getPointeeType()->isFunctionType())
    return ReferenceLike::Pointer;
  if (viewRecord(T, ViewTypes))
    return ReferenceLike::View;
  return ReferenceLike::No;
}

static bool isStdMoveOrForward(const CallExpr &Call) {
  const FunctionDecl *F = Call.getDirectCallee();
  if (!F || Call.getNumArgs() != 1 || !F->isInStdNamespace() || !F->getIdentifier())
    return false;
  return F->getName() == "move" || F->getName() == "forward";
}

Referent storageOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      switch (Cast->getCastKind()) {
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        E = Cast->getSubExpr();
        continue;
      default:
        return {};
      }
    }
    if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, CXXTemporaryObjectExpr>(E))
      return {ReferentKind::Temporary, nullptr, E};
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() || !isa<FieldDecl>(Member->getMemberDecl()))
        return {};
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      // An element of a local array is the array; through a pointer, unknown.
      const auto *Decay = dyn_cast<ImplicitCastExpr>(Subscript->getBase()->IgnoreParens());
      if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
        return {};
      E = Decay->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && isStdMoveOrForward(*Call)) {
      E = Call->getArg(0);
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      // A variable captured by a lambda is the closure's member here.
      if (!Var || Ref->refersToEnclosingVariableOrCapture() || Var->getType()->isReferenceType())
        return {};
      if (isa<ParmVarDecl>(Var))
        return {ReferentKind::ByValueParameter, Var, Ref};
      if (Var->hasLocalStorage())
        return {ReferentKind::Local, Var, Ref};
      return {};
    }
    return {};
  }
  return {};
}

// A pointer value: the address of a local, a local array, or the buffer of a
// local or temporary string or container (`s.data()`, `s.c_str()`).
static Referent pointeeOf(const Expr *E, const NameList &ViewTypes) {
  E = E->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return storageOf(Cast->getSubExpr());
    if (Cast->getCastKind() != CK_NoOp && Cast->getCastKind() != CK_DerivedToBase &&
        Cast->getCastKind() != CK_UncheckedDerivedToBase)
      return {};
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Op = dyn_cast<UnaryOperator>(E); Op && Op->getOpcode() == UO_AddrOf)
    return storageOf(Op->getSubExpr());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (M && M->getIdentifier() && (M->getName() == "data" || M->getName() == "c_str") &&
        Object && !Object->getType()->isPointerType() &&
        !viewRecord(Object->getType(), ViewTypes))
      return storageOf(Object);
  }
  return {};
}

// A view value: constructed from a string, an array or a container (their
// storage), from a pointer (its pointee), or by a conversion operator of an
// owning object (`std::string::operator std::string_view`).
static Referent viewedBy(const Expr *E, const NameList &ViewTypes) {
  for (;;) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr>(E)) {
      E = isa<MaterializeTemporaryExpr>(E) ? cast<MaterializeTemporaryExpr>(E)->getSubExpr()
                                           : cast<CXXBindTemporaryExpr>(E)->getSubExpr();
      continue;
    }
    break;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return {};
    const Expr *From = Construct->getArg(0);
    QualType FromType = From->getType();
    if (viewRecord(FromType, ViewTypes)) {
      // A copy of another view: follow it only while it is being made here.
      const Expr *Inner = From->IgnoreImplicit();
      if (isa<DeclRefExpr, MemberExpr>(Inner))
        return {};
      return viewedBy(From, ViewTypes);
    }
    if (FromType->isPointerType())
      return pointeeOf(From, ViewTypes);
    return storageOf(From);
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    if (isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()))
      return storageOf(Call->getImplicitObjectArgument());
  return {};
}

Referent referentOf(const Expr *Arg, ReferenceLike How, const NameList &ViewTypes) {
  if (!Arg)
    return {};
  switch (How) {
  case ReferenceLike::Reference:
    return storageOf(Arg);
  case ReferenceLike::Pointer:
    return pointeeOf(Arg, ViewTypes);
  case ReferenceLike::View:
    return viewedBy(Arg, ViewTypes);
  case ReferenceLike::No:
    break;
  }
  return {};
}

} // namespace clang::tidy::async
