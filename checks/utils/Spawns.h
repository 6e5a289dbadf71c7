//===--- Spawns.h - the task-lifecycle checks' own defaults -----*- C++ -*-===//
//
// The lists every spawn check shares (spawn functions, completion tokens,
// scoped spawns, limiters) have one default each, in AsyncModel.h; the
// questions about a spawned task (can it throw? does a thread only complete
// an operation?) are AsyncModel's too. What is left here belongs to one
// check each.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_SPAWNS_H
#define ASYNCLINT_CHECKS_UTILS_SPAWNS_H

#include "AsyncModel.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async {

/// Methods that give up a handle on purpose.
inline constexpr llvm::StringLiteral DefaultDetachMethods =
    "::std::thread::detach;::std::jthread::detach;::asyncrt::JoinHandle::detach";

/// Types whose construction starts a thread.
inline constexpr llvm::StringLiteral DefaultThreadTypes = "::std::thread;::std::jthread";

} // namespace clang::tidy::async

#endif
