//===--- Worker.h - translation units in worker processes -------*- C++ -*-===//
//
// Each unit that is not answered from the cache is analysed in a child process
// forked from the (single-threaded) driver. The child writes its result as
// JSON to a pipe and its stderr to a log file; a child that crashes, runs past
// the time limit or out of memory becomes a Failure naming its log, and the
// other units go on.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_DRIVER_WORKER_H
#define ASYNCLINT_DRIVER_WORKER_H

#include "Analyze.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace asynclint {

struct IsolationOptions {
  unsigned Jobs = 1;
  unsigned TimeoutSeconds = 0; // 0: none
  unsigned MemoryLimitMB = 0;  // 0: none (RLIMIT_AS of each worker)
  std::string LogDir;          // where the logs of failed units are kept
  std::string SourceRoot;      // for log file names
  bool Verbose = false;        // copy every worker's stderr to ours
};

/// Runs the units [0, Files.size()): Prepare(I, R) in this process (true: R is
/// final, no worker), else Work(I) in a worker. Finished(I, R, FromPrepare) is
/// called in this process as each unit ends, in completion order. Units start
/// in order, except that a free worker passes over a unit for which Ready(I)
/// is false (one waiting for another to finish) while others run.
void runInWorkers(llvm::ArrayRef<std::string> Files, const IsolationOptions &O,
                  llvm::function_ref<bool(size_t, TUResult &)> Prepare,
                  llvm::function_ref<TUResult(size_t)> Work,
                  llvm::function_ref<void(size_t, TUResult &&, bool)> Finished,
                  llvm::function_ref<bool(size_t)> Ready = {});

} // namespace asynclint

#endif
