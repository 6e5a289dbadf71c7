//===--- BlockingCallInCoroutineCheck.h - async-blocking-call-in-coroutine -*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_BLOCKINGCALLINCOROUTINECHECK_H
#define ASYNCLINT_CHECKS_BLOCKINGCALLINCOROUTINECHECK_H

#include "utils/BlockingCallCheckBase.h"

namespace clang::tidy::async {

/// Finds thread-blocking calls other than sleeps reached from a coroutine body.
///
/// File streams and C stdio, POSIX I/O, waiting on futures, threads,
/// condition variables, latches, barriers and semaphores, `std::system`,
/// `popen`, name resolution, synchronous Asio operations and running an event
/// loop all hold the executor's thread while they wait, stalling every other
/// task on it. Reported at the call in the coroutine, also through functions
/// of the same translation unit. Not reported: calls in lambdas or functions
/// handed to a thread or pool, and calls that are `co_await`ed. Use the
/// asynchronous form or move the work to a thread pool (spawn_blocking);
/// suppress with NOLINT(async-blocking-call-in-coroutine).
///
/// For the user-facing documentation see docs/checks/async-blocking-call-in-coroutine.md
class BlockingCallInCoroutineCheck : public BlockingCallCheckBase {
public:
  BlockingCallInCoroutineCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif
