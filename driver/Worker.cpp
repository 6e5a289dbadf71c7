//===--- Worker.cpp - translation units in worker processes ---------------===//
//
// Why fork and not llvm::CrashRecoveryContext: a crash recovered in-process
// leaves Clang's heap, its global state (statistics, the signal handlers'
// file list, ManagedStatics) and any lock the crashing thread held in an
// unknown state, and recovery cannot stop a hang or bound memory. A forked
// worker shares nothing it can damage. The driver forks only from its one
// thread, so the child inherits no lock held by another thread.
//
// Protocol: the child writes one JSON object {"findings": [...],
// "failures": [...]} to its pipe and exits 0. Anything else (a signal, another
// exit status, a truncated object) is a failure of that unit.
//
//===----------------------------------------------------------------------===//

#include "Worker.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace asynclint {
using llvm::StringRef;
using Clock = std::chrono::steady_clock;

namespace {

struct Running {
  size_t Index;
  pid_t Pid;
  int Fd;
  std::string Log; // temporary file holding the child's stderr
  std::string Out; // what the child wrote to the pipe
  Clock::time_point Deadline;
  bool TimedOut = false; // SIGABRT sent (its handler prints the stack); SIGKILL at Deadline
  bool Killed = false;
};

bool writeAll(int Fd, StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data = Data.drop_front(N);
  }
  return true;
}

[[noreturn]] void childMain(int Fd, const std::string &Log, const IsolationOptions &O,
                            llvm::function_ref<TUResult(size_t)> Work, size_t Index) {
  // The compiler's messages, LLVM's stack trace on a crash and "LLVM ERROR: out
  // of memory" all go to fd 2: the unit's log.
  int LogFd = ::open(Log.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (LogFd >= 0) {
    ::dup2(LogFd, 2);
    ::close(LogFd);
  }
  // LLVM's stack printer looks for llvm-symbolizer on PATH; Debian installs it
  // under the versioned LLVM directory.
  if (!::getenv("LLVM_SYMBOLIZER_PATH")) {
    for (const char *Dir : {ASYNCLINT_LLVM_TOOLS_DIR})
      if (auto P = llvm::sys::findProgramByName("llvm-symbolizer", {Dir}))
        ::setenv("LLVM_SYMBOLIZER_PATH", P->c_str(), 1);
  }
  if (O.MemoryLimitMB) {
    struct rlimit L;
    L.rlim_cur = L.rlim_max = static_cast<rlim_t>(O.MemoryLimitMB) << 20;
    ::setrlimit(RLIMIT_AS, &L);
  }
  TUResult R = Work(Index);
  llvm::json::Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const Failure &F : R.Failures)
    Failures.push_back(toJSON(F));
  std::string Text = llvm::formatv("{0}", llvm::json::Value(llvm::json::Object{
                                              {"findings", std::move(Findings)},
                                              {"failures", std::move(Failures)}}))
                         .str();
  bool Ok = writeAll(Fd, Text);
  ::close(Fd);
  ::fflush(stderr);
  // No exit handlers or static destructors: they belong to the parent.
  ::_exit(Ok ? 0 : 1);
}

/// Keeps a failed unit's log: moved to LogDir when possible, else left in the
/// temporary directory. Returns its path.
std::string keepLog(const std::string &Temp, StringRef File, const IsolationOptions &O,
                    llvm::StringSet<> &Used) {
  std::string Rel = relativePath(File, O.SourceRoot);
  std::string Name;
  for (char C : Rel)
    Name += (llvm::isAlnum(C) || C == '.' || C == '-' || C == '_') ? C : '_';
  if (O.LogDir.empty() || llvm::sys::fs::create_directories(O.LogDir))
    return Temp;
  // Two commands of one file that both fail keep both logs.
  std::string Unique = Name;
  for (unsigned K = 2; !Used.insert(Unique).second; ++K)
    Unique = Name + "-" + std::to_string(K);
  llvm::SmallString<256> Dest(O.LogDir);
  llvm::sys::path::append(Dest, Unique + ".log");
  if (!llvm::sys::fs::rename(Temp, Dest))
    return std::string(Dest);
  if (!llvm::sys::fs::copy_file(Temp, Dest)) {
    llvm::sys::fs::remove(Temp);
    return std::string(Dest);
  }
  return Temp;
}

