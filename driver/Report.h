//===--- Report.h - text, JSON and SARIF reports; baselines; merge -*- C++ -*-===//

#ifndef ASYNCLINT_DRIVER_REPORT_H
#define ASYNCLINT_DRIVER_REPORT_H

#include "Driver.h"
#include "llvm/ADT/StringSet.h"

namespace asynclint {

struct Report {
  std::vector<Located> Findings; // what is reported (baseline and suppression already applied)
  std::vector<Failure> Failures;
  std::string SourceRoot;
  unsigned NumTUs = 0, CacheHits = 0;
};

std::string renderText(const Report &R, SourceFiles &Sources, bool Color);
std::string renderJSON(const Report &R, SourceFiles &Sources);
std::string renderSarif(const Report &R, SourceFiles &Sources);

/// The asynclint/v1 fingerprints of a SARIF file. Returns false (and sets
/// Error) when it is not a readable SARIF log.
bool loadBaseline(llvm::StringRef Path, llvm::StringSet<> &Fingerprints, std::string &Error);

/// Merges SARIF logs of asynclint runs (e.g. shards) into one run. Results that
/// several inputs found (a header seen by two shards) are kept once.
bool mergeSarif(llvm::ArrayRef<std::string> Inputs, std::string &Out, std::string &Error);

std::string uriFor(llvm::StringRef RelOrAbs);

} // namespace asynclint

#endif
