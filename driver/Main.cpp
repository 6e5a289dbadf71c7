//===--- Main.cpp - the asynclint command line ----------------------------===//
//
//   asynclint check -p BUILD [PATH...]   lint; text, SARIF or JSON; exit codes for CI
//   asynclint baseline -p BUILD -o F     write today's findings as a baseline
//   asynclint audit -p BUILD [--html F]  Markdown (and HTML) summary of a codebase
//   asynclint merge A.sarif B.sarif -o F merge shards
//   asynclint list-checks | explain CHECK
//
// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or
// configuration error, 3 a translation unit could not be analysed.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "Audit.h"
#include "Report.h"
#include "asynclint/Version.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include <fcntl.h>
#include <unistd.h>

using namespace llvm;
using namespace asynclint;

namespace {
int SavedStderr = 2;

cl::OptionCategory Category("asynclint options");
cl::SubCommand CheckCmd("check", "Lint the translation units of a compilation database");
cl::SubCommand BaselineCmd("baseline", "Write the current findings as a baseline SARIF file");
cl::SubCommand AuditCmd("audit", "Summarise a codebase's findings as Markdown (and HTML)");
cl::SubCommand MergeCmd("merge", "Merge SARIF files of asynclint runs (e.g. shards) into one");
cl::SubCommand ListCmd("list-checks", "List the checks");
cl::SubCommand ExplainCmd("explain", "Print the documentation of a check");

#define ANALYSIS cl::sub(CheckCmd), cl::sub(BaselineCmd), cl::sub(AuditCmd), cl::cat(Category)

cl::opt<std::string> BuildPath("p", cl::desc("Build directory with compile_commands.json (or the file)"),
                               cl::value_desc("build-dir"), cl::Prefix, ANALYSIS);
cl::list<std::string> Paths(cl::Positional, cl::desc("[<path>...]"), ANALYSIS);
cl::opt<unsigned> Jobs("j", cl::desc("Translation units analysed in parallel (default: all cores)"),
                       cl::init(0), cl::Prefix, ANALYSIS);
cl::alias JobsLong("jobs", cl::aliasopt(Jobs), cl::desc("Alias for -j"));
cl::opt<std::string> Checks("checks", cl::desc("Check globs, as clang-tidy's --checks (applied "
                                               "after .clang-tidy files)"),
                            ANALYSIS);
cl::opt<std::string> Config("config", cl::desc("A .clang-tidy configuration as YAML/JSON text"),
                            ANALYSIS);
cl::opt<std::string> HeaderFilter("header-filter",
                                  cl::desc("Regex of headers whose findings are reported "
                                           "(default: headers under the source root)"),
                                  ANALYSIS);
cl::opt<std::string> ExcludeHeaderFilter("exclude-header-filter",
                                         cl::desc("Regex of headers whose findings are not reported"),
                                         ANALYSIS);
cl::list<std::string> Exclude("exclude", cl::desc("Glob of files (relative to the source root or "
                                                  "absolute) to skip, as units and as finding "
                                                  "locations; repeatable"),
                              ANALYSIS);
cl::opt<std::string> SourceRoot("source-root",
                                cl::desc("Paths in reports are relative to this directory "
                                         "(default: the repository, else the compile DB's)"),
                                ANALYSIS);
cl::opt<std::string> CacheDir("cache-dir", cl::desc("Result cache (default: <build-dir>/.asynclint-cache)"),
                              ANALYSIS);
cl::opt<bool> NoCache("no-cache", cl::desc("Do not read or write the result cache"), ANALYSIS);
cl::opt<unsigned> CacheMaxAge(
    "cache-max-age",
    cl::desc("Remove cache entries and precompiled headers that no run has used for this many "
             "days (checked at most once a day; 0: never)"),
    cl::value_desc("days"), cl::init(30), ANALYSIS);
cl::opt<bool> NoSharedHeaders(
    "no-shared-headers",
    cl::desc("Parse every unit whole: no precompiled header of the include prefix that units "
             "with the same flags share (findings are the same either way)"),
    ANALYSIS);
enum class HeaderOrder { InOrder, AnyOrder };
cl::opt<HeaderOrder> SharedHeadersOrder(
    "shared-headers",
    cl::desc("Which units share a precompiled header of their leading includes"),
    cl::values(clEnumValN(HeaderOrder::InOrder, "in-order",
                          "units that start with the same headers in the same order "
                          "(default: findings are the same as without sharing)"),
               clEnumValN(HeaderOrder::AnyOrder, "any-order",
                          "units that include the same headers in any order before their own "
                          "code: faster, for headers that do not depend on the order they "
                          "are included in")),
    cl::init(HeaderOrder::InOrder), ANALYSIS);
// For tests only: how long a chain of precompiled headers may grow (Analyze.cpp).
cl::opt<unsigned> MaxChainedPCHs("max-chained-pchs", cl::Hidden, cl::init(4), ANALYSIS);
// For tests only: a slow PCH build, to test what free workers do meanwhile.
cl::opt<unsigned> PCHBuildDelayMs("pch-build-delay-ms", cl::Hidden, cl::init(0), ANALYSIS);
// For tests only: a PCH's files gone while a parse that pinned them runs.
cl::opt<bool> PCHGoneDuringParse("pch-gone-during-parse", cl::Hidden, ANALYSIS);
cl::opt<std::string> Shard("shard", cl::desc("Analyse only shard K of N (1 <= K <= N), a stable "
                                             "partition by path"),
                           cl::value_desc("K/N"), ANALYSIS);
cl::opt<bool> IncludeThirdParty(
    "include-third-party",
    cl::desc("Also analyse and report vendored code: _deps/, third_party/, third-party/, "
             "thirdparty/, 3rdparty/, external/, vendor/ under the source root, and the build "
             "directory when it is inside the source root"),
    ANALYSIS);
cl::opt<unsigned> UnitTimeout("unit-timeout",
                              cl::desc("Stop a unit's analysis after this many seconds and report "
                                       "it as failed (0: no limit; default 300)"),
                              cl::init(300), cl::value_desc("seconds"), ANALYSIS);
cl::opt<unsigned> UnitMemory("unit-memory",
                             cl::desc("Address-space limit of each unit's worker process, in MB "
                                      "(0: none, the default)"),
                             cl::init(0), cl::value_desc("MB"), ANALYSIS);
cl::opt<bool> Verbose("verbose", cl::desc("Let the compiler's own messages through to stderr"),
                      ANALYSIS);

cl::opt<std::string> Format("format", cl::desc("Output format: text, sarif or json"),
                            cl::init("text"), cl::sub(CheckCmd), cl::cat(Category));
cl::opt<std::string> Output("output", cl::desc("Write the report to this file (whole or not at all)"),
                            cl::sub(CheckCmd), cl::sub(BaselineCmd), cl::sub(AuditCmd),
                            cl::sub(MergeCmd), cl::cat(Category));
cl::alias OutputShort("o", cl::aliasopt(Output), cl::desc("Alias for --output"));
cl::opt<std::string> Baseline("baseline", cl::desc("Report only findings not in this SARIF file"),
                              cl::sub(CheckCmd), cl::sub(AuditCmd), cl::cat(Category));
cl::opt<std::string> FailOn("fail-on", cl::desc("Exit 1 on findings of this level or above: "
                                                "note, warning, error"),
                            cl::init("warning"), cl::sub(CheckCmd), cl::cat(Category));
cl::opt<bool> IncludeSuppressed("include-suppressed",
                                cl::desc("Report NOLINT'd findings too (SARIF: as suppressions)"),
                                cl::sub(CheckCmd), cl::cat(Category));
cl::opt<std::string> Html("html", cl::desc("Also write a self-contained HTML report"),
                          cl::sub(AuditCmd), cl::cat(Category));
cl::list<std::string> MergeInputs(cl::Positional, cl::desc("<file.sarif>..."), cl::sub(MergeCmd));
cl::opt<std::string> ExplainCheck(cl::Positional, cl::desc("<check>"), cl::sub(ExplainCmd));

/// While the checks run, the compiler's own chatter (stderr) goes nowhere;
/// asynclint's messages go to the saved descriptor.
class QuietStderr {
public:
  explicit QuietStderr(bool Enable) {
    if (!Enable)
      return;
    int Null = ::open("/dev/null", O_WRONLY);
    if (Null < 0)
      return;
    ::fflush(stderr);
    Active = ::dup2(Null, 2) >= 0;
    ::close(Null);
  }
  ~QuietStderr() {
    if (Active)
      ::dup2(SavedStderr, 2);
  }

private:
  bool Active = false;
};

bool emit(StringRef Text) {
  if (Output.empty()) {
    llvm::outs() << Text;
    llvm::outs().flush();
    return true;
  }
  std::string Error;
  if (!writeFileAtomically(Output, Text, Error)) {
    error(Error);
    return false;
  }
  return true;
}

bool buildOptions(AnalyzeOptions &O) {
  O.CompileDB = BuildPath;
  O.Paths = Paths;
  O.Excludes = Exclude;
  O.Jobs = Jobs;
  if (Checks.getNumOccurrences())
    O.Checks = Checks;
  if (Config.getNumOccurrences())
    O.Config = Config;
  if (HeaderFilter.getNumOccurrences())
    O.HeaderFilter = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    O.ExcludeHeaderFilter = ExcludeHeaderFilter;
  if (SourceRoot.getNumOccurrences()) {
    if (!sys::fs::is_directory(SourceRoot)) {
      error("--source-root: '" + SourceRoot + "' is not a directory");
      return false;
    }
    O.SourceRoot = SourceRoot;
  }
  O.UseCache = !NoCache;
  O.SharedHeaders = !NoSharedHeaders;
  O.SharedHeadersAnyOrder = SharedHeadersOrder == HeaderOrder::AnyOrder;
  O.MaxChainedPCHs = MaxChainedPCHs;
  O.PCHBuildDelayMs = PCHBuildDelayMs;
  O.PCHGoneDuringParse = PCHGoneDuringParse;
  O.CacheDir = CacheDir;
  O.CacheMaxAgeDays = CacheMaxAge;
  O.Verbose = Verbose;
  O.UnitTimeout = UnitTimeout;
  O.IncludeThirdParty = IncludeThirdParty;
  O.UnitMemoryMB = UnitMemory;
  if (Shard.getNumOccurrences()) {
    StringRef K, N;
    std::tie(K, N) = StringRef(Shard).split('/');
    unsigned KV = 0, NV = 0;
    if (K.getAsInteger(10, KV) || N.getAsInteger(10, NV) || NV == 0 || KV == 0 || KV > NV) {
      error("--shard: expected K/N with 1 <= K <= N, got '" + Shard + "'");
      return false;
    }
    O.ShardIndex = KV - 1;
    O.ShardCount = NV;
  }
  O.Progress = sys::Process::StandardErrIsDisplayed();
  return true;
}

struct Analysis {
  AnalysisResult Result;
  SourceFiles Sources;
  std::vector<Located> All; // every finding, suppressed ones included
};

/// Runs the analysis; returns -1 on success, else the exit code.
int runAnalysis(Analysis &A) {
  AnalyzeOptions O;
  if (!buildOptions(O))
    return 2;
  int RC;
  {
    QuietStderr Quiet(!O.Verbose);
    RC = analyze(O, A.Result);
  }
  if (RC)
    return RC;
  A.All = locate(A.Result.Findings, A.Result.SourceRoot, A.Sources);
  for (const Failure &F : A.Result.Failures)
    error("cannot analyse '" + relativePath(F.File, A.Result.SourceRoot) + "': " + F.Message);
  return -1;
}

Report makeReport(const Analysis &A, bool WithSuppressed, const StringSet<> *BaselineSet) {
  Report R;
  R.SourceRoot = A.Result.SourceRoot;
  R.Failures = A.Result.Failures;
  R.NumTUs = A.Result.NumTUs;
  R.CacheHits = A.Result.CacheHits;
  for (const Located &L : A.All) {
    if (L.F->Suppressed && !WithSuppressed)
      continue;
    if (BaselineSet && BaselineSet->contains(L.Fingerprint))
      continue;
    R.Findings.push_back(L);
  }
  return R;
}


// Reads --baseline, if given, into \p Set; on failure says why and returns false.
static bool loadBaselineOption(StringSet<> &Set) {
  if (Baseline.empty())
    return true;
  std::string Err;
  if (loadBaseline(Baseline, Set, Err))
    return true;
  error("--baseline: " + Err);
  return false;
}

int runCheck() {
  std::string Fmt = StringRef(Format).lower();
  if (Fmt != "text" && Fmt != "sarif" && Fmt != "json") {
    error("--format: expected text, sarif or json, got '" + Format + "'");
    return 2;
  }
  auto Threshold = parseLevel(FailOn);
  if (!Threshold) {
    error("--fail-on: expected note, warning or error, got '" + FailOn + "'");
    return 2;
  }
  StringSet<> BaselineSet;
  if (!loadBaselineOption(BaselineSet))
    return 2;
  Analysis A;
  if (int RC = runAnalysis(A); RC >= 0)
    return RC;
  Report R = makeReport(A, IncludeSuppressed, Baseline.empty() ? nullptr : &BaselineSet);
  std::string Text = Fmt == "sarif" ? renderSarif(R, A.Sources)
                     : Fmt == "json" ? renderJSON(R, A.Sources)
                                     : renderText(R, A.Sources,
                                                  Output.empty() && sys::Process::StandardOutHasColors());
  if (!emit(Text))
    return 2;
  unsigned Gating = 0, Shown = 0;
  for (const Located &L : R.Findings) {
    if (L.F->Suppressed)
      continue;
    ++Shown;
    Gating += L.F->Severity >= *Threshold;
  }
  if (sys::Process::StandardErrIsDisplayed())
    asynclint::errs() << "asynclint: " << Shown << (Shown == 1 ? " finding" : " findings") << " in "
                      << R.NumTUs << " translation units (" << R.CacheHits << " from cache"
                      << (R.Failures.empty() ? "" : ", " + std::to_string(R.Failures.size()) +
                                                        " failed")
                      << ")\n";
  if (!R.Failures.empty())
    return 3;
  return Gating ? 1 : 0;
}

int runBaseline() {
  if (Output.empty()) {
    error("baseline: -o FILE is required");
    return 2;
  }
  Analysis A;
  if (int RC = runAnalysis(A); RC >= 0)
    return RC;
  Report R = makeReport(A, /*WithSuppressed=*/false, nullptr);
  if (!emit(renderSarif(R, A.Sources)))
    return 2;
  return R.Failures.empty() ? 0 : 3;
}

int runAudit() {
  StringSet<> BaselineSet;
  if (!loadBaselineOption(BaselineSet))
    return 2;
  Analysis A;
  if (int RC = runAnalysis(A); RC >= 0)
    return RC;
  Report R = makeReport(A, /*WithSuppressed=*/false, Baseline.empty() ? nullptr : &BaselineSet);
  if (!Html.empty()) {
    std::string Err;
    if (!writeFileAtomically(Html, renderAuditHTML(R, A.Sources), Err)) {
      error(Err);
      return 2;
    }
  }
  if (!emit(renderAuditMarkdown(R, A.Sources)))
    return 2;
  return R.Failures.empty() ? 0 : 3;
}

int runMerge() {
  if (MergeInputs.empty()) {
    error("merge: no input files (asynclint merge A.sarif B.sarif... -o ALL.sarif)");
    return 2;
  }
  std::string Out, Err;
  if (!mergeSarif(MergeInputs, Out, Err)) {
    error("merge: " + Err);
    return 2;
  }
  return emit(Out) ? 0 : 2;
}

int runListChecks() {
  for (const Rule &R : allRules())
    llvm::outs() << R.Id << "\n    " << R.ShortDescription << "\n";
  return 0;
}

int runExplain() {
  if (ExplainCheck.empty()) {
    error("explain: name a check (see 'asynclint list-checks')");
    return 2;
  }
  const Rule *R = findRule(ExplainCheck);
  if (!R) {
    error("explain: no check named '" + ExplainCheck + "' (see 'asynclint list-checks')");
    return 2;
  }
  if (R->Markdown.empty())
    llvm::outs() << "# " << R->Id << "\n\n" << R->FullDescription << "\n";
  else
    llvm::outs() << R->Markdown;
  return 0;
}

} // namespace

