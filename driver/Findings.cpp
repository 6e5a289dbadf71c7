//===--- Findings.cpp - findings, source text, fingerprints ---------------===//

#include "Driver.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace asynclint {
using llvm::StringRef;

llvm::StringRef levelName(Level L) {
  switch (L) {
  case Level::Note:
    return "note";
  case Level::Warning:
    return "warning";
  case Level::Error:
    return "error";
  }
  return "warning";
}

std::optional<Level> parseLevel(StringRef S) {
  if (S == "note")
    return Level::Note;
  if (S == "warning")
    return Level::Warning;
  if (S == "error")
    return Level::Error;
  return std::nullopt;
}

static llvm::json::Value toJSON(const Position &P) {
  return llvm::json::Object{{"file", P.File}, {"offset", P.Offset}, {"length", P.Length}};
}
static bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  uint64_t Offset = 0, Length = 0;
  if (!O || !O.map("file", P.File) || !O.map("offset", Offset) || !O.map("length", Length))
    return false;
  P.Offset = Offset;
  P.Length = Length;
  return true;
}

llvm::json::Value toJSON(const Finding &F) {
  llvm::json::Array Notes, Fixes;
  for (const Note &N : F.Notes) {
    llvm::json::Object O{{"message", N.Message}};
    if (N.Where)
      O["where"] = toJSON(*N.Where);
    Notes.push_back(std::move(O));
  }
  for (const Replacement &R : F.Fixes)
    Fixes.push_back(llvm::json::Object{
        {"file", R.File}, {"offset", R.Offset}, {"length", R.Length}, {"text", R.Text}});
  return llvm::json::Object{{"check", F.Check},
                            {"level", levelName(F.Severity)},
                            {"message", F.Message},
                            {"where", toJSON(F.Where)},
                            {"notes", std::move(Notes)},
                            {"fixes", std::move(Fixes)},
                            {"suppressed", F.Suppressed},
                            {"justification", F.Justification}};
}

bool fromJSON(const llvm::json::Value &V, Finding &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::string LevelText;
  if (!O || !O.map("check", F.Check) || !O.map("level", LevelText) ||
      !O.map("message", F.Message) || !O.map("where", F.Where) ||
      !O.map("suppressed", F.Suppressed) || !O.map("justification", F.Justification))
    return false;
  auto L = parseLevel(LevelText);
  if (!L)
    return false;
  F.Severity = *L;
  const llvm::json::Object *Obj = V.getAsObject();
  if (const llvm::json::Array *Notes = Obj->getArray("notes"))
    for (const llvm::json::Value &NV : *Notes) {
      Note N;
      const llvm::json::Object *NO = NV.getAsObject();
      if (!NO)
        return false;
      if (auto M = NO->getString("message"))
        N.Message = M->str();
      if (const llvm::json::Value *W = NO->get("where")) {
        Position Pos;
        if (!fromJSON(*W, Pos, P))
          return false;
        N.Where = Pos;
      }
      F.Notes.push_back(std::move(N));
    }
  if (const llvm::json::Array *Fixes = Obj->getArray("fixes"))
    for (const llvm::json::Value &RV : *Fixes) {
      Replacement R;
      llvm::json::ObjectMapper RO(RV, P);
      uint64_t Offset = 0, Length = 0;
      if (!RO || !RO.map("file", R.File) || !RO.map("offset", Offset) ||
          !RO.map("length", Length) || !RO.map("text", R.Text))
        return false;
      R.Offset = Offset;
      R.Length = Length;
      F.Fixes.push_back(std::move(R));
    }
  return true;
}

llvm::json::Value toJSON(const Failure &F) {
  return llvm::json::Object{{"file", F.File}, {"message", F.Message}};
}
bool fromJSON(const llvm::json::Value &V, Failure &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", F.File) && O.map("message", F.Message);
}

//===----------------------------------------------------------------------===//
// Source text

