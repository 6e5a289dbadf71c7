//===--- Loops.h - what the loop checks share about a loop -------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_UTILS_LOOPS_H
#define ASYNCLINT_CHECKS_UTILS_LOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async {

/// A loop whose condition is a constant false: `do { ... } while (false)`
/// (the body of many macros: Catch2's CHECK, assertion and logging macros)
/// runs once, `while (false)` never. Neither repeats: not a loop. The
/// condition is evaluated as a constant (Catch2's has a comma and an `&&`).
bool isNeverRepeatingLoop(const Stmt &Loop, const ASTContext &Ctx);

} // namespace clang::tidy::async

#endif
