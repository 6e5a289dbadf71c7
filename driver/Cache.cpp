//===--- Cache.cpp - per-translation-unit result cache --------------------===//
//
// An entry is keyed by what is known before a run: the tool (asynclint's
// version, the Clang/LLVM library's full version and a hash of the driver's
// own bytes), the compile command, the environment that changes parsing, the
// effective configuration and the driver options. It records what the parse
// depended on, as seen by the file system the compiler used (RecordingFS in
// Analyze.cpp): the hash of the bytes of every file it read (not the file
// after the run, which may have been edited meanwhile), every path it looked
// up and did not find (a header created there later would shadow another),
// and the names in every directory it listed. A lookup re-checks all three;
// any difference is a miss. Each file is hashed once per run.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "asynclint/Version.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace asynclint {
using llvm::StringRef;

static std::string hex128(llvm::XXH128_hash_t H) {
  return llvm::utohexstr(H.high64, true, 16) + llvm::utohexstr(H.low64, true, 16);
}

std::string hashBytes(StringRef S) {
  return hex128(llvm::xxh3_128bits(llvm::ArrayRef(S.bytes_begin(), S.size())));
}

/// The names in \p Dir, in the order listed; \p EC says whether the listing failed.
static std::vector<std::string> directoryNames(StringRef Dir, std::error_code &EC) {
  std::vector<std::string> Names;
  for (llvm::sys::fs::directory_iterator I(Dir, EC), E; !EC && I != E; I.increment(EC))
    Names.push_back(llvm::sys::path::filename(I->path()).str());
  return Names;
}

std::string hashDirectory(StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Names = directoryNames(Dir, EC);
  if (EC)
    return "";
  llvm::sort(Names);
  return hashBytes(llvm::join(Names, std::string(1, '\0')));
}

/// Environment variables that change what the compiler reads or how it parses.
static const char *const ParsingEnvironment[] = {
    "CPATH",          "C_INCLUDE_PATH",        "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
    "OBJCPLUS_INCLUDE_PATH", "CCC_OVERRIDE_OPTIONS", "CLANG_NO_DEFAULT_CONFIG", "SDKROOT",
    "MACOSX_DEPLOYMENT_TARGET", "COMPILER_PATH", "SOURCE_DATE_EPOCH"};

ResultCache::ResultCache(std::string D) : Dir(std::move(D)) {
  static std::mutex M;
  static llvm::StringMap<std::string> H;
  Lock = &M;
  Hashes = &H;
  if (Dir.empty())
    return;
  Enabled = !llvm::sys::fs::create_directories(Dir);
  // The tool's identity: asynclint's version, the Clang and LLVM the checks
  // run on, and the bytes of the driver itself (it links the checks), so a
  // rebuilt check or library invalidates every entry and a copied or touched
  // binary does not.
  ToolId = std::string("asynclint ") + ASYNCLINT_VERSION + '\0' + clang::getClangFullVersion() +
           '\0' + LLVM_VERSION_STRING + '\0';
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, (void *)&hashBytes);
  if (auto Buf = llvm::MemoryBuffer::getFile(Exe, false, false))
    ToolId += hashBytes((*Buf)->getBuffer());
  else
    ToolId += "unknown binary " + std::to_string(::getpid()); // never matches another run
  for (const char *Var : ParsingEnvironment) {
    const char *V = ::getenv(Var);
    ToolId += '\0';
    ToolId += Var;
    ToolId += V ? "=" + std::string(V) : std::string(" unset");
  }
}

std::string ResultCache::key(llvm::ArrayRef<std::string> Parts) const {
  std::string All = "asynclint-cache-v2";
  All += '\0';
  All += ToolId;
  for (const std::string &P : Parts) {
    All += '\0';
    All += std::to_string(P.size());
    All += ':';
    All += P;
  }
  return hashBytes(All);
}

std::string ResultCache::hashFile(StringRef Path) {
  {
    std::lock_guard<std::mutex> G(*Lock);
    auto It = Hashes->find(Path);
    if (It != Hashes->end())
      return It->second;
  }
  std::string H;
  llvm::sys::fs::file_status St;
  // Only regular files: a FIFO or device read by a run cannot be re-read to
  // compare (and would block), so it never matches.
  if (!llvm::sys::fs::status(Path, St) && St.type() == llvm::sys::fs::file_type::regular_file)
    if (auto Buf = llvm::MemoryBuffer::getFile(Path, false, false))
      H = hashBytes((*Buf)->getBuffer());
  std::lock_guard<std::mutex> G(*Lock);
  (*Hashes)[Path] = H;
  return H;
}