SourceFiles::Entry &SourceFiles::get(StringRef Path) {
  auto &Slot = Files[Path];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<Entry>();
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (Buf) {
    Slot->Ok = true;
    Slot->Text = (*Buf)->getBuffer().str();
  }
  Slot->LineStarts.push_back(0);
  for (unsigned I = 0, E = Slot->Text.size(); I != E; ++I)
    if (Slot->Text[I] == '\n')
      Slot->LineStarts.push_back(I + 1);
  return *Slot;
}

const std::string *SourceFiles::text(StringRef Path) {
  Entry &E = get(Path);
  return E.Ok ? &E.Text : nullptr;
}

SourceFiles::LineCol SourceFiles::lineCol(StringRef Path, unsigned Offset) {
  Entry &E = get(Path);
  auto It = llvm::upper_bound(E.LineStarts, Offset);
  unsigned LineIdx = (It - E.LineStarts.begin()) - 1;
  return {LineIdx + 1, Offset - E.LineStarts[LineIdx] + 1};
}

StringRef SourceFiles::line(StringRef Path, unsigned Line) {
  Entry &E = get(Path);
  if (Line == 0 || Line > E.LineStarts.size())
    return {};
  unsigned Begin = E.LineStarts[Line - 1];
  if (Begin > E.Text.size())
    return {};
  StringRef Rest = StringRef(E.Text).substr(Begin);
  return Rest.take_until([](char C) { return C == '\n'; }).rtrim('\r');
}

unsigned SourceFiles::numLines(StringRef Path) { return get(Path).LineStarts.size(); }

//===----------------------------------------------------------------------===//
// Fingerprints

/// GitHub's primaryLocationLineHash (github/codeql-action, src/fingerprints.ts):
/// a rolling hash over the next 100 non-blank UTF-16 code units from the start
/// of each line, numbered by how often the same hash occurred before. Computed
/// here so that API uploads and our own baselines have it too.
static std::vector<std::string> githubLineHashes(StringRef Text) {
  llvm::SmallVector<llvm::UTF16, 0> Units;
  if (!llvm::convertUTF8ToUTF16String(Text, Units)) {
    Units.clear();
    for (unsigned char C : Text)
      Units.push_back(C);
  } else if (!Units.empty() && Units.back() == 0) {
    Units.pop_back(); // the converter appends a terminator
  }
  constexpr unsigned Block = 100;
  constexpr uint64_t Mod = 37;
  uint64_t FirstMod = 1;
  for (unsigned I = 0; I < Block; ++I)
    FirstMod *= Mod;
  std::vector<uint64_t> Window(Block, 0);
  std::vector<long> LineNumbers(Block, -1);
  uint64_t Hash = 0;
  unsigned Index = 0;
  long LineNumber = 0;
  bool LineStart = true, PrevCR = false;
  std::map<std::string, unsigned> Counts;
  std::vector<std::string> Result(1); // Result[line], 1-based

  auto Output = [&] {
    std::string Hex = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned N = ++Counts[Hex];
    long L = LineNumbers[Index];
    if (L >= 0) {
      if ((size_t)L >= Result.size())
        Result.resize(L + 1);
      Result[L] = Hex + ":" + std::to_string(N);
    }
    LineNumbers[Index] = -1;
  };
  auto Update = [&](uint64_t Current) {
    uint64_t Begin = Window[Index];
    Window[Index] = Current;
    Hash = Mod * Hash + Current - FirstMod * Begin;
    Index = (Index + 1) % Block;
  };
  auto Process = [&](uint64_t C) {
    if (C == ' ' || C == '\t' || (PrevCR && C == '\n')) {
      PrevCR = false;
      return;
    }
    if (C == '\r') {
      C = '\n';
      PrevCR = true;
    } else {
      PrevCR = false;
    }
    if (LineNumbers[Index] != -1)
      Output();
    if (LineStart) {
      LineStart = false;
      LineNumbers[Index] = ++LineNumber;
    }
    if (C == '\n')
      LineStart = true;
    Update(C);
  };
  for (llvm::UTF16 U : Units)
    Process(U);
  Process(65535);
  for (unsigned I = 0; I < Block; ++I) {
    if (LineNumbers[Index] != -1)
      Output();
    Update(0);
  }
  return Result;
}

