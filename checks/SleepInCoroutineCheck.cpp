//===--- SleepInCoroutineCheck.cpp - async-sleep-in-coroutine -------------===//

#include "SleepInCoroutineCheck.h"

namespace clang::tidy::async {

// The C library's sleeps are named at global scope: NameList matches them
// only against declarations with C linkage or from a system header.
static constexpr llvm::StringLiteral DefaultSleeps =
    "::std::this_thread::sleep_for;::std::this_thread::sleep_until;"
    "::sleep;::usleep;::nanosleep;::clock_nanosleep;::thrd_sleep;"
    "::boost::this_thread::sleep_for;::boost::this_thread::sleep_until;"
    "::boost::this_thread::sleep";

// "*" is the suggestion for every entry without one of its own; in a program
// that uses a framework with a known asynchronous sleep, the message names
// that sleep instead (FrameworkProfile::AsyncSleep).
static constexpr llvm::StringLiteral DefaultReplacements =
    "*=an asynchronous timer (co_await asio::steady_timer::async_wait, "
    "co_await asyncrt::sleep)";

SleepInCoroutineCheck::SleepInCoroutineCheck(StringRef Name, ClangTidyContext *Context)
    : BlockingCallCheckBase(Name, Context,
                            {DefaultSleeps, DefaultReplacements, "sleep", Vocabulary::Sleeps,
                             /*SuggestFrameworkSleeps=*/true}) {}

} // namespace clang::tidy::async
