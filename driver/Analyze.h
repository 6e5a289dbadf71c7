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
  unsigned CacheMaxAgeDays = 30;      // prune what no run used for this long (0: never)
  unsigned ShardIndex = 0, ShardCount = 1; // 0-based index
  bool Progress = false;
  bool Verbose = false;
  bool IncludeThirdParty = false;     // report findings in vendored code and the build dir
  bool SharedHeaders = true;          // parse a group's shared include prefix once (a PCH)
  /// Share the headers units include whatever their order (orderForSharing),
  /// not only a run they all start with in the same order.
  bool SharedHeadersAnyOrder = false;
  /// The most PCH files in a chain, the last included (a hidden option, for
  /// tests). Clang 19 crashes loading a chain of six (llvm/llvm-project#131448).
  size_t MaxChainedPCHs = 4;
  /// For tests only: each PCH build first sleeps this long (a slow build).
  unsigned PCHBuildDelayMs = 0;
  /// For tests only: the PCH files a parse or build has pinned are renamed
  /// away while it runs (GoneDuringParse), as a concurrent run could.
  bool PCHGoneDuringParse = false;
  unsigned UnitTimeout = 300;         // seconds per unit (0: none)
  unsigned UnitMemoryMB = 0;          // address-space limit per unit (0: none)
};

struct AnalysisResult {
  std::vector<Finding> Findings; // deduplicated, sorted; suppressed ones included
  std::vector<Failure> Failures;
  std::string SourceRoot;        // absolute, no trailing slash
  unsigned NumTUs = 0, CacheHits = 0;
  // Shared headers: units parsed against a precompiled header, headers built
  // in this run, reused from the cache directory.
  unsigned SharedUnits = 0, PCHBuilt = 0, PCHReused = 0;
};

/// Runs the analysis. Returns 0, or 2 after printing one line per usage or
/// configuration error.
int analyze(const AnalyzeOptions &Opts, AnalysisResult &Result);

/// The findings/failures of one translation unit (what the cache holds).
struct TUResult {
  std::vector<Finding> Findings;
  std::vector<Failure> Failures;
};

/// What a parse depended on, as the compiler's file system saw it.
struct Dependencies {
  std::vector<std::pair<std::string, std::string>> Read;   // path, hash of the bytes read ("" opened only)
  std::vector<std::string> Missing;                        // looked up, not found
  std::vector<std::pair<std::string, std::string>> Listed; // directory, hash of its names
  bool Uncacheable = false;                                // e.g. a file changed between two reads
};

/// Dependencies as the cache stores them: "read", "missing", "listed" in \p O.
void dependenciesToJSON(const Dependencies &Deps, llvm::json::Object &O);
bool dependenciesFromJSON(const llvm::json::Object &O, Dependencies &Deps);

/// Marks a cache file as used now (its modification time), so that pruning
/// keeps it. Best effort: a read-only cache is left as it is.
void touchCacheFile(llvm::StringRef Path);

/// What pruneCache removed.
struct PruneCounts {
  unsigned Entries = 0, PCHs = 0, Other = 0; // results, precompiled headers, stale temporaries
  uint64_t Bytes = 0;
};

/// Removes from the cache directory \p Dir the result entries, and from
/// Dir/pch the precompiled headers (with their manifests and generated headers),
/// that no run has used for \p MaxAgeDays days, and temporary files a killed run
/// left more than a day ago. Only files named as asynclint names them are
/// removed, whatever else the directory holds. At most once a day per cache
/// (the time of Dir/prune.stamp).
PruneCounts pruneCache(llvm::StringRef Dir, unsigned MaxAgeDays);

/// xxh3-128 of \p S, as 32 hex digits.
std::string hashBytes(llvm::StringRef S);
/// A hash of the names in \p Dir; "" when it cannot be listed.
std::string hashDirectory(llvm::StringRef Dir);

class ResultCache {
public:
  /// Disabled when Dir cannot be created.
  ResultCache(std::string Dir);
  bool enabled() const { return Enabled; }
  /// Entries found unreadable (truncated, not JSON) by lookups so far.
  unsigned damaged() const { return Damaged; }
  /// Key of everything known before the run: tool (asynclint, Clang and LLVM
  /// versions, the driver's bytes), parsing environment, command, configuration.
  std::string key(llvm::ArrayRef<std::string> Parts) const;
  /// A hit needs every file the run read to have the contents it read, every
  /// path it did not find to be absent still, every directory it listed the
  /// same names.
  bool lookup(llvm::StringRef Key, TUResult &Out);
  void store(llvm::StringRef Key, const TUResult &R, const Dependencies &Deps);
  /// Whether the dependencies recorded in \p O ("read", "missing", "listed",
  /// as dependenciesToJSON writes them) are all as they were. \p Malformed is
  /// set when O has none. Works when the cache is disabled too.
  bool dependenciesUnchanged(const llvm::json::Object &O, bool &Malformed);
  /// xxh3-128 of the file's bytes, once per run; "" when unreadable.
  std::string hashFile(llvm::StringRef Path);

private:
  std::string Dir;
  bool Enabled = false;
  unsigned Damaged = 0;
  std::string ToolId;
  std::mutex *Lock;
  llvm::StringMap<std::string> *Hashes; // per run: each header is hashed once
};

} // namespace asynclint

#endif