static std::string squeeze(StringRef Line) {
  std::string Out;
  for (char C : Line)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

std::string relativePath(StringRef Path, StringRef Root) {
  if (Root.empty())
    return Path.str();
  llvm::SmallString<256> R(Root);
  if (!R.ends_with("/"))
    R += "/";
  if (Path.starts_with(R))
    return Path.substr(R.size()).str();
  return Path.str();
}

/// Columns in bytes -> columns in Unicode code points (SARIF columnKind).
static unsigned codePointColumn(StringRef Line, unsigned ByteColumn) {
  unsigned Col = 1;
  for (unsigned I = 0; I + 1 < ByteColumn && I < Line.size(); ++I)
    if ((static_cast<unsigned char>(Line[I]) & 0xC0) != 0x80)
      ++Col;
  if (ByteColumn > Line.size() + 1)
    Col += ByteColumn - Line.size() - 1;
  return Col;
}

std::vector<Located> locate(const std::vector<Finding> &Findings, StringRef SourceRoot,
                            SourceFiles &Sources) {
  std::vector<Located> Out;
  llvm::StringMap<std::vector<std::string>> LineHashes;
  llvm::StringMap<unsigned> Occurrences;
  for (const Finding &F : Findings) {
    Located L;
    L.F = &F;
    L.RelPath = relativePath(F.Where.File, SourceRoot);
    auto Begin = Sources.lineCol(F.Where.File, F.Where.Offset);
    StringRef LineText = Sources.line(F.Where.File, Begin.Line);
    unsigned EndOffset = F.Where.Offset + F.Where.Length;
    if (F.Where.Length == 0) {
      // No range: extend over the identifier at the location (at least one character).
      unsigned Col0 = Begin.Column - 1, E = Col0;
      while (E < LineText.size() && (llvm::isAlnum(LineText[E]) || LineText[E] == '_'))
        ++E;
      EndOffset = F.Where.Offset + std::max(1u, E - Col0);
    }
    auto End = Sources.lineCol(F.Where.File, EndOffset);
    L.Line = Begin.Line;
    L.Column = codePointColumn(LineText, Begin.Column);
    L.EndLine = End.Line;
    L.EndColumn = codePointColumn(Sources.line(F.Where.File, End.Line), End.Column);
    if (L.EndLine == L.Line && L.EndColumn <= L.Column)
      L.EndColumn = L.Column + 1;

    // asynclint/v1: rule + path + the flagged line and its neighbours without
    // blanks + how many identical tuples came before in this file. Survives
    // edits elsewhere in the file and line shifts.
    std::string Context = squeeze(Sources.line(F.Where.File, Begin.Line - 1)) + "\n" +
                          squeeze(LineText) + "\n" +
                          squeeze(Sources.line(F.Where.File, Begin.Line + 1));
    std::string Key = F.Check + '\0' + L.RelPath + '\0' + Context;
    unsigned N = Occurrences[Key]++;
    L.Fingerprint = llvm::utohexstr(llvm::xxh3_64bits(Key + '\0' + std::to_string(N)),
                                    /*LowerCase=*/true);

    auto It = LineHashes.find(F.Where.File);
    if (It == LineHashes.end()) {
      const std::string *Text = Sources.text(F.Where.File);
      It = LineHashes.try_emplace(F.Where.File, Text ? githubLineHashes(*Text)
                                                     : std::vector<std::string>())
               .first;
    }
    if (Begin.Line < It->second.size())
      L.LineHash = It->second[Begin.Line];
    Out.push_back(std::move(L));
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// Files and messages

bool writeFileAtomically(StringRef Path, StringRef Contents, std::string &Error) {
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp)) {
    Error = "cannot write '" + Path.str() + "': " + EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      Error = "cannot write '" + Path.str() + "': " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    Error = "cannot write '" + Path.str() + "': " + EC.message();
    llvm::sys::fs::remove(Temp);
    return false;
  }
  return true;
}

} // namespace asynclint
