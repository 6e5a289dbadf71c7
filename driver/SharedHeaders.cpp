//===--- SharedHeaders.cpp - which units can share a precompiled prefix ---===//

#include "SharedHeaders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <cstring>
#include <map>

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
      if (Line.ends_with("?\?/")) // "??/" (escaped: no trigraph warning)
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
  // A trie of the prefixes; node 0 is the empty run. A node's index is larger
  // than its parent's, so a walk down the indices visits parents first.
  struct Node {
    std::map<std::string, size_t> Children;
    size_t Parent = 0, Depth = 0;
    unsigned Units = 0;       // units whose prefix starts with this run
    size_t Example = 0;       // one of them
    bool Chosen = false;      // someone's longest shared run, or a common base
    bool ChosenBelow = false; // Chosen here or in a descendant
    int Out = -1;             // index in the result
  };
  std::vector<Node> T(1);
  for (size_t U = 0; U < Prefixes.size(); ++U) {
    size_t N = 0;
    for (const std::string &H : Prefixes[U]) {
      auto [It, New] = T[N].Children.try_emplace(H, T.size());
      if (New) {
        T.emplace_back();
        T.back().Parent = N;
        T.back().Depth = T[N].Depth + 1;
        T.back().Example = U;
      }
      N = It->second;
      ++T[N].Units;
    }
  }
  // Each unit's longest run shared with another unit.
  std::vector<size_t> Home(Prefixes.size(), 0);
  for (size_t U = 0; U < Prefixes.size(); ++U) {
    size_t N = 0;
    for (const std::string &H : Prefixes[U]) {
      size_t C = T[N].Children.find(H)->second;
      if (T[C].Units < 2)
        break;
      N = C;
    }
    Home[U] = N;
    T[N].Chosen = N != 0;
  }
  // Common bases: a run below which two or more branches hold a chosen run.
  for (size_t N = T.size(); N-- > 1;) {
    unsigned Branches = 0;
    for (const auto &[H, C] : T[N].Children)
      Branches += T[C].ChosenBelow;
    T[N].Chosen |= Branches >= 2;
    T[N].ChosenBelow = T[N].Chosen || Branches > 0;
  }
  std::vector<PrefixChoice> Out;
  for (size_t N = 1; N < T.size(); ++N) {
    if (!T[N].Chosen)
      continue;
    PrefixChoice C;
    const std::vector<std::string> &P = Prefixes[T[N].Example];
    C.Headers.assign(P.begin(), P.begin() + T[N].Depth);
    C.Representative = T[N].Example;
    for (size_t A = T[N].Parent; A != 0 && C.Parent < 0; A = T[A].Parent)
      C.Parent = T[A].Out;
    T[N].Out = static_cast<int>(Out.size());
    Out.push_back(std::move(C));
  }
  for (size_t U = 0; U < Prefixes.size(); ++U)
    if (Home[U] != 0)
      Out[T[Home[U]].Out].Members.push_back(U);
  return Out;
}

void orderForSharing(std::vector<std::vector<std::string>> &Prefixes) {
  // For each header: how many units include it, and the sum of its positions
  // in them. Among headers as many units include, the one they include
  // earlier on average comes first, so most units keep their own order.
  struct Use {
    unsigned Units = 0;
    size_t PositionSum = 0;
  };
  std::map<std::string, Use> Uses;
  for (const std::vector<std::string> &P : Prefixes) {
    llvm::StringSet<> Seen;
    for (size_t I = 0; I < P.size(); ++I)
      if (Seen.insert(P[I]).second) {
        Use &U = Uses[P[I]];
        ++U.Units;
        U.PositionSum += I;
      }
  }
  // The order is total up to equal names, so no sort is needed to be stable
  // (std::stable_sort also warns in libstdc++ 12: get_temporary_buffer).
  for (std::vector<std::string> &P : Prefixes)
    llvm::sort(P, [&](const std::string &A, const std::string &B) {
      const Use &UA = Uses[A], &UB = Uses[B];
      if (UA.Units != UB.Units)
        return UA.Units > UB.Units;
      if (UA.PositionSum != UB.PositionSum) // the same count: sums order as means
        return UA.PositionSum < UB.PositionSum;
      return A < B;
    });
}

} // namespace asynclint
