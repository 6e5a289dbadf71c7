//===--- Cache.cpp - per-translation-unit result cache --------------------===//
//
// An entry is keyed by what is known before a run (tool build, compile
// command, effective configuration, driver options) and records the hash of
// every file the run read (the main file and each header). A lookup re-hashes
// those files; any difference is a miss. Each file is hashed once per run.
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace asynclint {
using llvm::StringRef;

static std::string hex128(llvm::XXH128_hash_t H) {
  return llvm::utohexstr(H.high64, true, 16) + llvm::utohexstr(H.low64, true, 16);
}

static std::string hashBytes(StringRef S) {
  return hex128(llvm::xxh3_128bits(llvm::ArrayRef(S.bytes_begin(), S.size())));
}

ResultCache::ResultCache(std::string D) : Dir(std::move(D)) {
  static std::mutex M;
  static llvm::StringMap<std::string> H;
  Lock = &M;
  Hashes = &H;
  Enabled = !llvm::sys::fs::create_directories(Dir);
  // The tool's identity: its version and its own binary (size and time), so a
  // rebuilt check invalidates every entry.
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, (void *)&hashBytes);
  llvm::sys::fs::file_status St;
  ToolId = ASYNCLINT_VERSION;
  if (!llvm::sys::fs::status(Exe, St))
    ToolId += "/" + std::to_string(St.getSize()) + "/" +
              std::to_string(St.getLastModificationTime().time_since_epoch().count());
}

std::string ResultCache::key(llvm::ArrayRef<std::string> Parts) const {
  std::string All = "asynclint-cache-v1";
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
  auto Buf = llvm::MemoryBuffer::getFile(Path, false, false);
  std::string H = Buf ? hashBytes((*Buf)->getBuffer()) : std::string();
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
    return false; // a damaged entry is a miss; the next store replaces it
  }
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *Deps = O ? O->getArray("files") : nullptr;
  if (!Deps)
    return false;
  for (const llvm::json::Value &D : *Deps) {
    const llvm::json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2)
      return false;
    auto File = (*Pair)[0].getAsString(), Hash = (*Pair)[1].getAsString();
    if (!File || !Hash || hashFile(*File) != *Hash)
      return false;
  }
  TUResult R;
  llvm::json::Path::Root Root;
  const llvm::json::Value *F = O->get("findings"), *E = O->get("failures");
  if (!F || !E || !fromJSON(*F, R.Findings, Root) || !fromJSON(*E, R.Failures, Root))
    return false;
  Out = std::move(R);
  return true;
}

void ResultCache::store(StringRef Key, const TUResult &R, llvm::ArrayRef<std::string> FilesRead) {
  if (!Enabled)
    return;
  llvm::json::Array Deps;
  for (const std::string &File : FilesRead) {
    std::string H = hashFile(File);
    if (H.empty())
      return; // cannot vouch for this result later
    Deps.push_back(llvm::json::Array{File, H});
  }
  llvm::json::Array Findings, Failures;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  for (const Failure &F : R.Failures)
    Failures.push_back(toJSON(F));
  llvm::json::Value V = llvm::json::Object{
      {"files", std::move(Deps)}, {"findings", std::move(Findings)}, {"failures", std::move(Failures)}};
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Key + ".json");
  std::string Error;
  writeFileAtomically(Path, llvm::formatv("{0}", V).str(), Error); // best effort
}

} // namespace asynclint
