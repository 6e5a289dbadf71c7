//===--- SleepInCoroutineCheck.h - async-sleep-in-coroutine ------*- C++ -*-===//

#ifndef ASYNCLINT_CHECKS_SLEEPINCOROUTINECHECK_H
#define ASYNCLINT_CHECKS_SLEEPINCOROUTINECHECK_H

#include "utils/BlockingCallCheckBase.h"

namespace clang::tidy::async {

/// Finds thread-blocking sleeps reached from a coroutine body.
///
/// A coroutine shares its thread with every other task on the executor:
/// `std::this_thread::sleep_for`, `sleep`, `usleep`, `nanosleep` and the like
/// stop all of them, not just the caller. Reported at the call in the
/// coroutine, also when the sleep is in a function of the same translation
/// unit that the coroutine calls. Not reported: sleeps in lambdas or
/// functions that are handed to a thread or pool, and calls that are
/// `co_await`ed (an asynchronous sleep of the same name). Use an asynchronous
/// timer instead; suppress with NOLINT(async-sleep-in-coroutine).
///
/// For the user-facing documentation see docs/checks/async-sleep-in-coroutine.md
class SleepInCoroutineCheck : public BlockingCallCheckBase {
public:
  SleepInCoroutineCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::async

#endif
