//===--- Spawns.h - spawn functions and what the spawned task does -*- C++ -*-===//
//
// The default lists of the task-lifecycle checks (spawn functions, detached
// completion tokens, detach methods, thread types, limiters) and the one
// question they share about a spawned task: does it catch every exception
// itself, so that detaching it loses nothing?
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_SPAWNS_H
#define ASYNCLINT_CHECKS_UTILS_SPAWNS_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::async {

/// Functions that start a task and return a handle to it (dropping the
/// handle detaches the task). asyncrt::JoinSet::spawn is not one: the set
/// owns the task.
inline constexpr llvm::StringLiteral DefaultSpawnFunctions =
    "::asyncrt::spawn;::asyncrt::spawn_blocking;::coro::spawn_joinable;"
    "::coro::thread_pool::spawn_joinable;::coro::io_scheduler::spawn_joinable";

/// Functions that start a task and report its end to a completion token
/// given as their last argument.
inline constexpr llvm::StringLiteral DefaultTokenSpawnFunctions =
    "::asio::co_spawn;::boost::asio::co_spawn";

/// Completion tokens that throw the task's end away: a token's type, or the
/// variable that names it.
inline constexpr llvm::StringLiteral DefaultDetachedTokens =
    "::asio::detached_t;::boost::asio::detached_t";

/// Methods that give up a handle on purpose.
inline constexpr llvm::StringLiteral DefaultDetachMethods =
    "::std::thread::detach;::std::jthread::detach;::asyncrt::JoinHandle::detach";

/// Types whose construction starts a thread.
inline constexpr llvm::StringLiteral DefaultThreadTypes = "::std::thread;::std::jthread";

/// Every function that starts a task, for async-unbounded-spawn: the above,
/// plus a join set's spawn and std::async.
inline constexpr llvm::StringLiteral DefaultAllSpawnFunctions =
    "::asyncrt::spawn;::asyncrt::spawn_blocking;::asyncrt::JoinSet::spawn;"
    "::coro::spawn_joinable;::coro::thread_pool::spawn_joinable;"
    "::coro::io_scheduler::spawn_joinable;::asio::co_spawn;::boost::asio::co_spawn;"
    "::std::async";

/// Calls, awaited or not, that wait for room before a new task is spawned.
inline constexpr llvm::StringLiteral DefaultLimiters =
    "::asyncrt::Semaphore::acquire;::asyncrt::JoinSet::join_next;"
    "::std::counting_semaphore::acquire";

/// True if the task that \p Spawned starts catches every exception itself:
/// \p Spawned is a call to a coroutine, a coroutine lambda, or a lambda or
/// function that returns such a call, defined in this translation unit,
/// whose whole body is a `try` with a `catch (...)` or a
/// `catch (std::exception &)` handler.
bool spawnedTaskCatchesEverything(const Expr *Spawned);

} // namespace clang::tidy::async

#endif
