//===--- BlockingCallInCoroutineCheck.cpp - async-blocking-call-in-coroutine ===//

#include "BlockingCallInCoroutineCheck.h"

namespace clang::tidy::async {

// Names at global scope ("::read") are the C library's: NameList matches them
// only against declarations with C linkage or from a system header. A class
// name stands for its constructors (opening a file stream blocks).
static constexpr llvm::StringLiteral DefaultBlockingCalls =
    // File streams and C stdio.
    "::std::basic_ifstream;::std::basic_ofstream;::std::basic_fstream;"
    "::std::basic_ifstream::open;::std::basic_ofstream::open;::std::basic_fstream::open;"
    "::std::basic_filebuf::open;"
    "::fopen;::freopen;::fread;::fwrite;::fgets;::fgetc;::getc;::getchar;::gets;"
    "::fscanf;::scanf;::getline;::getdelim;::fflush;::fsync;::fdatasync;"
    // POSIX I/O. O_NONBLOCK is invisible statically: see the docs.
    "::read;::write;::pread;::pwrite;::readv;::writev;::recv;::recvfrom;::recvmsg;"
    "::send;::sendto;::sendmsg;::accept;::accept4;::connect;::poll;::ppoll;"
    "::select;::pselect;::epoll_wait;::epoll_pwait;::flock;::lockf;::wait;::waitpid;"
    // Waiting on threads and synchronisation objects.
    "::std::future::get;::std::future::wait;::std::future::wait_for;"
    "::std::future::wait_until;::std::shared_future::get;::std::shared_future::wait;"
    "::std::shared_future::wait_for;::std::shared_future::wait_until;"
    "::std::thread::join;::std::jthread::join;"
    "::std::condition_variable::wait;::std::condition_variable::wait_for;"
    "::std::condition_variable::wait_until;::std::condition_variable_any::wait;"
    "::std::condition_variable_any::wait_for;::std::condition_variable_any::wait_until;"
    "::std::latch::wait;::std::latch::arrive_and_wait;"
    "::std::barrier::wait;::std::barrier::arrive_and_wait;"
    "::std::counting_semaphore::acquire;::std::counting_semaphore::try_acquire_for;"
    "::std::counting_semaphore::try_acquire_until;"
    "::pthread_join;::pthread_cond_wait;::pthread_cond_timedwait;::sem_wait;"
    "::sem_timedwait;"
    "::boost::thread::join;::boost::condition_variable::wait;"
    // Processes and name resolution.
    "::std::system;::system;::popen;::pclose;"
    "::getaddrinfo;::getnameinfo;::gethostbyname;::gethostbyaddr;"
    // Synchronous Asio operations and running an event loop.
    "::asio::read;::asio::write;::asio::read_until;::asio::read_at;::asio::write_at;"
    "::asio::connect;"
    "::asio::basic_socket::connect;::asio::basic_stream_socket::read_some;"
    "::asio::basic_stream_socket::write_some;::asio::basic_stream_socket::receive;"
    "::asio::basic_stream_socket::send;::asio::basic_datagram_socket::receive;"
    "::asio::basic_datagram_socket::receive_from;::asio::basic_datagram_socket::send;"
    "::asio::basic_datagram_socket::send_to;::asio::basic_socket_acceptor::accept;"
    "::asio::ip::basic_resolver::resolve;::asio::basic_waitable_timer::wait;"
    "::asio::io_context::run;::asio::io_context::run_one;::asio::io_context::run_for;"
    "::asio::io_context::run_until;::asio::io_context::poll;::asio::thread_pool::join;"
    "::asio::thread_pool::wait;"
    "::boost::asio::read;::boost::asio::write;::boost::asio::read_until;"
    "::boost::asio::connect;::boost::asio::basic_socket::connect;"
    "::boost::asio::basic_stream_socket::read_some;"
    "::boost::asio::basic_stream_socket::write_some;"
    "::boost::asio::basic_socket_acceptor::accept;"
    "::boost::asio::ip::basic_resolver::resolve;"
    "::boost::asio::basic_waitable_timer::wait;::boost::asio::io_context::run;"
    "::boost::asio::io_context::run_one;::boost::asio::thread_pool::join";

static constexpr llvm::StringLiteral DefaultReplacements =
    "::std::future::get=co_await on an asynchronous result (a JoinHandle, "
    "asio::use_awaitable);"
    "::std::thread::join=co_await a JoinHandle or spawn_blocking;"
    "::asio::read=co_await asio::async_read;::asio::write=co_await asio::async_write;"
    "::asio::read_until=co_await asio::async_read_until;"
    "::asio::connect=co_await asio::async_connect;"
    "::asio::basic_socket::connect=co_await socket.async_connect;"
    "::asio::basic_stream_socket::read_some=co_await socket.async_read_some;"
    "::asio::basic_stream_socket::write_some=co_await socket.async_write_some;"
    "::asio::basic_socket_acceptor::accept=co_await acceptor.async_accept;"
    "::asio::ip::basic_resolver::resolve=co_await resolver.async_resolve;"
    "::asio::basic_waitable_timer::wait=co_await timer.async_wait";

BlockingCallInCoroutineCheck::BlockingCallInCoroutineCheck(StringRef Name,
                                                           ClangTidyContext *Context)
    : BlockingCallCheckBase(Name, Context,
                            {DefaultBlockingCalls, DefaultReplacements, "call", Vocabulary::BlockingCalls}) {}

} // namespace clang::tidy::async