bool ResultCache::lookup(StringRef Key, TUResult &Out) {
  if (!Enabled)
    return false;
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  auto Buf = llvm::MemoryBuffer::getFile(Path, false, false);
  if (!Buf)
    return false;
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V) {
    llvm::consumeError(V.takeError());
    ++Damaged;
    return false; // a damaged entry is a miss; the next store replaces it
  }
  const llvm::json::Object *O = V->getAsObject();
  bool Malformed = !O;
  if (!O || !dependenciesUnchanged(*O, Malformed)) {
    Damaged += Malformed;
    return false; // a damaged entry is a miss; the next store replaces it
  }
  TUResult R;
  llvm::json::Path::Root Root;
  const llvm::json::Value *F = O->get("findings"), *E = O->get("failures");
  if (!F || !E || !fromJSON(*F, R.Findings, Root) || !fromJSON(*E, R.Failures, Root))
    return false;
  Out = std::move(R);
  touchCacheFile(Path); // used: kept by pruning
  return true;
}

bool ResultCache::dependenciesUnchanged(const llvm::json::Object &O, bool &Malformed) {
  const llvm::json::Array *Read = O.getArray("read");
  const llvm::json::Array *Missing = O.getArray("missing");
  const llvm::json::Array *Listed = O.getArray("listed");
  if (!Read || !Missing || !Listed) {
    Malformed = true;
    return false;
  }
  for (const llvm::json::Value &D : *Read) {
    const llvm::json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2)
      return false;
    auto File = (*Pair)[0].getAsString(), Hash = (*Pair)[1].getAsString();
    if (!File || !Hash)
      return false;
    if (Hash->empty() ? !llvm::sys::fs::exists(*File) : hashFile(*File) != *Hash)
      return false;
  }
  for (const llvm::json::Value &D : *Missing) {
    auto File = D.getAsString();
    if (!File || llvm::sys::fs::exists(*File))
      return false; // created since: it may shadow what the run found
  }
  for (const llvm::json::Value &D : *Listed) {
    const llvm::json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2)
      return false;
    auto Dir = (*Pair)[0].getAsString(), Hash = (*Pair)[1].getAsString();
    if (!Dir || !Hash || hashDirectory(*Dir) != *Hash)
      return false;
  }
  return true;
}

void dependenciesToJSON(const Dependencies &Deps, llvm::json::Object &O) {
  llvm::json::Array Read, Missing, Listed;
  for (const auto &[File, Hash] : Deps.Read)
    Read.push_back(llvm::json::Array{File, Hash});
  for (const std::string &File : Deps.Missing)
    Missing.push_back(File);
  for (const auto &[D, Hash] : Deps.Listed)
    Listed.push_back(llvm::json::Array{D, Hash});
  O["read"] = std::move(Read);
  O["missing"] = std::move(Missing);
  O["listed"] = std::move(Listed);
}

bool dependenciesFromJSON(const llvm::json::Object &O, Dependencies &Deps) {
  const llvm::json::Array *Read = O.getArray("read");
  const llvm::json::Array *Missing = O.getArray("missing");
  const llvm::json::Array *Listed = O.getArray("listed");
  if (!Read || !Missing || !Listed)
    return false;
  for (auto [From, To] : {std::pair{Read, &Deps.Read}, std::pair{Listed, &Deps.Listed}})
    for (const llvm::json::Value &D : *From) {
      const llvm::json::Array *Pair = D.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString() || !(*Pair)[1].getAsString())
        return false;
      To->push_back({(*Pair)[0].getAsString()->str(), (*Pair)[1].getAsString()->str()});
    }
  for (const llvm::json::Value &D : *Missing) {
    if (!D.getAsString())
      return false;
    Deps.Missing.push_back(D.getAsString()->str());
  }
  return true;
}

void ResultCache::store(StringRef Key, const TUResult &R, const Dependencies &Deps) {
  if (!Enabled || Deps.Uncacheable)
    return;
  llvm::json::Object O;
  dependenciesToJSON(Deps, O);
  llvm::json::Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const Failure &F : R.Failures)
    Failures.push_back(toJSON(F));
  O["findings"] = std::move(Findings);
  O["failures"] = std::move(Failures);
  llvm::json::Value V = std::move(O);
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  std::string Error;
  writeFileAtomically(Path, llvm::formatv("{0}", V).str(), Error); // best effort
}

void touchCacheFile(StringRef Path) {
  ::utimensat(AT_FDCWD, Path.str().c_str(), nullptr, 0); // now; best effort
}