std::string describeSignal(int Sig) {
  const char *Name = ::strsignal(Sig);
  return "signal " + std::to_string(Sig) + (Name ? std::string(", ") + Name : std::string());
}

/// The result of a finished child, or a Failure saying why there is none.
TUResult finish(Running &W, int Status, StringRef File, const IsolationOptions &O,
                llvm::StringSet<> &Used) {
  TUResult R;
  std::string LogText;
  if (auto Buf = llvm::MemoryBuffer::getFile(W.Log, /*IsText=*/true))
    LogText = (*Buf)->getBuffer().str();
  if (O.Verbose && !LogText.empty())
    errs() << LogText;

  bool Clean = WIFEXITED(Status) && WEXITSTATUS(Status) == 0 && !W.TimedOut;
  if (Clean) {
    auto V = llvm::json::parse(W.Out);
    llvm::json::Path::Root Root;
    const llvm::json::Object *Obj = V ? V->getAsObject() : nullptr;
    const llvm::json::Value *F = Obj ? Obj->get("findings") : nullptr;
    const llvm::json::Value *E = Obj ? Obj->get("failures") : nullptr;
    if (!V)
      llvm::consumeError(V.takeError());
    if (F && E && fromJSON(*F, R.Findings, Root) && fromJSON(*E, R.Failures, Root)) {
      llvm::sys::fs::remove(W.Log);
      return R;
    }
    R = TUResult();
  }
  bool OutOfMemory = StringRef(LogText).contains("out of memory") ||
                     StringRef(LogText).contains("std::bad_alloc");
  std::string Why;
  if (W.TimedOut)
    Why = "the analysis took longer than --unit-timeout=" + std::to_string(O.TimeoutSeconds) +
          " seconds and was stopped";
  else if (OutOfMemory)
    Why = "the analysis ran out of memory" +
          (O.MemoryLimitMB ? " (--unit-memory=" + std::to_string(O.MemoryLimitMB) + " MB)"
                           : std::string());
  else if (WIFSIGNALED(Status))
    Why = "the analysis crashed (" + describeSignal(WTERMSIG(Status)) + ")";
  else if (WIFEXITED(Status) && WEXITSTATUS(Status) != 0)
    Why = "the analysis worker exited with status " + std::to_string(WEXITSTATUS(Status));
  else
    Why = "the analysis worker sent an unreadable result";
  std::string Kept = keepLog(W.Log, File, O, Used);
  R.Failures.push_back({File.str(), Why + "; stack trace and compiler output in " + Kept});
  return R;
}

} // namespace

