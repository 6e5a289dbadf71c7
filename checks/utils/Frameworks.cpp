//===--- Frameworks.cpp - what asynclint knows of each coroutine framework ===//
//
// The profiles below were written from each framework's public API (its
// documentation and headers); docs/frameworks/<name>.md explains every entry
// and what the profile cannot see.
//
//===----------------------------------------------------------------------===//

#include "Frameworks.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

llvm::StringRef vocabularyName(Vocabulary V) {
  static constexpr llvm::StringLiteral Names[] = {
      "Sleeps",           "BlockingCalls",       "SpawnFunctions",
      "TokenSpawnFunctions", "DetachedSpawnFunctions", "DetachedTokens",
      "NonThrowingTokens", "BlockingExecutors",  "HopFunctions",
      "EagerTaskTypes",   "LazyTaskTypes",       "SyncGeneratorTypes",
      "SyncDrivers",      "Limiters",            "RAIITypesList",
      "MutexTypesList",   "ScopedSpawnFunctions", "RethrowingDetachedSpawnFunctions",
      "BlockingHandleSpawnFunctions", "DrainFunctions"};
  static_assert(sizeof(Names) / sizeof(Names[0]) == unsigned(Vocabulary::Count));
  return Names[unsigned(V)];
}

// Lists in Vocabulary order:
//   Sleeps, BlockingCalls, SpawnFunctions, TokenSpawnFunctions,
//   DetachedSpawnFunctions, DetachedTokens, NonThrowingTokens,
//   BlockingExecutors, HopFunctions, EagerTaskTypes, LazyTaskTypes,
//   SyncGeneratorTypes, SyncDrivers, Limiters, GuardTypes, MutexTypes,
//   ScopedSpawnFunctions, RethrowingDetachedSpawnFunctions,
//   BlockingHandleSpawnFunctions, DrainFunctions
static const FrameworkProfile Profiles[] = {
    {"std", "", "",
     {"", "", "", "", "", "", "", "", "", "", "", "::std::generator", "", "", "", "", "", "", "", ""}},

    {"asio", "asio;boost::asio;boost::beast", "asio;boost::asio;boost::beast",
     {/*Sleeps*/ "",
      /*BlockingCalls: synchronous Beast I/O*/
      "::boost::beast::http::read;::boost::beast::http::read_header;"
      "::boost::beast::http::write;::boost::beast::http::write_header;"
      "::boost::beast::websocket::stream::read;::boost::beast::websocket::stream::read_some;"
      "::boost::beast::websocket::stream::write;::boost::beast::websocket::stream::write_some;"
      "::boost::beast::websocket::stream::handshake;::boost::beast::websocket::stream::accept;"
      "::boost::beast::websocket::stream::close;::boost::beast::websocket::stream::ping;"
      "::boost::beast::basic_stream::connect;::boost::beast::basic_stream::read_some;"
      "::boost::beast::basic_stream::write_some;"
      "::boost::asio::read_at;::boost::asio::write_at;::boost::asio::io_context::poll;"
      "::boost::asio::io_context::run_for;::boost::asio::io_context::run_until;"
      "::boost::asio::thread_pool::wait",
      /*SpawnFunctions*/ "",
      /*TokenSpawnFunctions*/ "::asio::co_spawn;::boost::asio::co_spawn",
      /*DetachedSpawnFunctions*/ "",
      /*DetachedTokens*/ "::asio::detached_t;::boost::asio::detached_t",
      /*NonThrowingTokens*/
      // `as_tuple` alone is a partial token (Asio 1.29+): `async_accept(as_tuple)`.
      "::asio::as_tuple_t;::asio::redirect_error_t;::asio::experimental::as_tuple_t;"
      "::asio::experimental::as_single_t;::asio::partial_as_tuple;"
      "::asio::partial_redirect_error;::boost::asio::as_tuple_t;"
      "::boost::asio::redirect_error_t;::boost::asio::experimental::as_tuple_t;"
      "::boost::asio::experimental::as_single_t;::boost::asio::partial_as_tuple;"
      "::boost::asio::partial_redirect_error",
      // asio::thread_pool is also the usual executor of coroutines, and
      // `co_await asio::post(pool, use_awaitable)` resumes on the coroutine's
      // own executor (the handler's associated executor): no hop.
      /*BlockingExecutors*/ "", /*HopFunctions*/ "",
      /*EagerTaskTypes*/ "", /*LazyTaskTypes*/ "::asio::awaitable;::boost::asio::awaitable",
      /*SyncGeneratorTypes*/ "", /*SyncDrivers*/ "",
      /*Limiters*/ "::asio::experimental::basic_channel::async_send;"
      "::boost::asio::experimental::basic_channel::async_send",
      /*GuardTypes*/ "", /*MutexTypes*/ "", /*ScopedSpawnFunctions*/ "",
      /*RethrowingDetachedSpawnFunctions*/ "",
      /*BlockingHandleSpawnFunctions*/ "", /*DrainFunctions*/ ""},
     "co_await asio::steady_timer::async_wait"},

    {"cobalt", "boost::cobalt", "boost::cobalt",
     {"", "::boost::cobalt::run", "", "::boost::cobalt::spawn", "", "", "", "", "",
      "::boost::cobalt::promise", "::boost::cobalt::task", "", "::boost::cobalt::run", "",
      "", "", "", "", "", ""},
     "co_await steady_timer::async_wait(boost::cobalt::use_op)"},

    {"cppcoro", "cppcoro", "cppcoro",
     {"",
      "::cppcoro::sync_wait;::cppcoro::io_service::process_events;"
      "::cppcoro::io_service::process_one_event;::cppcoro::io_service::process_pending_events;"
      "::cppcoro::io_service::process_one_pending_event",
      "", "", "", "", "", "::cppcoro::static_thread_pool",
      "::cppcoro::static_thread_pool::schedule;::cppcoro::io_service::schedule", "",
      "::cppcoro::task;::cppcoro::shared_task",
      "::cppcoro::generator;::cppcoro::recursive_generator", "::cppcoro::sync_wait", "", "",
      "", "::cppcoro::async_scope::spawn", "", "", ""},
     "co_await cppcoro::io_service::schedule_after"},

    {"folly", "folly::coro", "folly",
     {"",
      "::folly::coro::blockingWait;::folly::SemiFuture::get;::folly::SemiFuture::wait;"
      "::folly::Future::get;::folly::Future::wait;::folly::Baton::wait",
      "", "", "", "", "", "", "", "", "::folly::coro::Task", "", "::folly::coro::blockingWait",
      "::folly::fibers::Semaphore::co_wait;::folly::fibers::BatchSemaphore::co_wait", "",
      "::folly::SharedMutexImpl;::folly::DistributedMutex;::folly::SpinLock",
      "::folly::coro::AsyncScope::add;::folly::coro::AsyncScope::addWithSourceLoc;"
      "::folly::coro::TaskWithExecutor::start;::folly::coro::TaskWithExecutor::startInlineUnsafe",
      "", "", ""},
     "co_await folly::coro::sleep"},

    {"libcoro", "coro::thread_pool;coro::io_scheduler;coro::scheduler", "coro",
     {"", "::coro::sync_wait", "::coro::scheduler::spawn_joinable",
      "", "::coro::spawn_detached;::coro::thread_pool::spawn_detached;"
      "::coro::io_scheduler::spawn_detached;::coro::scheduler::spawn_detached;"
      "::coro::io_scheduler::spawn;::coro::scheduler::spawn",
      "", "", "::coro::thread_pool",
      "::coro::thread_pool::schedule;::coro::io_scheduler::schedule;::coro::scheduler::schedule",
      "", "::coro::task", "::coro::generator", "::coro::sync_wait",
      "::coro::semaphore::acquire;::coro::counting_semaphore::acquire", "", "", "", "",
      // Their join task owns a task_group, whose destructor waits for the task.
      "::coro::spawn_joinable;::coro::thread_pool::spawn_joinable;"
      "::coro::io_scheduler::spawn_joinable;::coro::scheduler::spawn_joinable",
      // "will wait until all inflight tasks are completed before returning"
      "::coro::thread_pool::shutdown;::coro::io_scheduler::shutdown;::coro::scheduler::shutdown"},
     "co_await coro::scheduler::yield_for"},

    {"seastar", "seastar", "seastar",
     {"", "", "", "", "", "", "", "", "", "::seastar::future", "", "", "",
      "::seastar::get_units;::seastar::basic_semaphore::wait", "", "", "", "", "", ""},
     "co_await seastar::sleep"},

    {"stdexec", "stdexec;exec", "stdexec;exec",
     {"", "::stdexec::sync_wait;::stdexec::sync_wait_with_variant", "", "", "", "", "",
      "::exec::static_thread_pool",
      "::stdexec::schedule;::exec::reschedule_coroutine_on", "", "::exec::task", "",
      "::stdexec::sync_wait;::stdexec::sync_wait_with_variant", "", "", "",
      "::stdexec::start_detached;::exec::start_detached;::exec::async_scope::spawn;"
      "::exec::async_scope::spawn_future", "", "", ""}},

    {"async_simple", "async_simple", "async_simple",
     {"",
      "::async_simple::coro::syncAwait;::async_simple::Future::get;"
      "::async_simple::Future::wait",
      "", "", "::async_simple::coro::Lazy::detach;::async_simple::coro::RescheduleLazy::detach",
      "", "", "", "", "", "::async_simple::coro::Lazy", "::async_simple::coro::Generator",
      "::async_simple::coro::syncAwait",
      "::async_simple::coro::CountingSemaphore::acquire", "", "",
      "::async_simple::coro::Lazy::start;::async_simple::coro::RescheduleLazy::start",
      // detach() rethrows the task's exception on the thread that runs it.
      "::async_simple::coro::Lazy::detach;::async_simple::coro::RescheduleLazy::detach", "", ""},
     "co_await async_simple::coro::sleep"},

    {"qt", "QCoro;::QObject;::QThread;::QMutex", "QCoro",
     {"::QThread::sleep;::QThread::msleep;::QThread::usleep",
      "::QCoro::waitFor;::QIODevice::waitForReadyRead;::QIODevice::waitForBytesWritten;"
      "::QAbstractSocket::waitForConnected;::QAbstractSocket::waitForDisconnected;"
      "::QAbstractSocket::waitForReadyRead;::QAbstractSocket::waitForBytesWritten;"
      "::QLocalSocket::waitForConnected;::QLocalSocket::waitForDisconnected;"
      "::QLocalSocket::waitForReadyRead;::QProcess::waitForStarted;"
      "::QProcess::waitForFinished;::QProcess::waitForReadyRead;::QThread::wait;"
      "::QEventLoop::exec;::QCoreApplication::exec;::QFuture::waitForFinished;"
      "::QFutureWatcher::waitForFinished;::QThreadPool::waitForDone;::QWaitCondition::wait;"
      "::QSemaphore::acquire",
      "", "", "", "", "", "", "", "::QCoro::Task", "", "::QCoro::Generator",
      "::QCoro::waitFor", "", "::QMutexLocker;::QReadLocker;::QWriteLocker",
      "::QMutex;::QRecursiveMutex;::QBasicMutex;::QReadWriteLock", "", "", "", ""},
     "co_await QCoro::sleepFor"},

    {"concurrencpp", "concurrencpp", "concurrencpp",
     {"",
      "::concurrencpp::result::get;::concurrencpp::result::wait;"
      "::concurrencpp::result::wait_for;::concurrencpp::result::wait_until;"
      "::concurrencpp::shared_result::get;::concurrencpp::shared_result::wait;"
      "::concurrencpp::shared_result::wait_for;::concurrencpp::shared_result::wait_until",
      "", "", "", "", "",
      "::concurrencpp::runtime::background_executor;::concurrencpp::thread_executor",
      "::concurrencpp::resume_on", "::concurrencpp::result;::concurrencpp::null_result",
      "::concurrencpp::lazy_result", "::concurrencpp::generator", "", "", "", "", "", "", "", ""},
     "co_await concurrencpp::timer_queue::make_delay_object"},

    // The project's own reference runtime (runtime-model/).
    {"asyncrt", "asyncrt", "",
     {"", "", "", "", "", "", "", "::asyncrt::blocking_pool", "::asyncrt::on", "", "", "",
      "::asyncrt::block_on", "", "", "", "", "", "", ""},
     "co_await asyncrt::sleep"},
};