PruneCounts pruneCache(StringRef Dir, unsigned MaxAgeDays) {
  PruneCounts Counts;
  if (MaxAgeDays == 0)
    return Counts;
  using Clock = std::chrono::system_clock;
  const auto Now = Clock::now();
  const auto Day = std::chrono::hours(24);
  llvm::sys::fs::file_status St;
  std::string Stamp = (Dir + "/prune.stamp").str();
  if (!llvm::sys::fs::status(Stamp, St) && St.getLastModificationTime() > Now - Day)
    return Counts; // pruned less than a day ago (by this run or another)
  int FD;
  if (llvm::sys::fs::openFileForWrite(Stamp, FD, llvm::sys::fs::CD_OpenAlways))
    return Counts; // not writable: nothing could be removed either
  ::close(FD);
  touchCacheFile(Stamp);

  // (Beyond a century the nanosecond clock would overflow; it is "never" anyway.)
  const auto Cutoff = Now - Day * std::min(MaxAgeDays, 36500u);
  auto modified = [&](const std::string &Path, Clock::time_point &T) {
    if (llvm::sys::fs::status(Path, St, /*follow=*/false) ||
        St.type() != llvm::sys::fs::file_type::regular_file)
      return false; // gone, or not a file asynclint wrote (a link, a directory)
    T = St.getLastModificationTime();
    return true;
  };
  auto remove = [&](const std::string &Path, unsigned &Count) {
    uint64_t Size = 0;
    llvm::sys::fs::file_size(Path, Size);
    if (!llvm::sys::fs::remove(Path, /*IgnoreNonExisting=*/false)) {
      ++Count;
      Counts.Bytes += Size;
    }
  };
  // The names asynclint gives its files; nothing else is ever removed. A
  // temporary (a write or a PCH build a killed run left) goes after a day.
  static const llvm::Regex Entry("^[0-9a-f]{32}\\.json$"), PCH("^[0-9a-f]{32}-[0-9a-f]{16}\\.pch$"),
      Header("^[0-9a-f]{32}\\.h$"),
      Temporary("^([0-9a-f]{32}\\.tmp-[0-9a-zA-Z]{6}\\.pch|[0-9a-f]{32}\\.json\\.tmp-[0-9a-zA-Z]{6}|"
                "\\.write-test-[0-9a-zA-Z]{6})$");
  std::error_code Ignored; // a directory that cannot be listed has nothing to prune
  Clock::time_point T;
  std::string D = Dir.str();
  for (const std::string &Name : directoryNames(D, Ignored)) {
    std::string Path = D + "/" + Name;
    if (Entry.match(Name) && modified(Path, T) && T < Cutoff)
      remove(Path, Counts.Entries);
    else if (Temporary.match(Name) && modified(Path, T) && T < Now - Day)
      remove(Path, Counts.Other);
  }

  // Precompiled headers: a manifest (KEY.json) names its PCH (KEY-HASH.pch);
  // the generated header is KEY.h. A run that uses a PCH touches all three,
  // and those of the PCHs it is chained on. The three go together, when
  // neither the manifest nor the PCH has been used for MaxAgeDays; then any
  // PCH or header no manifest names that is as old.
  std::string P = D + "/pch";
  std::vector<std::string> Names = directoryNames(P, Ignored);
  std::map<std::string, bool> Named; // PCHs and headers manifests name: kept or not
  for (const std::string &Name : Names) {
    if (!Entry.match(Name))
      continue;
    std::string Key = Name.substr(0, 32), Manifest = P + "/" + Name, PCHName;
    std::vector<std::string> Chain;
    auto Buf = llvm::MemoryBuffer::getFile(Manifest, false, false);
    auto V = Buf ? llvm::json::parse((*Buf)->getBuffer())
                 : llvm::Expected<llvm::json::Value>(nullptr);
    if (!V)
      llvm::consumeError(V.takeError());
    else if (const llvm::json::Object *O = V->getAsObject()) {
      if (auto N = O->getString("pch"); N && PCH.match(*N))
        PCHName = N->str();
      if (const llvm::json::Array *A = O->getArray("chain"))
        for (const llvm::json::Value &E : *A)
          if (const llvm::json::Object *EO = E.getAsObject())
            if (auto N = EO->getString("pch"); N && PCH.match(*N))
              Chain.push_back(N->str());
    }
    Clock::time_point TM, TP;
    bool Old = modified(Manifest, TM) && TM < Cutoff &&
               (PCHName.empty() || !modified(P + "/" + PCHName, TP) || TP < Cutoff);
    if (!Old) {
      // Kept, with what it is chained on (whatever the manifests of those say).
      Named[Key + ".h"] = true;
      if (!PCHName.empty())
        Named[PCHName] = true;
      for (const std::string &N : Chain)
        Named[N] = true;
      continue;
    }
    unsigned Manifests = 0; // not counted: the PCH is
    remove(Manifest, Manifests);
    Named.try_emplace(Key + ".h", false);
    if (!PCHName.empty())
      Named.try_emplace(PCHName, false);
  }
  for (const std::string &Name : Names) {
    std::string Path = P + "/" + Name;
    bool IsPCH = PCH.match(Name);
    if (IsPCH || Header.match(Name)) {
      auto It = Named.find(Name);
      if (It != Named.end() ? !It->second : modified(Path, T) && T < Cutoff)
        remove(Path, IsPCH ? Counts.PCHs : Counts.Other);
    } else if (Temporary.match(Name) && modified(Path, T) && T < Now - Day) {
      remove(Path, Counts.Other);
    }
  }
  return Counts;
}

} // namespace asynclint
