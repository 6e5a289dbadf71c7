// A coroutine whose frame keeps a reference, pointer, view or by-reference
// capture to an object that dies while the task may still run: reported where
// the task escapes (spawned, detached, stored, returned, awaited later). The
// same calls awaited in the same full-expression, or with arguments that
// outlive the task, are not.
// RUN: %check_async_tidy %s async-dangling-reference %t -- -- -isystem %inputs
#include "asio.h"
#include "coro.h"
#include "asyncrt-mock.h"
#include "views.h"

struct Request { int Id; };
asio::awaitable<void> handle(std::string_view Text);
asio::awaitable<void> handleRef(const std::string &Text);
asio::awaitable<void> handleCopy(std::string Text);
asio::awaitable<void> handlePtr(const Request *R);
asio::awaitable<void> handleSpan(std::span<int> Values);
asio::awaitable<void> handleShared(std::shared_ptr<Request> R);
asyncrt::Task<> job(const std::string &Text);
asyncrt::Task<> jobCopy(std::string Text);
asyncrt::Task<> consume(asyncrt::Task<> T);
std::string Global;
extern std::string makeText();

// --- Spawned with co_spawn -------------------------------------------------

void spawnsViewOfLocal(asio::io_context &Ctx) {
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive local variable 'Buffer' that its parameter 'Text' refers to [async-dangling-reference]
  asio::co_spawn(Ctx, handleRef(Buffer), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handleRef' may outlive local variable 'Buffer' that its parameter 'Text' refers to
  asio::co_spawn(Ctx, handleRef("literal"), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handleRef' may outlive a temporary that its parameter 'Text' refers to
  asio::co_spawn(Ctx, handle(makeText()), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive a temporary that its parameter 'Text' refers to
  Request Req{1};
  asio::co_spawn(Ctx, handlePtr(&Req), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handlePtr' may outlive local variable 'Req' that its parameter 'R' refers to
  int Values[4] = {};
  asio::co_spawn(Ctx, handleSpan(Values), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handleSpan' may outlive local variable 'Values' that its parameter 'Values' refers to
  std::vector<int> Vec;
  asio::co_spawn(Ctx, handleSpan(Vec), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handleSpan' may outlive local variable 'Vec' that its parameter 'Values' refers to
  asio::co_spawn(Ctx, handle(std::string_view(Buffer.data())), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive local variable 'Buffer' that its parameter 'Text' refers to
}

// A by-value parameter of the spawning function dies when it returns.
void spawnsViewOfParameter(asio::io_context &Ctx, std::string Text) {
  asio::co_spawn(Ctx, handle(Text), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive parameter 'Text' that its parameter 'Text' refers to
}

// Safe: by value, shared ownership, long-lived referents, references the
// caller already holds (their lifetime is the caller's business).
void spawnsSafely(asio::io_context &Ctx, const std::string &Borrowed, std::string_view View) {
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handleCopy(Buffer), asio::detached);
  asio::co_spawn(Ctx, handleShared(std::make_shared<Request>()), asio::detached);
  asio::co_spawn(Ctx, handle("literal"), asio::detached);
  asio::co_spawn(Ctx, handle(Global), asio::detached);
  asio::co_spawn(Ctx, handleRef(Borrowed), asio::detached);
  asio::co_spawn(Ctx, handle(View), asio::detached);
  static std::string Kept;
  asio::co_spawn(Ctx, handleRef(Kept), asio::detached);
}

// Awaited in the same full-expression: the referent outlives the task.
asio::awaitable<void> awaitsAtOnce(asio::io_context &Ctx) {
  std::string Buffer = "request";
  co_await handle(Buffer);
  co_await handleRef(makeText());
}

// --- Coroutine lambdas -----------------------------------------------------

void spawnsLambdas(asio::io_context &Ctx) {
  int Count = 0;
  asio::co_spawn(Ctx, [&]() -> asio::awaitable<void> { ++Count; co_return; }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive local variable 'Count' that its capture 'Count' refers to
  asio::co_spawn(Ctx, [&Count]() -> asio::awaitable<void> { ++Count; co_return; }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive local variable 'Count' that its capture 'Count' refers to
  // co_spawn keeps the closure: captures by value are safe.
  asio::co_spawn(Ctx, [Count]() -> asio::awaitable<void> { (void)Count; co_return; }, asio::detached);
  // A lambda that is not a coroutine is not this check's business.
  asio::co_spawn(Ctx, [&] { return handleCopy("x"); }, asio::detached);
  // Called at once: the closure is a temporary that dies at the ';'.
  asio::co_spawn(Ctx, [Count]() -> asio::awaitable<void> { (void)Count; co_return; }(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive the temporary lambda closure that holds its captures
  auto Closure = [Count]() -> asio::awaitable<void> { (void)Count; co_return; };
  asio::co_spawn(Ctx, Closure(), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of lambda may outlive lambda closure 'Closure' that holds its captures
  // Moved into a by-value parameter: the frame owns it.
  std::string Text = "x";
  asio::co_spawn(Ctx, [](std::string T) -> asio::awaitable<void> { (void)T; co_return; }(std::move(Text)), asio::detached);
  // A lambda with no captures has nothing in its closure.
  asio::co_spawn(Ctx, []() -> asio::awaitable<void> { co_return; }(), asio::detached);
}

asio::awaitable<void> awaitsLambdaAtOnce() {
  int Count = 0;
  co_await [Count]() -> asio::awaitable<void> { (void)Count; co_return; }();
  co_await [&Count]() -> asio::awaitable<void> { ++Count; co_return; }();
}

// --- The runtime model's spawn ---------------------------------------------

asyncrt::Task<> spawnsJobs() {
  std::string Text = "x";
  asyncrt::spawn(job(Text));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
  asyncrt::spawn(job("temporary")).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: detached task of 'job' may outlive a temporary that its parameter 'Text' refers to
  // A handle kept and awaited: the local outlives the task...
  auto Handle = asyncrt::spawn(job(Text));
  co_await Handle;
  // ...but not a temporary.
  auto Early = asyncrt::spawn(job(std::string("t")));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: spawned task of 'job' may outlive a temporary that its parameter 'Text' refers to
  co_await Early;
  // Detached through the handle.
  auto Later = asyncrt::spawn(job(Text));
  Later.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: detached task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
  co_await asyncrt::spawn(job(Text));
  asyncrt::spawn(jobCopy(Text));
  // A task made earlier and spawned now.
  auto Made = job(Text);
  asyncrt::spawn(std::move(Made));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'job' may outlive local variable 'Text' that its parameter 'Text' refers to
}

// --- Awaited in a later full-expression --------------------------------------

// An eager coroutine lambda runs at once, up to its first suspension: a closure
// read only before it is read while the temporary closure is alive (Seastar's
// `auto f = [&]() -> future<> { co_await cv.when(...); }();`). After the
// suspension, or in a loop that suspends, it is gone.
void useCount(int);
void eagerLambdas(int Count) {
  auto ReadsFirst = [Count]() -> EagerTask { useCount(Count); co_await std::suspend_always{}; }();
  auto ReadsAfter = [Count]() -> EagerTask { co_await std::suspend_always{}; useCount(Count); }();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: later-awaited task of lambda may outlive the temporary lambda closure that holds its captures
  auto ReadsInALoop = [Count]() -> EagerTask {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: later-awaited task of lambda may outlive the temporary lambda closure that holds its captures
    for (int I = 0; I < 2; ++I) {
      useCount(Count);
      co_await std::suspend_always{};
    }
  }();
  auto LazyReadsFirst = [Count]() -> asyncrt::Task<> { useCount(Count); co_return; }();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: later-awaited task of lambda may outlive the temporary lambda closure that holds its captures
}

asyncrt::Task<> awaitsLater() {
  auto T = job("temporary");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: later-awaited task of 'job' may outlive a temporary that its parameter 'Text' refers to
  co_await std::move(T);
  std::string Text = "x";
  auto U = job(Text); // the local outlives the task
  co_await std::move(U);
  auto V = jobCopy("temporary"); // copied into the frame
  co_await std::move(V);
}

// --- Stored and returned ------------------------------------------------------

struct Slot {
  Slot &operator=(asyncrt::Task<> &&);
};
struct Session {
  std::vector<asyncrt::Task<>> Pending;
  Slot Current;
  void start(std::string Text) {
    Pending.push_back(job(Text));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: stored task of 'job' may outlive parameter 'Text' that its parameter 'Text' refers to
    Current = job(Text);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: stored task of 'job' may outlive parameter 'Text' that its parameter 'Text' refers to
    Pending.push_back(jobCopy(Text));
  }
};

// A container that is a member of a local (libcoro's bench: `c.tasks` of a
// local `client c`, run by sync_wait in the same scope) lives here too: only
// temporaries die before it is used.
struct Batch {
  std::vector<asyncrt::Task<>> Tasks;
};
void storesInALocalsMember(std::string Text) {
  Batch B;
  B.Tasks.push_back(job(Text));
  B.Tasks.push_back(job("temporary"));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: stored task of 'job' may outlive a temporary that its parameter 'Text' refers to
}

asyncrt::Task<> returnsView(std::string Text) {
  return job(Text);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: returned task of 'job' may outlive parameter 'Text' that its parameter 'Text' refers to
}
asyncrt::Task<> returnsBorrowed(const std::string &Text) { return job(Text); }
// A closure local to the returning function dies with it; one captured from
// an enclosing function (corral's `views::transform([&](int x) { return
// task(x); })`) lives there.
asyncrt::Task<> returnsLocalClosure(int Count) {
  auto Make = [Count]() -> asyncrt::Task<> { (void)Count; co_return; };
  return Make();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: returned task of lambda may outlive lambda closure 'Make' that holds its captures
}
asyncrt::Task<> returnsCapturedClosure(int Count) {
  auto Make = [Count]() -> asyncrt::Task<> { (void)Count; co_return; };
  auto Wrap = [&]() { return Make(); };
  co_await Wrap();
}
asyncrt::Task<> returnsCopy(std::string Text) { return jobCopy(std::move(Text)); }

// NOLINT is honoured.
void suppressed(asio::io_context &Ctx) {
  std::string Buffer;
  asio::co_spawn(Ctx, handle(Buffer), asio::detached); // NOLINT(async-dangling-reference)
}

// The spawning function runs the event loop afterwards (Asio's main): the
// locals declared before the run, in its scope, outlive every task it runs.
int runsTheLoop(std::string Arg) {
  asio::io_context Ctx;
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  asio::co_spawn(Ctx, handle(Arg), asio::detached);
  int Count = 0;
  asio::co_spawn(Ctx, [&Count]() -> asio::awaitable<void> { ++Count; co_return; }, asio::detached);
  // A temporary still dies at the ';'.
  asio::co_spawn(Ctx, handleRef("literal"), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handleRef' may outlive a temporary that its parameter 'Text' refers to
  {
    // A local of an inner block dies before the outer block runs the loop.
    std::string Inner = "x";
    asio::co_spawn(Ctx, handle(Inner), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: spawned task of 'handle' may outlive local variable 'Inner' that its parameter 'Text' refers to
  }
  Ctx.run();
  // Spawned after the run: nothing runs it in this scope any more.
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive local variable 'Buffer' that its parameter 'Text' refers to
  return Count;
}

// A coroutine that then awaits an object it handed to its tasks (the latch
// they count down, libcoro's bench) waits for them in its locals' scope; an
// unrelated wait does not.
struct Latch {
  void count_down();
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
asyncrt::Task<> signals(const std::string &Text, Latch &Done);
asyncrt::Task<> waitsForItsTasks() {
  Latch Done;
  std::string Text = "x";
  asyncrt::spawn(signals(Text, Done));
  co_await Done;
}
asyncrt::Task<> waitsForSomethingElse(Latch &Other) {
  Latch Done;
  std::string Text = "x";
  asyncrt::spawn(signals(Text, Done));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'signals' may outlive local variable 'Text' that its parameter 'Text' refers to
  co_await Other;
}

// A test's bounded run of the loop (`ctx.run_for(timeout)`) runs the tasks too.
void runsTheLoopFor(int Timeout) {
  asio::io_context Ctx;
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  Ctx.run_for(Timeout);
}
void neverRunsTheLoop(asio::io_context &Ctx) {
  std::string Buffer = "request";
  asio::co_spawn(Ctx, handle(Buffer), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: spawned task of 'handle' may outlive local variable 'Buffer' that its parameter 'Text' refers to
  Ctx.run_one();
}
