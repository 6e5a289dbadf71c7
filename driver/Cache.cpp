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
#include "llvm/Support/xxhash.h"
#include <cstdlib>
#include <unistd.h>

namespace asynclint {
using llvm::StringRef;

static std::string hex128(llvm::XXH128_hash_t H) {
  return llvm::utohexstr(H.high64, true, 16) + llvm::utohexstr(H.low64, true, 16);
}

std::string hashBytes(StringRef S) {
  return hex128(llvm::xxh3_128bits(llvm::ArrayRef(S.bytes_begin(), S.size())));
}

std::string hashDirectory(StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Names;
  for (llvm::sys::fs::directory_iterator I(Dir, EC), E; !EC && I != E; I.increment(EC))
    Names.push_back(llvm::sys::path::filename(I->path()).str());
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

} // namespace asynclint
