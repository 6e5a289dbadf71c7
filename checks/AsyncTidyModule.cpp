//===--- AsyncTidyModule.cpp - registers the async-* checks ---------------===//
//
// The module is registered only when the clang-tidy that loads it has the
// LLVM major version the plugin was built for. A mismatched clang-tidy (on
// Debian 12, plain `clang-tidy` is LLVM 14) would otherwise list the checks
// and then silently find nothing: the plugin says so in one line instead.
//
//===----------------------------------------------------------------------===//

#include "BlockingCallInCoroutineCheck.h"
#include "DanglingReferenceCheck.h"
#include "DiscardedTaskCheck.h"
#include "IgnoredJoinHandleCheck.h"
#include "LockHeldAcrossSuspendCheck.h"
#include "MissingTimeoutCheck.h"
#include "NeverYieldingLoopCheck.h"
#include "SleepInCoroutineCheck.h"
#include "UnboundedSpawnCheck.h"
#include "utils/Compat.h" // ClangTidyModuleRegistry
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Version.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <string>

namespace clang::tidy::async {

class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<BlockingCallInCoroutineCheck>(
        "async-blocking-call-in-coroutine");
    Factories.registerCheck<DanglingReferenceCheck>("async-dangling-reference");
    Factories.registerCheck<DiscardedTaskCheck>("async-discarded-task");
    Factories.registerCheck<IgnoredJoinHandleCheck>("async-ignored-join-handle");
    Factories.registerCheck<LockHeldAcrossSuspendCheck>("async-lock-held-across-suspend");
    Factories.registerCheck<MissingTimeoutCheck>("async-missing-timeout");
    Factories.registerCheck<NeverYieldingLoopCheck>("async-never-yielding-loop");
    Factories.registerCheck<SleepInCoroutineCheck>("async-sleep-in-coroutine");
    Factories.registerCheck<UnboundedSpawnCheck>("async-unbounded-spawn");
  }
};

// The host's clang major version, read through dlsym so that a host without
// the symbol (or with another ABI for it) cannot crash the load. -1: unknown.
static int hostClangMajor() {
  using VersionFn = std::string (*)();
  // clang::getClangFullVersion(), which returns a std::string (C++11 ABI tag).
  void *Sym = dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev");
  if (!Sym)
    return -1; // statically linked into our own driver: nothing to compare
  std::string Full = reinterpret_cast<VersionFn>(Sym)();
  size_t At = Full.find("version ");
  return At == std::string::npos ? -1 : std::atoi(Full.c_str() + At + 8);
}

static bool registerModule() {
  int Host = hostClangMajor();
  if (Host != -1 && Host != CLANG_VERSION_MAJOR) {
    std::fprintf(stderr,
                 "asynclint: this plugin was built for clang-tidy %d but was loaded "
                 "into clang-tidy %d; its async-* checks are disabled (run "
                 "clang-tidy-%d)\n",
                 CLANG_VERSION_MAJOR, Host, CLANG_VERSION_MAJOR);
    return false;
  }
  static ClangTidyModuleRegistry::Add<AsyncModule> Module(
      "async-module", "Checks for asynchronous C++: coroutines, tasks and executors.");
  return true;
}

static const bool Registered = registerModule();

} // namespace clang::tidy::async

// Referenced by the driver to force this object file (and the registration
// above) into the link, as upstream clang-tidy does for its own modules.
namespace clang::tidy {
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int AsyncModuleAnchorSource = 0;
} // namespace clang::tidy
