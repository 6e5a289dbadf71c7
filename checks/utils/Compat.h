//===--- Compat.h - the API differences between the LLVMs we build for ----===//
//
// asynclint builds from one tree against LLVM 19 and LLVM 22
// (-DASYNCLINT_LLVM_VERSION). Every difference between their APIs that our
// code meets is bridged here, so that no check carries an #if. Differences
// that both versions accept one way (a spelling that compiles in 19 and 22)
// are written that way at the call site instead; docs/design.md lists them
// all.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_UTILS_COMPAT_H
#define ASYNCLINT_UTILS_COMPAT_H

#include "clang/Basic/Version.h"

// ClangTidyModuleRegistry: its own header up to LLVM 21; LLVM 22 moved it
// into ClangTidyModule.h and deprecates the old header (removed in 24).
#if CLANG_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // ASYNCLINT_UTILS_COMPAT_H
