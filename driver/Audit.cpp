//===--- Audit.cpp - Markdown and HTML summaries of a codebase ------------===//

#include "Audit.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include <map>
#include <tuple>

namespace asynclint {
using llvm::StringRef;

namespace {
using Counts = std::vector<std::pair<std::string, unsigned>>;

struct Summary {
  Counts PerCheck, PerDirectory, PerFile;
  unsigned Files = 0;
};

Counts sorted(const std::map<std::string, unsigned> &M) {
  Counts C(M.begin(), M.end());
  // Most first; equal counts by name (a total order: the map's keys are unique).
  llvm::sort(C, [](const auto &A, const auto &B) {
    return std::tie(B.second, A.first) < std::tie(A.second, B.first);
  });
  return C;
}

Summary summarise(const Report &R) {
  std::map<std::string, unsigned> Check, Dir, File;
  for (const Rule &Ru : allRules())
    Check[Ru.Id] = 0; // every check appears, also with no finding
  for (const Located &L : R.Findings) {
    ++Check[L.F->Check];
    StringRef D = llvm::sys::path::parent_path(L.RelPath);
    ++Dir[D.empty() ? "." : D.str()];
    ++File[L.RelPath];
  }
  return {sorted(Check), sorted(Dir), sorted(File), (unsigned)File.size()};
}

std::string mdEscape(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '|' || C == '*' || C == '_' || C == '`' || C == '<')
      Out += '\\';
    Out += C;
  }
  return Out;
}

std::string html(StringRef S) {
  std::string Out;
  for (char C : S)
    switch (C) {
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '&': Out += "&amp;"; break;
    case '"': Out += "&quot;"; break;
    default: Out += C;
    }
  return Out;
}

constexpr unsigned WorstFiles = 10;
} // namespace

std::string renderAuditMarkdown(const Report &R, SourceFiles &Sources) {
  Summary S = summarise(R);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "# asynclint audit\n\n"
     << R.Findings.size() << " findings in " << S.Files << " files; " << R.NumTUs
     << " translation units analysed";
  if (!R.Failures.empty())
    OS << ", " << R.Failures.size() << " could not be analysed";
  OS << ".\n\n## Findings per check\n\n| check | findings | what it finds |\n|---|---:|---|\n";
  for (auto &[Check, N] : S.PerCheck) {
    const Rule *Ru = findRule(Check);
    OS << "| `" << Check << "` | " << N << " | " << mdEscape(Ru ? Ru->ShortDescription : "")
       << " |\n";
  }
  OS << "\n## Findings per directory\n\n| directory | findings |\n|---|---:|\n";
  for (auto &[Dir, N] : S.PerDirectory)
    OS << "| `" << Dir << "` | " << N << " |\n";
  OS << "\n## Worst files\n\n| file | findings |\n|---|---:|\n";
  for (unsigned I = 0; I < S.PerFile.size() && I < WorstFiles; ++I)
    OS << "| `" << S.PerFile[I].first << "` | " << S.PerFile[I].second << " |\n";
  if (!R.Failures.empty()) {
    OS << "\n## Translation units that could not be analysed\n\n";
    for (const Failure &F : R.Failures)
      OS << "- `" << relativePath(F.File, R.SourceRoot) << "`: " << mdEscape(F.Message) << "\n";
  }
  return Out;
}

/// The end of \p Label that fits in \p MaxChars characters: "…" and the tail,
/// so a long path keeps its file name (the part a reader needs).
static std::string tail(llvm::StringRef Label, unsigned MaxChars) {
  // Count code points, not bytes (UTF-8 continuation bytes are 10xxxxxx).
  auto Chars = [](llvm::StringRef S) {
    unsigned N = 0;
    for (char C : S)
      N += (static_cast<unsigned char>(C) & 0xC0) != 0x80;
    return N;
  };
  if (Chars(Label) <= MaxChars)
    return Label.str();
  size_t Start = Label.size();
  for (unsigned N = 0; Start > 0 && N < MaxChars - 1;) {
    --Start;
    N += (static_cast<unsigned char>(Label[Start]) & 0xC0) != 0x80;
  }
  return "\xE2\x80\xA6" + Label.substr(Start).str(); // U+2026
}

