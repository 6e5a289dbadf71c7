//===--- Frameworks.h - what asynclint knows of each coroutine framework -*- C++ -*-===//
//
// A framework profile is data: the names a framework gives to the things the
// checks reason about (blocking calls, sleeps, spawns, completion tokens that
// swallow or keep errors, executors meant for blocking or CPU work and the
// calls that hop onto them, task types that start eagerly, synchronous
// generators, synchronous drivers of a task, limiters, locks). A profile
// switches itself on when one of its marker declarations (a namespace, or a
// class at global scope for Qt) is declared in the translation unit; the
// `Frameworks` option switches profiles on or off by name. The lists of a
// profile are added to the check's own defaults; options extend both.
//
// Every entry is a fully qualified name as NameList takes it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_FRAMEWORKS_H
#define ASYNCLINT_CHECKS_UTILS_FRAMEWORKS_H

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async {

/// The vocabularies a profile may extend. Each is also the name of the
/// shared option (read with getLocalOrGlobal) that extends it.
enum class Vocabulary : unsigned {
  Sleeps,             // thread-blocking sleeps
  BlockingCalls,      // other thread-blocking calls (incl. blocking waits on a task)
  SpawnFunctions,     // start a task, return a handle (dropping it detaches)
  TokenSpawnFunctions,// start a task, report its end to a completion token (last argument)
  DetachedSpawnFunctions, // start a task nobody can observe (fire and forget)
  DetachedTokens,     // completion tokens that throw the task's end away
  NonThrowingTokens,  // completion tokens that turn errors into values (as_tuple)
  BlockingExecutors,  // executor/pool/scheduler types meant for blocking or CPU work
  HopFunctions,       // awaited calls that move the coroutine onto their executor argument
  EagerTaskTypes,     // task types whose body starts at the call
  LazyTaskTypes,      // task types whose body starts when awaited (promise not visible)
  SyncGeneratorTypes, // generators run on the caller's thread: not async code
  SyncDrivers,        // run a task to completion on the calling thread (sync_wait)
  Limiters,           // calls that wait for room before a spawn
  GuardTypes,         // RAII lock guards
  MutexTypes,         // synchronous mutexes
  ScopedSpawnFunctions, // start a task owned by a scope/runtime that reports its errors
  RethrowingDetachedSpawnFunctions, // the DetachedSpawnFunctions that rethrow a task's
                                    // exception where it runs rather than drop it
  BlockingHandleSpawnFunctions, // the SpawnFunctions whose handle, destroyed, waits for
                                // the task to finish (std::async's future always does)
  DrainFunctions,     // return once every task already spawned on their executor has ended
  Count
};

/// The option name of a vocabulary ("BlockingExecutors").
llvm::StringRef vocabularyName(Vocabulary V);

struct FrameworkProfile {
  llvm::StringLiteral Name;    // "asio", "cppcoro", ...: the Frameworks option's words
  llvm::StringLiteral Markers; // ';'-separated: "ns" or "ns::inner" namespaces, "::Class"
  llvm::StringLiteral Namespaces; // the framework's own code (not reported in its headers)
  /// One ';'-separated list per Vocabulary, in its order.
  llvm::StringLiteral Lists[static_cast<unsigned>(Vocabulary::Count)];
  /// How the framework suspends a coroutine for a while, as a thread-blocking
  /// sleep's message suggests it ("co_await folly::coro::sleep"), or null.
  const char *AsyncSleep = nullptr;
};

/// Every profile asynclint knows, in a fixed order.
llvm::ArrayRef<FrameworkProfile> frameworkProfiles();

/// True if a marker of \p P is declared in the translation unit.
bool isFrameworkPresent(const FrameworkProfile &P, ASTContext &Ctx);

/// True if \p D is a namespace of a known framework declared outside the main
/// file: the framework's implementation of its own primitives (its headers,
/// when they are not included as system headers). Not reported.
bool isFrameworkImplementation(const Decl &D, const SourceManager &SM);

} // namespace clang::tidy::async

#endif
