// Each option of async-ignored-join-handle: SpawnFunctions, TokenSpawnFunctions,
// DetachedTokens, DetachMethods, DetachedSpawnFunctions and
// RethrowingDetachedSpawnFunctions (which of them rethrow the task's
// exception rather than drop it) replace the defaults; --dump-config writes
// back what was read.
// RUN: %check_async_tidy %s async-ignored-join-handle %t -- -- -isystem %inputs
// RUN: %check_async_tidy -check-suffix=OPT %s async-ignored-join-handle %t -- \
// RUN:   -config="{CheckOptions: {async-ignored-join-handle.SpawnFunctions: '::pool::submit', \
// RUN:     async-ignored-join-handle.TokenSpawnFunctions: '::pool::launch', \
// RUN:     async-ignored-join-handle.DetachedTokens: '::pool::fire_and_forget', \
// RUN:     async-ignored-join-handle.DetachMethods: '::pool::Ticket::release', \
// RUN:     DetachedSpawnFunctions: '::pool::fire;::pool::fire_fatal', \
// RUN:     RethrowingDetachedSpawnFunctions: '::pool::fire_fatal', \
// RUN:     async-ignored-join-handle.Frameworks: none}}" -- -isystem %inputs
// RUN: %clang_tidy --load=%plugin --checks='-*,async-ignored-join-handle' \
// RUN:   -config="{CheckOptions: {async-ignored-join-handle.SpawnFunctions: '::pool::submit', \
// RUN:     async-ignored-join-handle.TokenSpawnFunctions: '::pool::launch', \
// RUN:     async-ignored-join-handle.DetachedTokens: '::pool::fire_and_forget', \
// RUN:     async-ignored-join-handle.DetachMethods: '::pool::Ticket::release', \
// RUN:     DetachedSpawnFunctions: '::pool::fire;::pool::fire_fatal', \
// RUN:     RethrowingDetachedSpawnFunctions: '::pool::fire_fatal', \
// RUN:     async-ignored-join-handle.Frameworks: none}}" \
// RUN:   --dump-config %s -- | FileCheck -check-prefix=DUMP %s
// DUMP-DAG: async-ignored-join-handle.SpawnFunctions: '::pool::submit'
// DUMP-DAG: async-ignored-join-handle.TokenSpawnFunctions: '::pool::launch'
// DUMP-DAG: async-ignored-join-handle.DetachedTokens: '::pool::fire_and_forget'
// DUMP-DAG: async-ignored-join-handle.DetachMethods: '::pool::Ticket::release'
// DUMP-DAG: async-ignored-join-handle.DetachedSpawnFunctions: '::pool::fire;::pool::fire_fatal'
// DUMP-DAG: async-ignored-join-handle.RethrowingDetachedSpawnFunctions: '::pool::fire_fatal'
#include "asio.h"
#include "asyncrt-mock.h"

namespace pool {
struct Ticket { void release(); };
template <typename F> Ticket submit(F);
struct fire_and_forget_t {};
inline constexpr fire_and_forget_t fire_and_forget{};
struct keep_t {};
template <typename F, typename Token> void launch(int, F, Token);
template <typename T> void fire(T);
template <typename T> void fire_fatal(T);
} // namespace pool

asyncrt::Task<> job();
void work();

void usesDefaultsAndCustom(asio::io_context &Ctx) {
  asyncrt::spawn(job());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: join handle returned by 'asyncrt::spawn' is discarded
  asio::co_spawn(Ctx, job(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::co_spawn' with 'asio::detached' discards
  pool::submit(work);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: join handle returned by 'pool::submit' is discarded
  pool::launch(0, work, pool::fire_and_forget);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'pool::launch' with 'pool::fire_and_forget' discards
  pool::launch(0, work, pool::keep_t{});
  pool::submit(work).release();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:22: warning: 'pool::Ticket::release' detaches the task
  pool::fire(job());
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'pool::fire' starts a task that nobody observes; its exception is lost; keep a handle
  pool::fire_fatal(job());
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'pool::fire_fatal' starts a task that nobody observes; its exception is rethrown on whichever thread runs the task, and on an executor's thread that terminates the process; keep a handle
}
