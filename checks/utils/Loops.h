//===--- Loops.h - what the loop checks share about a loop -------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_UTILS_LOOPS_H
#define ASYNCLINT_CHECKS_UTILS_LOOPS_H

#include "clang/AST/Stmt.h"

namespace clang::tidy::async {

/// A loop whose condition is a constant false: `do { ... } while (false)`
/// (the body of many macros: Catch2's CHECK, assertion and logging macros)
/// runs once, `while (false)` never. Neither repeats: not a loop.
bool isNeverRepeatingLoop(const Stmt &Loop);

} // namespace clang::tidy::async

#endif
