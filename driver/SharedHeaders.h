//===--- SharedHeaders.h - which units can share a precompiled prefix -*- C++ -*-===//
//
// Units whose commands parse alike (same directory, language, flags, extra
// arguments) and whose sources start with the same `#include` lines can
// be parsed against one precompiled header of those lines: the unit still
// includes them, and their include guards make the second inclusion empty.
// This file decides who shares what; Analyze.cpp builds and uses the PCHs.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_DRIVER_SHAREDHEADERS_H
#define ASYNCLINT_DRIVER_SHAREDHEADERS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace asynclint {

/// The `#include` lines at the very start of a source file (only whitespace
/// and comments before and between them), each as "<name>" or "\"name\"", in
/// order. Scanning stops at anything else: code, a computed include, `#define`,
/// `#if`, `#pragma`, a line continuation. So a file with preprocessor state
/// before its includes has an empty prefix and is parsed plainly.
std::vector<std::string> includePrefix(llvm::StringRef Text);

/// The key of the group of commands that parse alike: \p Args (the command
/// line, compiler first) without the source file \p File, its output and
/// dependency-file options, plus \p Directory and \p Language. "" when the
/// command cannot share a precompiled header (it already uses -include,
/// -imacros, a PCH or modules, or is clang-cl).
std::string sharingGroupKey(llvm::ArrayRef<std::string> Args, llvm::StringRef File,
                            llvm::StringRef Directory, llvm::StringRef Language);

/// \p Args with the directory of every include-directory option (-I,
/// -isystem, -iquote, -idirafter, --include-directory=) made absolute against
/// \p Directory, each written joined to its option. Headers found through a
/// relative directory would otherwise have relative names, which a header
/// filter of absolute paths (the default: the source root) never matches.
/// clang-cl command lines are returned unchanged.
std::vector<std::string> absoluteIncludeDirs(llvm::ArrayRef<std::string> Args,
                                             llvm::StringRef Directory);

/// Where the compiler looks for `#include <name>` (and, after the includer's
/// own directory, for `#include "name"`) under command line \p Args run in
/// \p Directory: the -iquote directories (for quoted names only), then -I,
/// -isystem and -idirafter, in that order, absolute. The system directories
/// that follow are not listed. \p Understood is false when the command uses
/// `-I-`, which changes the lookup in ways this does not model.
struct IncludeSearch {
  std::vector<std::string> Quoted; // -iquote
  std::vector<std::string> Angled; // -I, -isystem, -idirafter
  size_t FirstSystem = 0;          // Angled[FirstSystem...] are system directories
  bool Understood = true;
};
IncludeSearch includeSearch(llvm::ArrayRef<std::string> Args, llvm::StringRef Directory);

struct PrefixChoice {
  std::vector<std::string> Headers; // the shared leading includes
  std::vector<size_t> Members;      // indices into the Prefixes given
  int Parent = -1;                  // the choice whose Headers begin these, or -1
  size_t Representative = 0;        // a unit whose prefix starts with Headers
};

/// Chooses shared prefixes among the units of one group (their include
/// prefixes), as a tree: each unit goes to the longest leading run of its
/// headers that at least one other unit also starts with; a run that two
/// chosen runs both extend is chosen as well, as their common base. A choice's
/// Parent is the longest chosen run its Headers begin with, so its PCH can be
/// built on its parent's (chained) rather than from nothing. Parents come
/// before their children. Units whose first header no other unit starts with
/// are in no choice and are parsed plainly.
std::vector<PrefixChoice> choosePrefixes(llvm::ArrayRef<std::vector<std::string>> Prefixes);

/// For sharing in any order (--shared-headers=any-order): reorders each of
/// one group's \p Prefixes the same way, the headers that more of the group's
/// units include first (ties: the one they include earlier on average, then
/// by name), so that units including the same
/// headers in different orders start alike and choosePrefixes shares them. A
/// unit parsed against a PCH of such a run reads those headers in the PCH's
/// order, before the rest of its own: sound only for headers that do not
/// depend on the order they are included in (the standard's do not,
/// [using.headers]/2), which this mode takes on trust, as a build's forced
/// prefix header does.
void orderForSharing(std::vector<std::vector<std::string>> &Prefixes);

} // namespace asynclint

#endif