llvm::ArrayRef<FrameworkProfile> frameworkProfiles() { return Profiles; }

// The namespace \p Path ("a::b") declared at global scope, if any.
static const DeclContext *findNamespace(ASTContext &Ctx, llvm::StringRef Path) {
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  while (!Path.empty()) {
    auto [Head, Rest] = Path.split("::");
    const DeclContext *Next = nullptr;
    for (const NamedDecl *D : DC->lookup(&Ctx.Idents.get(Head)))
      if (const auto *NS = dyn_cast<NamespaceDecl>(D)) {
        Next = NS;
        break;
      } else if (const auto *R = dyn_cast<RecordDecl>(D)) {
        Next = R;
        break;
      }
    if (!Next)
      return nullptr;
    DC = Next;
    Path = Rest;
  }
  return DC;
}

bool isFrameworkPresent(const FrameworkProfile &P, ASTContext &Ctx) {
  llvm::SmallVector<llvm::StringRef, 4> Markers;
  llvm::StringRef(P.Markers).split(Markers, ';', -1, false);
  if (Markers.empty())
    return true; // always on
  for (llvm::StringRef M : Markers) {
    if (M.consume_front("::")) {
      for (const NamedDecl *D :
           Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(M)))
        if (isa<TagDecl>(D) || isa<ClassTemplateDecl>(D))
          return true;
      continue;
    }
    if (findNamespace(Ctx, M))
      return true;
  }
  return false;
}