void runInWorkers(llvm::ArrayRef<std::string> Files, const IsolationOptions &O,
                  llvm::function_ref<bool(size_t, TUResult &)> Prepare,
                  llvm::function_ref<TUResult(size_t)> Work,
                  llvm::function_ref<void(size_t, TUResult &&, bool)> Finished,
                  llvm::function_ref<bool(size_t)> Ready) {
  unsigned Jobs = std::max(1u, O.Jobs);
  std::vector<Running> Active;
  llvm::StringSet<> UsedLogNames;
  std::vector<char> Started(Files.size(), 0);
  size_t Next = 0, Left = Files.size(); // Next: the first unit not started
  // The first unit not started that is ready; with none ready and no worker
  // running (nothing that could make one ready), the first not started.
  auto pick = [&]() -> size_t {
    while (Next < Files.size() && Started[Next])
      ++Next;
    if (!Ready || Active.empty())
      return Next;
    for (size_t I = Next; I < Files.size(); ++I)
      if (!Started[I] && Ready(I))
        return I;
    return Files.size();
  };
  auto start = [&](size_t I) -> bool {
    llvm::SmallString<128> Log;
    int LogFd;
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("asynclint-unit", "log", LogFd, Log)) {
      TUResult R;
      R.Failures.push_back({Files[I], "cannot create a log file: " + EC.message()});
      Finished(I, std::move(R), false);
      return false;
    }
    ::close(LogFd);
    int Pipe[2];
    if (::pipe2(Pipe, O_CLOEXEC) != 0) {
      TUResult R;
      R.Failures.push_back({Files[I], std::string("cannot create a pipe: ") + strerror(errno)});
      llvm::sys::fs::remove(Log);
      Finished(I, std::move(R), false);
      return false;
    }
    llvm::outs().flush();
    errs().flush();
    ::fflush(nullptr);
    pid_t Pid = ::fork();
    if (Pid == 0) {
      ::close(Pipe[0]);
      for (const Running &W : Active)
        ::close(W.Fd);
      childMain(Pipe[1], std::string(Log), O, Work, I);
    }
    ::close(Pipe[1]);
    if (Pid < 0) {
      TUResult R;
      R.Failures.push_back({Files[I], std::string("cannot start a worker: ") + strerror(errno)});
      ::close(Pipe[0]);
      llvm::sys::fs::remove(Log);
      Finished(I, std::move(R), false);
      return false;
    }
    Running W{I, Pid, Pipe[0], std::string(Log), {}, Clock::time_point::max()};
    if (O.TimeoutSeconds)
      W.Deadline = Clock::now() + std::chrono::seconds(O.TimeoutSeconds);
    Active.push_back(std::move(W));
    return true;
  };

  while (Left > 0 || !Active.empty()) {
    while (Active.size() < Jobs && Left > 0) {
      size_t I = pick();
      if (I == Files.size())
        break; // the rest wait for a running one
      Started[I] = 1;
      --Left;
      TUResult R;
      if (Prepare(I, R)) {
        Finished(I, std::move(R), true);
        continue;
      }
      start(I);
    }
    if (Active.empty())
      continue;
    std::vector<pollfd> Fds;
    Clock::time_point Soonest = Clock::time_point::max();
    for (const Running &W : Active) {
      Fds.push_back({W.Fd, POLLIN, 0});
      if (!W.Killed)
        Soonest = std::min(Soonest, W.Deadline);
    }
    int Timeout = -1;
    if (Soonest != Clock::time_point::max()) {
      auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(Soonest - Clock::now());
      Timeout = static_cast<int>(std::max<long long>(0, std::min<long long>(Ms.count() + 1, 60000)));
    }
    int N = ::poll(Fds.data(), Fds.size(), Timeout);
    if (N < 0 && errno != EINTR)
      break; // cannot happen with valid descriptors
    auto Now = Clock::now();
    for (Running &W : Active) {
      if (Now < W.Deadline || W.Killed)
        continue;
      if (!W.TimedOut) {
        // LLVM's handler prints where it was stuck into the log, then dies.
        ::kill(W.Pid, SIGABRT);
        W.TimedOut = true;
        W.Deadline = Now + std::chrono::seconds(10);
      } else {
        ::kill(W.Pid, SIGKILL); // its pipe closes: the read below sees the end
        W.Killed = true;
      }
    }
    std::vector<Running> StillRunning;
    for (size_t K = 0; K < Active.size(); ++K) {
      Running &W = Active[K];
      bool Ended = false;
      if (N > 0 && (Fds[K].revents & (POLLIN | POLLHUP | POLLERR))) {
        char Buf[65536];
        ssize_t Got = ::read(W.Fd, Buf, sizeof(Buf));
        if (Got > 0)
          W.Out.append(Buf, Got);
        else if (Got == 0 || errno != EINTR)
          Ended = true;
      }
      if (!Ended) {
        StillRunning.push_back(std::move(W));
        continue;
      }
      ::close(W.Fd);
      int Status = 0;
      while (::waitpid(W.Pid, &Status, 0) < 0 && errno == EINTR) {
      }
      TUResult R = finish(W, Status, Files[W.Index], O, UsedLogNames);
      Finished(W.Index, std::move(R), false);
    }
    Active = std::move(StillRunning);
  }
}

} // namespace asynclint
