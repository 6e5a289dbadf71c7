//===--- Analyze.h - running the checks over a compile DB -------*- C++ -*-===//

#ifndef ASYNCLINT_DRIVER_ANALYZE_H
#define ASYNCLINT_DRIVER_ANALYZE_H

#include "Driver.h"
#include <mutex>

namespace asynclint {

struct AnalyzeOptions {
  std::string CompileDB;              // -p: a directory or the JSON file itself
  std::vector<std::string> Paths;     // filters on the DB's files (files or directories)
  std::vector<std::string> Excludes;  // --exclude globs (TUs and findings)
  unsigned Jobs = 0;                  // 0: all cores
  std::optional<std::string> Checks, HeaderFilter, ExcludeHeaderFilter, Config;
  std::optional<std::string> SourceRoot; // computed when unset
  bool UseCache = true;
  std::string CacheDir;               // "": <build dir>/.asynclint-cache
  unsigned ShardIndex = 0, ShardCount = 1; // 0-based index
  bool Progress = false;
  bool Verbose = false;
  unsigned UnitTimeout = 300;         // seconds per unit (0: none)
  unsigned UnitMemoryMB = 0;          // address-space limit per unit (0: none)
};

struct AnalysisResult {
  std::vector<Finding> Findings; // deduplicated, sorted; suppressed ones included
  std::vector<Failure> Failures;
  std::string SourceRoot;        // absolute, no trailing slash
  unsigned NumTUs = 0, CacheHits = 0;
};

/// Runs the analysis. Returns 0, or 2 after printing one line per usage or
/// configuration error.
int analyze(const AnalyzeOptions &Opts, AnalysisResult &Result);

/// The findings/failures of one translation unit (what the cache holds).
struct TUResult {
  std::vector<Finding> Findings;
  std::vector<Failure> Failures;
};

class ResultCache {
public:
  /// Disabled when Dir cannot be created.
  ResultCache(std::string Dir);
  bool enabled() const { return Enabled; }
  /// Key of everything known before the run: tool, command, configuration.
  std::string key(llvm::ArrayRef<std::string> Parts) const;
  /// A hit needs every file the run read to have its recorded contents.
  bool lookup(llvm::StringRef Key, TUResult &Out);
  void store(llvm::StringRef Key, const TUResult &R, llvm::ArrayRef<std::string> FilesRead);

private:
  std::string hashFile(llvm::StringRef Path); // "" when unreadable
  std::string Dir;
  bool Enabled = false;
  std::string ToolId;
  std::mutex *Lock;
  llvm::StringMap<std::string> *Hashes; // per run: each header is hashed once
};

} // namespace asynclint

#endif
