//===--- NameList.cpp - qualified-name lists from check options -----------===//

#include "NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

static bool isGlobalUnqualified(llvm::StringRef Name) {
  return Name.consume_front("::") && !Name.contains("::");
}

NameList::NameList(llvm::StringRef Option) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Option.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    Names.push_back(Part.str());
    llvm::StringRef Last = Part.rsplit("::").second;
    LastComponents.insert(Last.empty() ? Part : Last);
    Matchers.emplace_back(std::vector<std::string>{Part.str()});
    IsCLibraryName.push_back(isGlobalUnqualified(Part));
    MemberOfClass M;
    size_t Sep = Part.rfind("::");
    if (Sep != llvm::StringRef::npos && !Part.take_front(Sep).trim(':').empty()) {
      M.Member = Part.drop_front(Sep + 2).str();
      M.Class.emplace(std::vector<std::string>{Part.take_front(Sep).str()});
    }
    Members.push_back(std::move(M));
  }
}

NameList NameList::fromOptions(llvm::StringRef List, llvm::StringRef Extra) {
  if (Extra.trim().empty())
    return NameList(List);
  return NameList((List + ";" + Extra).str());
}

bool isCLibraryFunction(const NamedDecl &D) {
  if (const auto *FD = dyn_cast<FunctionDecl>(&D))
    if (FD->isExternC())
      return true;
  const SourceManager &SM = D.getASTContext().getSourceManager();
  return SM.isInSystemHeader(D.getLocation());
}

std::optional<llvm::StringRef> NameList::match(const NamedDecl &D,
                                               const CXXRecordDecl *ObjectClass) const {
  if (!D.getDeclName().isIdentifier() || !LastComponents.contains(D.getName()))
    return std::nullopt;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(D.getDeclContext());
  for (size_t I = 0, E = Matchers.size(); I != E; ++I) {
    const MemberOfClass &M = Members[I];
    bool Matches = Spec ? M.Class && D.getName() == M.Member && M.Class->matchesNode(*Spec)
                        : Matchers[I].matchesNode(D);
    if (!Matches && ObjectClass && M.Class && D.getName() == M.Member)
      Matches = M.Class->matchesNode(*ObjectClass);
    if (!Matches)
      continue;
    // "::read" is the C library's function; "::Client" is a global class.
    if (IsCLibraryName[I] && isa<FunctionDecl>(D) && !isCLibraryFunction(D))
      continue;
    return llvm::StringRef(Names[I]);
  }
  return std::nullopt;
}

std::string NameList::displayName(const NamedDecl &D) const {
  if (std::optional<llvm::StringRef> Entry = match(D))
    return spelling(*Entry).str();
  return D.getQualifiedNameAsString();
}

std::vector<llvm::StringRef> NameList::refs() const {
  return std::vector<llvm::StringRef>(Names.begin(), Names.end());
}

llvm::StringMap<std::string> parseNameMap(llvm::StringRef Option) {
  llvm::StringMap<std::string> Map;
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Option.split(Parts, ';', -1, false);
  for (llvm::StringRef Part : Parts) {
    auto [Name, Text] = Part.split('=');
    Name = Name.trim();
    if (!Name.empty() && !Text.trim().empty())
      Map[Name] = Text.trim().str();
  }
  return Map;
}

} // namespace clang::tidy::async
