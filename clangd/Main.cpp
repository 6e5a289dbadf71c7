//===- Main.cpp - asynclint-clangd: clangd with the async-* checks --------===//
//
// clangd 19 as Debian builds it (clangd::clangdMain from libclangdMain.a), with the async-*
// clang-tidy checks linked in. Two things differ from clangd-19:
//   --version   names asynclint first, then prints what clangd prints;
//   fast checks the async-* checks count as fast, so clangd's default FastCheckFilter
//               (Strict) runs them; clangd decides for every other check as before.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"

#include <cstdio>
#include <cstring>
#include <optional>

namespace clang::clangd {
// Defined in libclangdMain.a (clangd's ClangdMain.cpp); Debian ships no clangd headers.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

// clangd's table of measured clang-tidy checks (TidyProvider.cpp): true = fast, false = slow,
// none = not measured, which FastCheckFilter: Strict (the default) does not run. The linker's
// --wrap sends clangd's calls here (see clangd/CMakeLists.txt) and __real_ reaches clangd's.
#define ASYNCLINT_IS_FAST_TIDY_CHECK "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"
std::optional<bool> clangdIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real_" ASYNCLINT_IS_FAST_TIDY_CHECK);
std::optional<bool> isFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap_" ASYNCLINT_IS_FAST_TIDY_CHECK);

std::optional<bool> isFastTidyCheck(llvm::StringRef Check) {
  // The async-* checks match coroutine bodies only; docs/editors.md gives clangd's own
  // --check-tidy-time measurement of them on an Asio program.
  if (Check.starts_with("async-"))
    return true;
  return clangdIsFastTidyCheck(Check);
}

int main(int argc, char *argv[]) {
  for (int I = 1; I < argc; ++I) {
    if (std::strcmp(argv[I], "--version") == 0 || std::strcmp(argv[I], "-version") == 0) {
      // clangd prints its own version lines and exits from inside clangdMain.
      std::printf("asynclint-clangd %s (clangd %s with the async-* checks)\n", ASYNCLINT_VERSION,
                  ASYNCLINT_CLANGD_VERSION);
      std::fflush(stdout);
      break;
    }
  }
  return clang::clangd::clangdMain(argc, argv);
}