static bool isFrameworkNamespace(const NamespaceDecl &NS) {
  // The outermost namespace of \p NS's path decides, plus the second for
  // boost:: frameworks.
  llvm::SmallVector<llvm::StringRef, 4> Path;
  std::string Name = NS.getQualifiedNameAsString();
  llvm::StringRef(Name).split(Path, "::");
  if (Path.empty())
    return false;
  for (const FrameworkProfile &P : Profiles) {
    llvm::SmallVector<llvm::StringRef, 4> Namespaces;
    llvm::StringRef(P.Namespaces).split(Namespaces, ';', -1, false);
    for (llvm::StringRef N : Namespaces) {
      auto [Head, Rest] = N.split("::");
      if (Path[0] != Head)
        continue;
      if (Rest.empty() || (Path.size() > 1 && Path[1] == Rest))
        return true;
    }
  }
  return false;
}

bool isFrameworkImplementation(const Decl &D, const SourceManager &SM) {
  const auto *NS = dyn_cast<NamespaceDecl>(&D);
  if (!NS)
    return false;
  SourceLocation Loc = SM.getExpansionLoc(NS->getLocation());
  if (Loc.isInvalid() || SM.isInMainFile(Loc))
    return false;
  return isFrameworkNamespace(*NS);
}

} // namespace clang::tidy::async
