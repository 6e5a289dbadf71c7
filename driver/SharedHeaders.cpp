//===--- SharedHeaders.cpp - which units can share a precompiled prefix ---===//

#include "SharedHeaders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include <cstring>

namespace asynclint {
using llvm::StringRef;

namespace {

bool isHorizontalSpace(char C) { return C == ' ' || C == '\t' || C == '\f' || C == '\v'; }

} // namespace

std::vector<std::string> includePrefix(StringRef Text) {
  std::vector<std::string> Out;
  // A line splice (backslash-newline) or a trigraph can change what any of the
  // text below means; such a file is parsed plainly.
  size_t I = 0, N = Text.size();
  auto skipHorizontal = [&] {
    while (I < N && isHorizontalSpace(Text[I]))
      ++I;
  };
  // Skips a "//" comment up to (not including) its newline. A line that ends
  // in a backslash (whitespace may follow it, as Clang allows) is spliced to
  // the next, which the comment then goes on through. False on a trigraph
  // "??/" there: whether it splices depends on -trigraphs.
  auto skipLineComment = [&] {
    while (true) {
      size_t End = Text.find('\n', I);
      StringRef Line = Text.slice(I, End == StringRef::npos ? N : End).rtrim(" \t\f\v\r");
      if (Line.ends_with("??/"))
        return false;
      if (End == StringRef::npos || !Line.ends_with("\\")) {
        I = End == StringRef::npos ? N : End;
        return true;
      }
      I = End + 1;
    }
  };
  while (I < N) {
    char C = Text[I];
    if (isHorizontalSpace(C) || C == '\n' || C == '\r') {
      ++I;
      continue;
    }
    if (Text.substr(I).starts_with("//")) {
      if (!skipLineComment())
        return Out;
      continue;
    }
    if (Text.substr(I).starts_with("/*")) {
      size_t End = Text.find("*/", I + 2);
      if (End == StringRef::npos)
        return Out;
      I = End + 2;
      continue;
    }
    if (C != '#')
      return Out; // code of its own
    ++I;
    skipHorizontal();
    if (!Text.substr(I).starts_with("include"))
      return Out; // #define, #if, #pragma, #import, #include_next...
    I += strlen("include");
    if (I < N && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
      return Out; // #include_next or another identifier
    skipHorizontal();
    if (I >= N || (Text[I] != '<' && Text[I] != '"'))
      return Out; // a computed (macro) include
    char Closing = Text[I] == '<' ? '>' : '"';
    size_t Close = Text.find_first_of(StringRef(Closing == '>' ? ">\n" : "\"\n"), I + 1);
    if (Close == StringRef::npos || Text[Close] != Closing)
      return Out;
    StringRef Name = Text.slice(I, Close + 1);
    if (Name.contains('\\') || Name.contains("??"))
      return Out;
    I = Close + 1;
    skipHorizontal();
    if (Text.substr(I).starts_with("//")) {
      if (!skipLineComment())
        return Out;
    } else if (I < N && Text[I] != '\n' && Text[I] != '\r') {
      return Out; // anything else on the line (a block comment, a splice)
    }
    Out.push_back(Name.str());
  }
  return Out;
}

std::string sharingGroupKey(llvm::ArrayRef<std::string> Args, StringRef File,
                            StringRef Directory, StringRef Language) {
  std::string Key = Directory.str() + '\0' + Language.str();
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == File || A == "-c")
      continue;
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I; // the unit's own output and dependency files
      continue;
    }
    if (A == "-MD" || A == "-MMD" || A.starts_with("-MF") || A.starts_with("-MT") ||
        A.starts_with("-MQ"))
      continue;
    // Text that comes before the main file, a PCH or modules of its own, MSVC.
    if (A.starts_with("-include") || A.starts_with("-imacros") || A.starts_with("--include") ||
        A.starts_with("-fmodule") || A.starts_with("-fcxx-modules") ||
        A.starts_with("--driver-mode=cl") || A == "-emit-pch")
      return "";
    Key += '\0';
    Key += A;
  }
  return Key;
}

namespace {
// The include-directory options, as "-Xdir", "-X dir" or "--long=dir".
constexpr llvm::StringLiteral IncludeDirFlags[] = {"-iquote", "-isystem", "-idirafter",
                                                   "--include-directory=", "-I"};
} // namespace

