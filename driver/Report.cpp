//===--- Report.cpp - text, JSON and SARIF reports; baselines; merge ------===//
//
// SARIF is written with llvm::json rather than clang's SarifDocumentWriter:
// GitHub code scanning needs partialFingerprints, help.markdown, rule tags,
// suppressions, fixes with byte regions and per-unit notifications, none of
// which SarifDocumentWriter (clang 19) can express. See docs/driver.md.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "asynclint/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>

namespace asynclint {
using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Text

std::string renderText(const Report &R, SourceFiles &Sources, bool Color) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto Bold = [&](StringRef S) {
    if (Color)
      OS << "\x1b[1m" << S << "\x1b[0m";
    else
      OS << S;
  };
  auto Quote = [&](StringRef File, unsigned Offset) {
    auto LC = Sources.lineCol(File, Offset);
    StringRef Line = Sources.line(File, LC.Line);
    if (Line.empty())
      return;
    OS << llvm::formatv("{0,5} | ", LC.Line) << Line << "\n      | ";
    for (unsigned I = 1; I < LC.Column && I <= Line.size(); ++I)
      OS << (Line[I - 1] == '\t' ? '\t' : ' ');
    OS << (Color ? "\x1b[32m^\x1b[0m" : "^") << "\n";
  };
  for (const Located &L : R.Findings) {
    const Finding &F = *L.F;
    auto LC = Sources.lineCol(F.Where.File, F.Where.Offset);
    Bold(llvm::formatv("{0}:{1}:{2}: ", L.RelPath, LC.Line, LC.Column).str());
    StringRef Lv = levelName(F.Severity);
    if (Color)
      OS << (F.Severity == Level::Error ? "\x1b[1;31m" : "\x1b[1;35m") << Lv << ":\x1b[0m ";
    else
      OS << Lv << ": ";
    Bold(F.Message);
    OS << " [" << F.Check << "]";
    if (F.Suppressed)
      OS << " (suppressed: " << F.Justification << ")";
    OS << "\n";
    Quote(F.Where.File, F.Where.Offset);
    for (const Note &N : F.Notes) {
      if (N.Where) {
        auto NC = Sources.lineCol(N.Where->File, N.Where->Offset);
        Bold(llvm::formatv("{0}:{1}:{2}: ", relativePath(N.Where->File, R.SourceRoot), NC.Line,
                           NC.Column)
                 .str());
      }
      OS << (Color ? "\x1b[1;30mnote:\x1b[0m " : "note: ") << N.Message << "\n";
      if (N.Where)
        Quote(N.Where->File, N.Where->Offset);
    }
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// JSON

std::string renderJSON(const Report &R, SourceFiles &Sources) {
  Array Findings, Failures;
  for (const Located &L : R.Findings) {
    const Finding &F = *L.F;
    Array Notes, Fixes;
    for (const Note &N : F.Notes) {
      Object O{{"message", N.Message}};
      if (N.Where) {
        auto LC = Sources.lineCol(N.Where->File, N.Where->Offset);
        O["file"] = relativePath(N.Where->File, R.SourceRoot);
        O["line"] = LC.Line;
        O["column"] = LC.Column;
      }
      Notes.push_back(std::move(O));
    }
    for (const Replacement &Rep : F.Fixes)
      Fixes.push_back(Object{{"file", relativePath(Rep.File, R.SourceRoot)},
                             {"offset", Rep.Offset},
                             {"length", Rep.Length},
                             {"text", Rep.Text}});
    Object O{{"check", F.Check},
             {"level", levelName(F.Severity)},
             {"message", F.Message},
             {"file", L.RelPath},
             {"line", L.Line},
             {"column", L.Column},
             {"endLine", L.EndLine},
             {"endColumn", L.EndColumn},
             {"fingerprint", L.Fingerprint},
             {"notes", std::move(Notes)},
             {"fixes", std::move(Fixes)},
             {"suppressed", F.Suppressed}};
    if (F.Suppressed)
      O["justification"] = F.Justification;
    Findings.push_back(std::move(O));
  }
  for (const Failure &F : R.Failures)
    Failures.push_back(
        Object{{"file", relativePath(F.File, R.SourceRoot)}, {"message", F.Message}});
  Value V = Object{{"tool", "asynclint"},
                   {"version", ASYNCLINT_VERSION},
                   {"sourceRoot", R.SourceRoot},
                   {"translationUnits", R.NumTUs},
                   {"cacheHits", R.CacheHits},
                   {"findings", std::move(Findings)},
                   {"failures", std::move(Failures)}};
  return llvm::formatv("{0:2}", V).str() + "\n";
}

//===----------------------------------------------------------------------===//
// SARIF 2.1.0

std::string uriFor(StringRef Path) {
  std::string Out;
  if (llvm::sys::path::is_absolute(Path))
    Out = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += llvm::formatv("%{0:X2}", (unsigned)C).str();
  }
  return Out;
}

static Object artifact(StringRef RelOrAbs) {
  Object O{{"uri", uriFor(RelOrAbs)}};
  if (!llvm::sys::path::is_absolute(RelOrAbs))
    O["uriBaseId"] = "%SRCROOT%";
  return O;
}

static Object region(unsigned Line, unsigned Col, unsigned EndLine, unsigned EndCol) {
  return Object{{"startLine", Line}, {"startColumn", Col}, {"endLine", EndLine},
                {"endColumn", EndCol}};
}

/// SARIF wants a friendly name distinct from the id, as one Pascal-case word:
/// async-sleep-in-coroutine -> AsyncSleepInCoroutine.
static std::string friendlyName(StringRef Id) {
  std::string Out;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Out += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Out;
}

static Object ruleDescriptor(const Rule &R) {
  std::string Help = R.Markdown.empty() ? R.FullDescription : R.Markdown;
  return Object{
      {"id", R.Id},
      {"name", friendlyName(R.Id)},
      {"shortDescription", Object{{"text", R.ShortDescription}}},
      {"fullDescription", Object{{"text", R.FullDescription}}},
      {"help", Object{{"text", Help}, {"markdown", Help}}},
      {"helpUri", R.HelpUri},
      {"defaultConfiguration", Object{{"level", "warning"}}},
      {"properties", Object{{"tags", Array{"asynclint", "concurrency", "coroutines"}},
                            {"problem.severity", "warning"}}}};
}

static Object toolDriver() {
  Array Rules;
  for (const Rule &R : allRules())
    Rules.push_back(ruleDescriptor(R));
  return Object{{"name", "asynclint"},
                {"version", ASYNCLINT_VERSION},
                {"semanticVersion", ASYNCLINT_VERSION},
                {"informationUri", ASYNCLINT_HOMEPAGE},
                {"rules", std::move(Rules)}};
}

static size_t ruleIndex(StringRef Id) {
  const auto &Rules = allRules();
  for (size_t I = 0; I < Rules.size(); ++I)
    if (Rules[I].Id == Id)
      return I;
  return 0; // findings only come from registered rules
}

std::string renderSarif(const Report &R, SourceFiles &Sources) {
  Array Results;
  for (const Located &L : R.Findings) {
    const Finding &F = *L.F;
    Object Res{{"ruleId", F.Check},
               {"ruleIndex", (int64_t)ruleIndex(F.Check)},
               {"level", levelName(F.Severity)},
               {"message", Object{{"text", F.Message}}},
               {"locations",
                Array{Object{{"physicalLocation",
                              Object{{"artifactLocation", artifact(L.RelPath)},
                                     {"region", region(L.Line, L.Column, L.EndLine,
                                                       L.EndColumn)}}}}}}};
    Object Fingerprints{{"asynclint/v1", L.Fingerprint}};
    if (!L.LineHash.empty())
      Fingerprints["primaryLocationLineHash"] = L.LineHash;
    Res["partialFingerprints"] = std::move(Fingerprints);
    Array Related;
    int Id = 1;
    for (const Note &N : F.Notes) {
      Object Loc{{"id", Id++}, {"message", Object{{"text", N.Message}}}};
      if (N.Where) {
        Finding Tmp;
        Tmp.Check = F.Check;
        Tmp.Where = *N.Where;
        std::vector<Finding> One{Tmp};
        Located NL = locate(One, R.SourceRoot, Sources).front();
        Loc["physicalLocation"] =
            Object{{"artifactLocation", artifact(NL.RelPath)},
                   {"region", region(NL.Line, NL.Column, NL.EndLine, NL.EndColumn)}};
      }
      Related.push_back(std::move(Loc));
    }
    if (!Related.empty())
      Res["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty()) {
      std::map<std::string, Array> PerFile;
      for (const Replacement &Rep : F.Fixes)
        PerFile[Rep.File].push_back(
            Object{{"deletedRegion", Object{{"byteOffset", Rep.Offset}, {"byteLength", Rep.Length}}},
                   {"insertedContent", Object{{"text", Rep.Text}}}});
      Array Changes;
      for (auto &[File, Reps] : PerFile)
        Changes.push_back(Object{{"artifactLocation", artifact(relativePath(File, R.SourceRoot))},
                                 {"replacements", std::move(Reps)}});
      Res["fixes"] = Array{Object{{"description", Object{{"text", "apply the suggested fix"}}},
                                  {"artifactChanges", std::move(Changes)}}};
    }
    Array Supp;
    if (F.Suppressed)
      Supp.push_back(Object{{"kind", "inSource"}, {"justification", F.Justification}});
    Res["suppressions"] = std::move(Supp);
    Results.push_back(std::move(Res));
  }
  Array Notifications;
  for (const Failure &F : R.Failures) {
    std::string Rel = relativePath(F.File, R.SourceRoot);
    Notifications.push_back(Object{
        {"level", "error"},
        {"message", Object{{"text", "cannot analyse " + Rel + ": " + F.Message}}},
        {"descriptor", Object{{"id", "asynclint-translation-unit-failed"}}},
        {"locations", Array{Object{{"physicalLocation",
                                    Object{{"artifactLocation", artifact(Rel)}}}}}}});
  }
  // Unsuccessful only when nothing could be analysed: a run with one broken
  // unit still reports (and keeps open) every other unit's alerts.
  bool Success = R.Failures.empty() || R.Failures.size() < R.NumTUs;
  Object Invocation{{"executionSuccessful", Success}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  std::string Root = R.SourceRoot;
  if (!StringRef(Root).ends_with("/"))
    Root += "/";
  Object Run{{"tool", Object{{"driver", toolDriver()}}},
             {"invocations", Array{std::move(Invocation)}},
             {"originalUriBaseIds", Object{{"%SRCROOT%", Object{{"uri", uriFor(Root)}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(Results)}};
  Value Log = Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Array{std::move(Run)}}};
  return llvm::formatv("{0:2}", Log).str() + "\n";
}

//===----------------------------------------------------------------------===//
// Reading SARIF: baselines and merging

static bool readSarif(StringRef Path, Value &Out, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Error = "cannot read '" + Path.str() + "': " + Buf.getError().message();
    return false;
  }
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    Error = "'" + Path.str() + "' is not valid JSON: " + llvm::toString(V.takeError());
    return false;
  }
  const Object *O = V->getAsObject();
  const Array *Runs = O ? O->getArray("runs") : nullptr;
  if (!Runs || O->getString("version") != std::optional<StringRef>("2.1.0")) {
    Error = "'" + Path.str() + "' is not a SARIF 2.1.0 log (no \"version\": \"2.1.0\" and \"runs\")";
    return false;
  }
  for (const Value &Run : *Runs) {
    const Object *RO = Run.getAsObject();
    if (!RO || !RO->getArray("results")) {
      Error = "'" + Path.str() + "' has a run without a \"results\" array";
      return false;
    }
  }
  Out = std::move(*V);
  return true;
}

bool loadBaseline(StringRef Path, llvm::StringSet<> &Fingerprints, std::string &Error) {
  Value V(nullptr);
  if (!readSarif(Path, V, Error))
    return false;
  for (const Value &Run : *V.getAsObject()->getArray("runs")) {
    // Another tool's results have no asynclint fingerprints: as a baseline
    // they would silently hide nothing.
    const Object *Tool = Run.getAsObject()->getObject("tool");
    const Object *D = Tool ? Tool->getObject("driver") : nullptr;
    auto Name = D ? D->getString("name") : std::nullopt;
    if (Name != std::optional<StringRef>("asynclint")) {
      Error = "'" + Path.str() + "' is SARIF from " +
              (Name ? "'" + Name->str() + "'" : std::string("an unnamed tool")) +
              ", not asynclint (write a baseline with 'asynclint baseline')";
      return false;
    }
  }
  for (const Value &Run : *V.getAsObject()->getArray("runs"))
    for (const Value &Res : *Run.getAsObject()->getArray("results")) {
      const Object *RO = Res.getAsObject();
      const Object *FP = RO ? RO->getObject("partialFingerprints") : nullptr;
      if (auto S = FP ? FP->getString("asynclint/v1") : std::nullopt)
        Fingerprints.insert(*S);
    }
  return true;
}

bool mergeSarif(llvm::ArrayRef<std::string> Inputs, std::string &Out, std::string &Error) {
  std::optional<Object> Driver;
  Array Rules;
  std::map<std::string, size_t> RuleIdx;
  Array Results, Notifications;
  std::set<std::string> SeenResults;
  bool Success = true;
  std::optional<Value> BaseIds;
  for (const std::string &In : Inputs) {
    Value V(nullptr);
    if (!readSarif(In, V, Error))
      return false;
    for (Value &RunV : *V.getAsObject()->getArray("runs")) {
      Object &Run = *RunV.getAsObject();
      const Object *Tool = Run.getObject("tool");
      const Object *D = Tool ? Tool->getObject("driver") : nullptr;
      auto Name = D ? D->getString("name") : std::nullopt;
      if (!Name) {
        Error = "'" + In + "' has a run without tool.driver.name";
        return false;
      }
      if (Driver && Driver->getString("name") != Name) {
        Error = "cannot merge runs of '" + Name->str() + "' and '" +
                Driver->getString("name")->str() + "' (one tool per SARIF run)";
        return false;
      }
      if (!Driver) {
        Driver = *D;
        Driver->erase("rules");
      }
      std::vector<std::string> LocalIds;
      if (const Array *RA = D->getArray("rules"))
        for (const Value &Rule : *RA) {
          const Object *RO = Rule.getAsObject();
          std::string Id = RO && RO->getString("id") ? RO->getString("id")->str() : "";
          LocalIds.push_back(Id);
          if (!Id.empty() && !RuleIdx.count(Id)) {
            RuleIdx[Id] = Rules.size();
            Rules.push_back(Rule);
          }
        }
      if (!BaseIds)
        if (const Value *B = Run.get("originalUriBaseIds"))
          BaseIds = *B;
      if (const Array *Inv = Run.getArray("invocations"))
        for (const Value &I : *Inv) {
          const Object *IO = I.getAsObject();
          if (!IO)
            continue;
          if (IO->getBoolean("executionSuccessful") == std::optional<bool>(false))
            Success = false;
          if (const Array *N = IO->getArray("toolExecutionNotifications"))
            for (const Value &Note : *N)
              Notifications.push_back(Note);
        }
      for (Value &ResV : *Run.getArray("results")) {
        Object *Res = ResV.getAsObject();
        if (!Res)
          continue;
        std::string Id = Res->getString("ruleId") ? Res->getString("ruleId")->str() : "";
        if (Id.empty())
          if (auto Idx = Res->getInteger("ruleIndex"))
            if (*Idx >= 0 && (size_t)*Idx < LocalIds.size())
              Id = LocalIds[*Idx];
        if (!Id.empty() && RuleIdx.count(Id))
          (*Res)["ruleIndex"] = (int64_t)RuleIdx[Id];
        // Identity: rule, location and message (the fingerprint holds the first two).
        Value Key = Array{Id, Res->get("locations") ? *Res->get("locations") : Value(nullptr),
                          Res->get("message") ? *Res->get("message") : Value(nullptr)};
        if (SeenResults.insert(llvm::formatv("{0}", Key).str()).second)
          Results.push_back(std::move(ResV));
      }
    }
  }
  if (!Driver) {
    Error = "no runs in the input files";
    return false;
  }
  (*Driver)["rules"] = std::move(Rules);
  Object Invocation{{"executionSuccessful", Success}};
  if (!Notifications.empty())
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  Object Run{{"tool", Object{{"driver", std::move(*Driver)}}},
             {"invocations", Array{std::move(Invocation)}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(Results)}};
  if (BaseIds)
    Run["originalUriBaseIds"] = std::move(*BaseIds);
  Value Log = Object{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Array{std::move(Run)}}};
  Out = llvm::formatv("{0:2}", Log).str() + "\n";
  return true;
}

} // namespace asynclint
