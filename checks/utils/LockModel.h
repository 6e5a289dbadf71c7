//===--- LockModel.h - what a statement does to synchronous locks -*- C++ -*-===//
//
// The vocabulary of synchronous locking, shared by the checks that reason
// about locks in coroutines: which types are RAII lock guards and which are
// mutexes, how a lock object is named (a path of declarations: `lk`,
// `this->M`, `state.Mutex`), and what one expression does to a lock:
//
//   guard construction   std::lock_guard G(M)        acquire (or: deferred,
//                        std::unique_lock G(M, std::try_to_lock), adopt,
//                        move-from another guard, empty)
//   guard member call    G.lock() / G.try_lock() / G.unlock() / G.release()
//                        G.swap(H), G = std::move(H)
//   mutex member call    M.lock() / M.try_lock() / M.unlock() (and _shared)
//   C functions          pthread_mutex_lock(&M), pthread_rwlock_*, mtx_lock
//   std::lock(A, B...)   acquires every argument
//   lock tests           G.owns_lock(), bool(G), M.try_lock(),
//                        pthread_mutex_trylock(&M) == 0 (for branch conditions)
//
// A guard whose value comes out of a co_await (an asynchronous mutex's
// `co_await M.co_scoped_lock()`) is not a synchronous lock and is not
// modelled. The model is purely syntactic: it classifies one expression at a
// time; the flow (which lock is held where) belongs to the caller.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_LOCKMODEL_H
#define ASYNCLINT_CHECKS_UTILS_LOCKMODEL_H

#include "NameList.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async {

/// Default guard types (the RAIITypesList option).
extern const llvm::StringLiteral DefaultGuardTypes;
/// Default mutex types (the MutexTypesList option).
extern const llvm::StringLiteral DefaultMutexTypes;

/// A lock object named by the declarations on the way to it: `lk` is {lk},
/// `this->M` is {this, M}, `S.Inner.M` is {S, Inner, M}. The null pointer
/// stands for `this`. A shared (reader) lock of a mutex is a different lock
/// from its exclusive one.
struct LockPath {
  llvm::SmallVector<const void *, 3> Decls;
  bool Shared = false;
  bool operator<(const LockPath &O) const {
    if (Shared != O.Shared)
      return Shared < O.Shared;
    return Decls < O.Decls;
  }
  bool operator==(const LockPath &O) const {
    return Shared == O.Shared && Decls == O.Decls;
  }
};

/// The path of the object \p E denotes (through `&`, `*`, parentheses and
/// conversions), if it is a named object.
std::optional<LockPath> getObjectPath(const Expr *E);

/// What an operation does to a lock.
enum class LockOp {
  Acquire,   // now held
  TryAcquire,// held if it succeeded (the result says)
  Release,   // no longer held
  Detach,    // a guard's release(): the guard lets go, the mutex stays locked
  Swap,      // two guards exchange what they hold
};

/// One operation on a guard or a mutex.
struct LockEvent {
  LockOp Op;
  const Expr *Object;        // the guard or mutex expression
  bool IsGuard;              // Object is a guard (else a mutex)
  bool Shared = false;       // lock_shared / unlock_shared / rwlock rdlock
  const Expr *Other = nullptr; // Swap: the other guard
};

/// How a guard variable starts its life.
enum class GuardInit {
  Acquire,  // std::lock_guard G(M), a function returning a held guard
  Try,      // std::unique_lock G(M, std::try_to_lock)
  Adopt,    // std::lock_guard G(M, std::adopt_lock): takes over M's lock
  Deferred, // std::unique_lock G(M, std::defer_lock)
  Empty,    // std::unique_lock<std::mutex> G;
  MoveFrom, // std::unique_lock G(std::move(H))
  Async,    // its value comes out of a co_await: an asynchronous mutex's guard
};

struct GuardConstruction {
  GuardInit Init;
  const Expr *Mutex = nullptr;  // the first mutex argument, if any
  const Expr *Source = nullptr; // MoveFrom: the guard moved from
};

class LockModel {
public:
  LockModel(llvm::StringRef GuardTypes, llvm::StringRef MutexTypes);

  /// Forgets what it learnt about the classes of the last translation unit.
  void startTranslationUnit() { Kinds.clear(); }

  /// A listed guard type, or a class marked [[clang::scoped_lockable]].
  bool isGuardType(QualType T) const;
  /// A listed mutex type, or a class marked [[clang::capability]].
  bool isMutexType(QualType T) const;

  /// What \p E (a call) does to a lock, if anything. std::lock(A, B...)
  /// yields one event per argument.
  llvm::SmallVector<LockEvent, 2> classifyCall(const Expr &E) const;

  /// How the variable \p V of guard type is initialised.
  std::optional<GuardConstruction> classifyGuardVar(const VarDecl &V) const;

  /// A guard assignment `G = std::move(H)` / `G = Guard(M)`: the guard
  /// assigned to and the new value.
  bool isGuardAssignment(const Expr &E, const Expr *&Target, const Expr *&Value) const;

  /// `std::move(G)` of a guard: the guard moved from.
  const Expr *getMovedGuard(const Expr &E) const;

  /// A branch condition that tells whether a lock is held: the lock object,
  /// whether it is a guard, and whether the condition being true means held.
  struct LockTest {
    const Expr *Object;
    bool IsGuard;
    bool Shared;
    bool HeldWhenTrue;
  };
  std::optional<LockTest> classifyTest(const Expr *Cond) const;

  /// A call that tries a lock (m.try_lock(), pthread_mutex_trylock): used to
  /// recognise spin locks.
  bool isTryLockCall(const Expr &E) const;

private:
  enum Kind : unsigned char { Neither, Guard, Mutex };
  Kind kindOf(QualType T) const;
  NameList GuardTypes;
  NameList MutexTypes;
  // Name matching is the costly part: each class is looked up once.
  mutable llvm::DenseMap<const CXXRecordDecl *, Kind> Kinds;
};

} // namespace clang::tidy::async

#endif