namespace asynclint {
llvm::raw_ostream &errs() {
  static llvm::raw_fd_ostream OS(SavedStderr, /*shouldClose=*/false, /*unbuffered=*/true);
  return OS;
}
void error(const llvm::Twine &Msg) { errs() << "asynclint: error: " << Msg << "\n"; }
void warning(const llvm::Twine &Msg) { errs() << "asynclint: warning: " << Msg << "\n"; }
void note(const llvm::Twine &Msg) { errs() << "asynclint: note: " << Msg << "\n"; }
} // namespace asynclint

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  SavedStderr = ::dup(2);
  if (SavedStderr < 0)
    SavedStderr = 2;
  ::fcntl(SavedStderr, F_SETFD, FD_CLOEXEC);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "asynclint " << ASYNCLINT_VERSION << "\n  " << clang::getClangFullVersion() << "\n  "
       << allRules().size() << " checks\n";
  });
  for (cl::SubCommand *S : {&cl::SubCommand::getTopLevel(), &CheckCmd, &BaselineCmd, &AuditCmd,
                            &MergeCmd, &ListCmd, &ExplainCmd})
    cl::HideUnrelatedOptions(Category, *S);
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "asynclint: lints asynchronous C++ (coroutines, tasks, "
                                   "executors) in CI and whole codebases\n",
                                   &ParseOS)) {
    ParseOS.flush();
    StringRef First = StringRef(ParseErrors).split('\n').first;
    First.consume_front(StringRef(argv[0]).str() + ": ");
    First.consume_front("asynclint: ");
    error(First.empty() ? "invalid command line (see --help)" : First.str() + " (see --help)");
    return 2;
  }
  if (CheckCmd)
    return runCheck();
  if (BaselineCmd)
    return runBaseline();
  if (AuditCmd)
    return runAudit();
  if (MergeCmd)
    return runMerge();
  if (ListCmd)
    return runListChecks();
  if (ExplainCmd)
    return runExplain();
  error("no command given: asynclint check|baseline|audit|merge|list-checks|explain (see --help)");
  return 2;
}
