//===--- Lifetimes.h - what an argument refers to, and how long it lives -*- C++ -*-===//
//
// A coroutine's frame keeps its reference-like parameters as they were
// passed: a reference, a pointer, a view (std::string_view, std::span). When
// the frame outlives the object they refer to, the next resume reads freed
// memory. This file answers the two questions that decides: is a parameter
// type reference-like, and what does an argument passed to it refer to — a
// local variable, a temporary, a by-value parameter of the calling function,
// or something this analysis cannot see the end of (a global, a member, the
// object behind another reference or pointer), which counts as long-lived.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_LIFETIMES_H
#define ASYNCLINT_CHECKS_UTILS_LIFETIMES_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async {

/// The default list of view types: a by-value parameter of one of these
/// refers to storage it does not own.
inline constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span;::boost::string_view;::boost::core::basic_string_view;"
    "::boost::span";

/// How a parameter of type \p T keeps what is passed to it.
enum class ReferenceLike { No, Reference, Pointer, View };
ReferenceLike referenceLikeKind(QualType T, const NameList &ViewTypes);

/// What an argument refers to, from the shortest-lived end.
enum class ReferentKind {
  LongLived,        // a global, a member, a string literal, unknown: not reported
  Temporary,        // destroyed at the end of the full-expression
  Local,            // an automatic variable of the calling function
  ByValueParameter, // a by-value parameter of the calling function
};

struct Referent {
  ReferentKind Kind = ReferentKind::LongLived;
  const VarDecl *Var = nullptr; // the local or parameter
  const Expr *Temporary = nullptr; // the temporary's expression
};

/// What \p Arg, passed to a parameter kept as \p How, refers to.
Referent referentOf(const Expr *Arg, ReferenceLike How, const NameList &ViewTypes);

/// What the storage \p E names lives as: a local, a temporary, a by-value
/// parameter (a member of a local is the local), or long-lived.
Referent storageOf(const Expr *E);

} // namespace clang::tidy::async

#endif