std::vector<std::string> absoluteIncludeDirs(llvm::ArrayRef<std::string> Args,
                                             StringRef Directory) {
  if (llvm::is_contained(Args, "--driver-mode=cl"))
    return Args.vec();
  std::vector<std::string> Out;
  for (size_t K = 0; K < Args.size(); ++K) {
    StringRef A = Args[K];
    StringRef Flag;
    if (A != "-I-")
      for (StringRef F : IncludeDirFlags)
        if (A.starts_with(F)) {
          Flag = F;
          break;
        }
    StringRef Dir = A.drop_front(Flag.size());
    if (!Flag.empty() && Dir.empty() && !Flag.ends_with("=") && K + 1 < Args.size())
      Dir = Args[++K];
    if (Flag.empty() || Dir.empty()) {
      Out.push_back(A.str());
      continue;
    }
    llvm::SmallString<256> P(Dir);
    if (!llvm::sys::path::is_absolute(P)) {
      P = Directory;
      llvm::sys::path::append(P, Dir);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    }
    Out.push_back((Flag + P).str());
  }
  return Out;
}

IncludeSearch includeSearch(llvm::ArrayRef<std::string> Args, StringRef Directory) {
  IncludeSearch S;
  std::vector<std::string> I, System, After;
  for (const std::string &A : absoluteIncludeDirs(Args, Directory)) {
    StringRef Arg = A;
    if (Arg == "-I-")
      S.Understood = false;
    else if (Arg.consume_front("-iquote"))
      S.Quoted.push_back(Arg.str());
    else if (Arg.consume_front("-isystem"))
      System.push_back(Arg.str());
    else if (Arg.consume_front("-idirafter"))
      After.push_back(Arg.str());
    else if (Arg.consume_front("--include-directory=") || Arg.consume_front("-I"))
      I.push_back(Arg.str());
  }
  S.Angled = std::move(I);
  S.FirstSystem = S.Angled.size();
  S.Angled.insert(S.Angled.end(), System.begin(), System.end());
  S.Angled.insert(S.Angled.end(), After.begin(), After.end());
  return S;
}

std::vector<PrefixChoice> choosePrefixes(llvm::ArrayRef<std::vector<std::string>> Prefixes) {
  std::vector<PrefixChoice> Out;
  std::vector<size_t> Left;
  for (size_t I = 0; I < Prefixes.size(); ++I)
    if (!Prefixes[I].empty())
      Left.push_back(I);
  while (Left.size() >= 2) {
    // How many units start with each leading run of headers.
    llvm::StringMap<unsigned> Count;
    for (size_t U : Left) {
      std::string Run;
      for (const std::string &H : Prefixes[U]) {
        Run += H;
        Run += '\n';
        ++Count[Run];
      }
    }
    std::string Best;
    unsigned BestCount = 0, BestLength = 0;
    for (size_t U : Left) {
      std::string Run;
      unsigned Length = 0;
      for (const std::string &H : Prefixes[U]) {
        Run += H;
        Run += '\n';
        ++Length;
        unsigned C = Count[Run];
        if (C < 2)
          break;
        if (std::make_pair(C * Length, C) > std::make_pair(BestCount * BestLength, BestCount) ||
            (C * Length == BestCount * BestLength && C == BestCount && Run < Best)) {
          Best = Run;
          BestCount = C;
          BestLength = Length;
        }
      }
    }
    if (BestCount < 2)
      break;
    PrefixChoice Choice;
    std::vector<size_t> Rest;
    for (size_t U : Left) {
      std::string Run;
      for (const std::string &H : Prefixes[U]) {
        if (Run.size() >= Best.size())
          break;
        Run += H;
        Run += '\n';
      }
      if (Run == Best)
        Choice.Members.push_back(U);
      else
        Rest.push_back(U);
    }
    Choice.Headers.assign(Prefixes[Choice.Members.front()].begin(),
                          Prefixes[Choice.Members.front()].begin() + BestLength);
    Out.push_back(std::move(Choice));
    Left = std::move(Rest);
  }
  return Out;
}

} // namespace asynclint