/// A horizontal bar chart as inline SVG. Labels are in a monospace font, so
/// their width is known: a label longer than its column shows its tail, right
/// aligned against the bar, with the whole label on hover (<title>). Labels,
/// bars and counts have separate columns and never overlap.
static std::string barChart(const Counts &C, unsigned Max) {
  constexpr unsigned Gap = 8, BarMax = 340, CountWidth = 60, FontSize = 12;
  unsigned Rows = std::min<unsigned>(C.size(), Max);
  // The label column holds 39 characters, more (up to 80) when a file or
  // directory name alone is longer, so that the name itself is never cut.
  unsigned MaxChars = 39;
  for (unsigned I = 0; I < Rows; ++I) {
    llvm::StringRef Name = llvm::StringRef(C[I].first).rtrim('/');
    Name = Name.substr(Name.rfind('/') + 1);
    MaxChars = std::clamp<unsigned>(Name.size() + 1, MaxChars, 80);
  }
  // A monospace glyph is 0.6 em wide (DejaVu Sans Mono, Liberation Mono,
  // Courier); 0.62 leaves a margin for other fonts.
  unsigned LabelWidth = MaxChars * FontSize * 62 / 100 + Gap + 1;
  unsigned Width = LabelWidth + BarMax + CountWidth;
  unsigned Top = 1;
  for (unsigned I = 0; I < Rows; ++I)
    Top = std::max(Top, C[I].second);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::formatv("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
                      "height=\"{1}\" role=\"img\" font-family=\"monospace\" font-size=\"{2}\">",
                      Width, Rows * 24 + 4, FontSize);
  for (unsigned I = 0; I < Rows; ++I) {
    unsigned W = C[I].second ? std::max(1u, C[I].second * BarMax / Top) : 0;
    OS << llvm::formatv("<g class=\"row\"><title>{0}: {1}</title>"
                        "<text class=\"label\" x=\"{2}\" y=\"{3}\" text-anchor=\"end\">{4}</text>"
                        "<rect class=\"bar\" x=\"{5}\" y=\"{6}\" width=\"{7}\" height=\"16\" "
                        "fill=\"#c0392b\"/>"
                        "<text class=\"count\" x=\"{8}\" y=\"{3}\">{1}</text></g>",
                        html(C[I].first), C[I].second, LabelWidth - Gap, I * 24 + 16,
                        html(tail(C[I].first, MaxChars)), LabelWidth, I * 24 + 4, W,
                        LabelWidth + W + 6);
  }
  OS << "</svg>";
  return Out;
}

std::string renderAuditHTML(const Report &R, SourceFiles &Sources) {
  Summary S = summarise(R);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>asynclint audit</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
        "pre{background:#f6f6f6;padding:.5em;overflow-x:auto}"
        ".hit{background:#fdd}.finding{border-top:1px solid #ccc;margin-top:1em}"
        "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd}"
        "</style></head><body>\n<h1>asynclint audit</h1>\n";
  OS << "<p>" << R.Findings.size() << " findings in " << S.Files << " files; " << R.NumTUs
     << " translation units analysed";
  if (!R.Failures.empty())
    OS << ", " << R.Failures.size() << " could not be analysed";
  OS << ".</p>\n<h2>Findings per check</h2>\n" << barChart(S.PerCheck, 50);
  OS << "\n<h2>Findings per directory</h2>\n" << barChart(S.PerDirectory, 25);
  OS << "\n<h2>Worst files</h2>\n" << barChart(S.PerFile, WorstFiles);
  if (!R.Failures.empty()) {
    OS << "\n<h2>Translation units that could not be analysed</h2>\n<ul>";
    for (const Failure &F : R.Failures)
      OS << "<li><code>" << html(relativePath(F.File, R.SourceRoot)) << "</code>: "
         << html(F.Message) << "</li>";
    OS << "</ul>\n";
  }
  OS << "\n<h2>Findings</h2>\n";
  for (const Located &L : R.Findings) {
    const Finding &F = *L.F;
    const Rule *Ru = findRule(F.Check);
    OS << "<div class=\"finding\"><p><code>" << html(L.RelPath) << ":" << L.Line << ":"
       << L.Column << "</code> " << levelName(F.Severity) << ": <b>" << html(F.Message)
       << "</b> [<code>" << html(F.Check) << "</code>]</p>\n<pre>";
    unsigned First = L.Line > 2 ? L.Line - 2 : 1;
    unsigned Last = std::min(L.Line + 2, Sources.numLines(F.Where.File));
    for (unsigned Line = First; Line <= Last; ++Line) {
      std::string Text = llvm::formatv("{0,5} | {1}", Line, Sources.line(F.Where.File, Line));
      if (Line == L.Line)
        OS << "<span class=\"hit\">" << html(Text) << "</span>\n";
      else
        OS << html(Text) << "\n";
    }
    OS << "</pre>\n";
    for (const Note &N : F.Notes)
      OS << "<p>note: " << html(N.Message) << "</p>\n";
    if (Ru)
      OS << "<details><summary>" << html(Ru->ShortDescription) << "</summary><p>"
         << html(Ru->FullDescription) << "</p></details>\n";
    OS << "</div>\n";
  }
  OS << "</body></html>\n";
  return Out;
}

} // namespace asynclint
