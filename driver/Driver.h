//===--- Driver.h - shared types of the asynclint driver --------*- C++ -*-===//
//
// A finding is kept as file + byte offset (what clang-tidy gives); lines,
// columns, fingerprints and snippets are computed from the file's current text
// when a report is written, so a cached finding and a fresh one look the same.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_DRIVER_DRIVER_H
#define ASYNCLINT_DRIVER_DRIVER_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace asynclint {

/// Where a message points: an absolute, canonical path and a byte range.
struct Position {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0; // 0: unknown, the report extends it to the token
};

struct Note {
  std::string Message;
  std::optional<Position> Where;
};

struct Replacement {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Text;
};

enum class Level { Note = 0, Warning = 1, Error = 2 };
llvm::StringRef levelName(Level L);
std::optional<Level> parseLevel(llvm::StringRef S);

struct Finding {
  std::string Check;
  Level Severity = Level::Warning;
  std::string Message;
  Position Where;
  std::vector<Note> Notes;
  std::vector<Replacement> Fixes;
  bool Suppressed = false;    // NOLINT'd
  std::string Justification;  // the NOLINT comment, when suppressed
};

/// A translation unit that could not be analysed (fully).
struct Failure {
  std::string File;
  std::string Message;
};

llvm::json::Value toJSON(const Finding &F);
bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P);
llvm::json::Value toJSON(const Failure &F);
bool fromJSON(const llvm::json::Value &V, Failure &F, llvm::json::Path P);

/// The text of source files, read once, with line starts for offset -> line.
class SourceFiles {
public:
  struct LineCol {
    unsigned Line = 1, Column = 1; // 1-based; Column in bytes
  };
  /// nullptr when the file cannot be read.
  const std::string *text(llvm::StringRef Path);
  LineCol lineCol(llvm::StringRef Path, unsigned Offset);
  /// The line's text (no newline); empty when unknown.
  llvm::StringRef line(llvm::StringRef Path, unsigned Line);
  unsigned numLines(llvm::StringRef Path);

private:
  struct Entry {
    bool Ok = false;
    std::string Text;
    std::vector<unsigned> LineStarts;
  };
  Entry &get(llvm::StringRef Path);
  llvm::StringMap<std::unique_ptr<Entry>> Files;
};

/// A finding placed in its file: what every output format needs.
struct Located {
  const Finding *F = nullptr;
  std::string RelPath; // relative to the source root when inside it, else absolute
  unsigned Line = 1, Column = 1, EndLine = 1, EndColumn = 2; // byte columns, end exclusive
  std::string Fingerprint;      // asynclint/v1: survives line shifts
  std::string LineHash;         // GitHub's primaryLocationLineHash
};

/// Computes positions and fingerprints for all findings (in order).
std::vector<Located> locate(const std::vector<Finding> &Findings,
                            llvm::StringRef SourceRoot, SourceFiles &Sources);
std::string relativePath(llvm::StringRef Path, llvm::StringRef Root);

/// Rule metadata from the check registry and the embedded docs.
struct Rule {
  std::string Id;
  std::string ShortDescription; // first sentence after the title
  std::string FullDescription;  // first paragraph after the title (<= 1024 chars)
  std::string Markdown;         // the whole doc page ("" when none)
  std::string HelpUri;
};
/// Every check linked into the driver, sorted by id.
const std::vector<Rule> &allRules();
const Rule *findRule(llvm::StringRef Id);

/// Writes a file whole or not at all (temp file in the same directory + rename).
/// On failure returns false and sets Error.
bool writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents, std::string &Error);

/// "asynclint: error: ..." on the (saved) stderr.
llvm::raw_ostream &errs();
void error(const llvm::Twine &Msg);
void warning(const llvm::Twine &Msg);
void note(const llvm::Twine &Msg);

} // namespace asynclint

#endif
