//===--- Analyze.cpp - runs the checks over a compilation database --------===//
//
// One clang-tidy run per translation unit, each with its own ClangTidyContext,
// on a thread pool. This follows clang::tidy::runClangTidy (ClangTidy.cpp)
// with three changes: a physical file system per run (ClangTool changes the
// working directory of its file system; the shared real one would chdir the
// whole process), a file system that records every file the run reads (the
// cache's dependencies), and a diagnostic consumer that also keeps findings
// that NOLINT suppresses (for SARIF `suppressions`).
//
//===----------------------------------------------------------------------===//

#include "Analyze.h"
#include "SharedHeaders.h"
#include "Worker.h"
#include "utils/Compat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Types.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <atomic>
#include <set>
#include <chrono>
#include <limits>
#include <thread>
#include <mutex>
#include <unistd.h>

namespace asynclint {
using namespace clang;
using namespace clang::tidy;
using llvm::StringRef;

namespace {

/// The one compile command of the translation unit being analysed.
class OneCommandDB : public tooling::CompilationDatabase {
public:
  explicit OneCommandDB(tooling::CompileCommand C) : Cmd(std::move(C)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(StringRef) const override {
    return {Cmd};
  }
  std::vector<std::string> getAllFiles() const override { return {Cmd.Filename}; }

private:
  tooling::CompileCommand Cmd;
};

/// The database's commands after asynclint's fix-ups, for clang's wrappers.
class CommandsDB : public tooling::CompilationDatabase {
public:
  explicit CommandsDB(std::vector<tooling::CompileCommand> C) : Cmds(std::move(C)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(StringRef File) const override {
    std::vector<tooling::CompileCommand> Out;
    for (const tooling::CompileCommand &C : Cmds) {
      llvm::SmallString<256> P(C.Filename);
      async::compat::makeAbsolute(C.Directory, P);
      llvm::sys::path::remove_dots(P, true);
      if (P == File || C.Filename == File)
        Out.push_back(C);
    }
    return Out;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Out;
    for (const tooling::CompileCommand &C : Cmds)
      Out.push_back(C.Filename);
    return Out;
  }
  std::vector<tooling::CompileCommand> getAllCompileCommands() const override { return Cmds; }

private:
  std::vector<tooling::CompileCommand> Cmds;
};

/// Records what a parse depended on, as the compiler's file system saw it:
/// the hash of the bytes of every file read (at the moment it was read), each
/// path looked up and not found, each directory listed.
class RecordingFS : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFS(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, Dependencies &Deps)
      : ProxyFileSystem(std::move(FS)), Deps(Deps) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto S = ProxyFileSystem::status(Path);
    if (!S)
      missing(Path);
    return S;
  }
  bool exists(const llvm::Twine &Path) override {
    bool E = ProxyFileSystem::exists(Path);
    if (!E)
      missing(Path);
    return E;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto F = ProxyFileSystem::openFileForRead(Path);
    if (!F) {
      missing(Path);
      return F;
    }
    std::string P = absolute(Path);
    if (!P.empty())
      Read.try_emplace(P, std::string()); // opened: it must exist, even if never read
    return std::unique_ptr<llvm::vfs::File>(new HashingFile(std::move(*F), *this, P));
  }
  llvm::vfs::directory_iterator dir_begin(const llvm::Twine &Dir, std::error_code &EC) override {
    auto It = ProxyFileSystem::dir_begin(Dir, EC);
    std::string P = absolute(Dir);
    if (!P.empty())
      Listed[P] = hashDirectory(P);
    return It;
  }

  /// Writes the records into Deps (sorted, once).
  void flush() {
    if (Flushed)
      return;
    Flushed = true;
    for (auto &[P, H] : Read)
      Deps.Read.push_back({P, H});
    Deps.Missing.assign(Missing.begin(), Missing.end());
    for (auto &[P, H] : Listed)
      Deps.Listed.push_back({P, H});
  }

private:
  /// Hashes what the compiler actually got from the file.
  class HashingFile : public llvm::vfs::File {
  public:
    HashingFile(std::unique_ptr<llvm::vfs::File> F, RecordingFS &Owner, std::string Path)
        : F(std::move(F)), Owner(Owner), Path(std::move(Path)) {}
    llvm::ErrorOr<llvm::vfs::Status> status() override { return F->status(); }
    llvm::ErrorOr<std::string> getName() override { return F->getName(); }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
    getBuffer(const llvm::Twine &Name, int64_t FileSize, bool RequiresNullTerminator,
              bool IsVolatile) override {
      auto B = F->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
      if (B && !Path.empty())
        Owner.read(Path, hashBytes((*B)->getBuffer()));
      return B;
    }
    std::error_code close() override { return F->close(); }

  private:
    std::unique_ptr<llvm::vfs::File> F;
    RecordingFS &Owner;
    std::string Path;
  };

  void read(const std::string &Path, std::string Hash) {
    std::string &Known = Read[Path];
    if (!Known.empty() && Known != Hash)
      Deps.Uncacheable = true; // read twice, different each time: edited during the run
    Known = std::move(Hash);
  }
  void missing(const llvm::Twine &Path) {
    std::string P = absolute(Path);
    if (!P.empty())
      Missing.insert(std::move(P));
  }
  std::string absolute(const llvm::Twine &Path) {
    llvm::SmallString<256> P;
    Path.toVector(P);
    if (makeAbsolute(P)) {
      Deps.Uncacheable = true; // a dependency we could not name
      return std::string();
    }
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
    return std::string(P);
  }

  Dependencies &Deps;
  std::map<std::string, std::string> Read;
  std::set<std::string> Missing;
  std::map<std::string, std::string> Listed;
  bool Flushed = false;
};

struct SuppressedDiag {
  std::string Check, File, Message;
  unsigned Offset;
  bool IsError;
};

/// clang-tidy's consumer, plus a record of what NOLINT suppressed.
class Consumer : public ClangTidyDiagnosticConsumer {
public:
  Consumer(ClangTidyContext &Ctx, std::vector<SuppressedDiag> &Suppressed)
      : ClangTidyDiagnosticConsumer(Ctx), Ctx(Ctx), Suppressed(Suppressed) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    if ((Level == DiagnosticsEngine::Warning || Level == DiagnosticsEngine::Error) &&
        Info.hasSourceManager() && Info.getLocation().isValid())
      recordIfSuppressed(Level, Info);
    ClangTidyDiagnosticConsumer::HandleDiagnostic(Level, Info);
  }

private:
  void recordIfSuppressed(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
    std::string Check = Ctx.getCheckName(Info.getID());
    if (Check.empty() || StringRef(Check).starts_with("clang-diagnostic-") ||
        !Ctx.isCheckEnabled(Check))
      return;
    llvm::SmallVector<tooling::Diagnostic, 1> Ignored;
    if (!Ctx.shouldSuppressDiagnostic(Level, Info, Ignored))
      return;
    const SourceManager &SM = Info.getSourceManager();
    SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    if (SM.isInSystemHeader(Loc))
      return;
    FileID FID = SM.getFileID(Loc);
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
    if (!FE)
      return;
    StringRef Name = FE->getName();
    if (!SM.isInMainFile(Loc) && !passesHeaderFilter(Name))
      return;
    llvm::SmallString<128> Message;
    Info.FormatDiagnostic(Message);
    StringRef Text = Message;
    Text.consume_back(" [" + Check + "]"); // clang-tidy appends the check's name
    Message = Text;
    Suppressed.push_back({Check, Name.str(), Message.str().str(), SM.getFileOffset(Loc),
                          Level == DiagnosticsEngine::Error || Ctx.treatAsError(Check)});
  }

  bool passesHeaderFilter(StringRef File) {
    const ClangTidyOptions &O = Ctx.getOptions();
    llvm::Regex Include(O.HeaderFilterRegex.value_or(""));
    if (!Include.match(File) || O.HeaderFilterRegex.value_or("").empty())
      return false;
    std::string Ex = O.ExcludeHeaderFilterRegex.value_or("");
    return Ex.empty() || !llvm::Regex(Ex).match(File);
  }

  ClangTidyContext &Ctx;
  std::vector<SuppressedDiag> &Suppressed;
};

/// Placed before the checks' consumer when the unit is parsed against a shared
/// headers PCH: it records the top-level declarations the parse produced and,
/// before the checks run, narrows the AST's traversal scope to them (as clangd
/// does with its preamble). Without it the checks' matchers would walk, and so
/// deserialize, every declaration of the PCH; what the PCH holds cannot be
/// reported (SharedHeaders.h), and the checks reach into it by lookups and
/// getDefinition, which the scope does not restrict. Implicit instantiations
/// are left out: they are traversed through their template, as without a PCH
/// (Sema passes each instantiated function to the consumer as well).
class UnitScopeConsumer : public ASTConsumer {
public:
  bool HandleTopLevelDecl(DeclGroupRef DG) override {
    for (Decl *D : DG) {
      if (const auto *FD = dyn_cast<FunctionDecl>(D);
          FD && FD->isTemplateInstantiation() &&
          FD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        continue;
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        continue;
      if (const auto *RD = dyn_cast<CXXRecordDecl>(D);
          RD && RD->getTemplateSpecializationKind() == TSK_ImplicitInstantiation)
        continue;
      if (D->isFromASTFile())
        continue;
      Decls.push_back(D);
    }
    return true;
  }
  void HandleTranslationUnit(ASTContext &Ctx) override { Ctx.setTraversalScope(Decls); }

private:
  std::vector<Decl *> Decls;
};

/// As in runClangTidy: an AST action per file whose consumer runs the checks.
/// With \p UnitScope (a unit parsed against a shared-headers PCH), the checks
/// traverse only the unit's own top-level declarations (UnitScopeConsumer).
class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(ClangTidyContext &Context,
                llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS, bool UnitScope)
      : ConsumerFactory(Context, std::move(FS)), UnitScope(UnitScope) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(&ConsumerFactory, UnitScope);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true; // as clang-tidy does
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    Action(ClangTidyASTConsumerFactory *F, bool UnitScope) : Factory(F), UnitScope(UnitScope) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef File) override {
      std::unique_ptr<ASTConsumer> Checks = Factory->createASTConsumer(CI, File);
      if (!UnitScope || !Checks)
        return Checks;
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(std::make_unique<UnitScopeConsumer>()); // first: sets the scope
      Consumers.push_back(std::move(Checks));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    ClangTidyASTConsumerFactory *Factory;
    bool UnitScope;
  };
  ClangTidyASTConsumerFactory ConsumerFactory;
  bool UnitScope;
};

struct Unit {
  tooling::CompileCommand Cmd;
  std::string File; // absolute, canonical when the file exists
};

std::string canonical(StringRef Path, StringRef Base = {}) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> B(Base);
    if (B.empty())
      llvm::sys::fs::current_path(B);
    llvm::sys::path::append(B, P);
    P = B;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(P, Real))
    return std::string(Real);
  return std::string(P);
}

bool isUnder(StringRef Path, StringRef Dir) {
  if (Path == Dir)
    return true;
  return Path.starts_with(Dir) && (Dir.ends_with("/") || Path.substr(Dir.size()).starts_with("/"));
}

/// The repository root above Dir (a .git entry), else Dir itself.
std::string findSourceRoot(StringRef Dir) {
  llvm::SmallString<256> D(Dir);
  while (!D.empty()) {
    llvm::SmallString<256> Git(D);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(D);
    StringRef Parent = llvm::sys::path::parent_path(D);
    if (Parent == D)
      break;
    D = Parent;
  }
  return Dir.str();
}

/// Why \p C is not a C-family compile command asynclint can analyse; "" when it is.
std::string notCFamily(const tooling::CompileCommand &C) {
  using namespace clang::driver;
  types::ID T = types::TY_INVALID;
  StringRef Spec;
  for (size_t I = 0; I < C.CommandLine.size(); ++I) {
    StringRef A = C.CommandLine[I];
    if (A == "-x" && I + 1 < C.CommandLine.size())
      Spec = C.CommandLine[I + 1];
    else if (A.starts_with("-x") && A.size() > 2)
      Spec = A.drop_front(2);
    else if (A.starts_with("--language="))
      Spec = A.drop_front(strlen("--language="));
  }
  if (!Spec.empty())
    T = types::lookupTypeForTypeSpecifier(Spec.str().c_str());
  else
    T = types::lookupTypeForExtension(llvm::sys::path::extension(C.Filename).ltrim('.'));
  if (T == types::TY_INVALID)
    return Spec.empty() ? "not a C or C++ compile command (unknown file extension)"
                        : "not a C or C++ compile command (-x " + Spec.str() + ")";
  if (types::isCXX(T) || types::isObjC(T) || T == types::TY_C || T == types::TY_CHeader ||
      T == types::TY_PP_C || T == types::TY_PP_CHeader)
    return "";
  return std::string("not a C or C++ compile command (") + types::getTypeName(T) + ")";
}

/// Checks every .clang-tidy file from the units' directories up: clang-tidy
/// would print a parse error and silently use the parent's configuration.
bool validateConfigFiles(llvm::ArrayRef<std::string> Files) {
  llvm::StringSet<> Seen;
  for (const std::string &File : Files)
    for (StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Seen.insert(Dir).second)
        break; // this directory and its parents are done
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, ".clang-tidy");
      if (!llvm::sys::fs::is_regular_file(Path))
        continue;
      auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
      if (!Buf) {
        error("cannot read '" + Path + "': " + Buf.getError().message());
        return false;
      }
      std::string Diag;
      auto Parsed = parseConfigurationWithDiags(
          (*Buf)->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
            if (Diag.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
              Diag = std::to_string(D.getLineNo()) + ":" + std::to_string(D.getColumnNo() + 1) +
                     ": " + D.getMessage().str();
          });
      if (!Parsed) {
        error("'" + Path + "' is not a valid clang-tidy configuration: " +
              (Diag.empty() ? Parsed.getError().message() : Diag));
        return false;
      }
    }
  return true;
}

/// Directories whose code the project vendors rather than writes.
const char *const ThirdPartyDirs[] = {"_deps",    "third_party", "third-party", "thirdparty",
                                      "3rdparty", "external",    "vendor"};

/// Whether \p Dir is a build tree (CMake, Ninja, Make or Meson wrote it), not
/// merely a directory that holds a compile_commands.json.
bool isBuildTree(StringRef Dir) {
  for (const char *Marker : {"CMakeCache.txt", "build.ninja", "Makefile", "meson-info"}) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Marker);
    if (llvm::sys::fs::exists(P))
      return true;
  }
  return false;
}

/// Whether \p File is vendored code: a path under the source root with a
/// ThirdPartyDirs component, or a file in the build tree (generated or fetched
/// code) when that is strictly inside the source root. \p BuildTree is ""
/// when the database's directory is not a build tree.
bool isThirdParty(StringRef File, StringRef SourceRoot, StringRef BuildTree) {
  if (!isUnder(File, SourceRoot) || File == SourceRoot)
    return false;
  if (!BuildTree.empty() && BuildTree != SourceRoot && isUnder(BuildTree, SourceRoot) &&
      isUnder(File, BuildTree))
    return true;
  StringRef Rel = StringRef(File).drop_front(SourceRoot.size()).ltrim('/');
  for (auto I = llvm::sys::path::begin(llvm::sys::path::parent_path(Rel)),
            E = llvm::sys::path::end(llvm::sys::path::parent_path(Rel));
       I != E; ++I)
    if (llvm::is_contained(ThirdPartyDirs, *I))
      return true;
  return false;
}

/// Validates a clang-tidy check glob list: characters, and that every positive
/// glob names at least one check linked into asynclint.
bool validateChecks(StringRef Globs, std::string &Error) {
  for (char C : Globs)
    if (!(llvm::isAlnum(C) || C == '-' || C == '_' || C == '*' || C == '.' || C == ',' ||
          llvm::isSpace(C))) {
      Error = "--checks: invalid character '" + std::string(1, C) + "' in '" + Globs.str() +
              "' (expected comma-separated globs such as '-*,async-*')";
      return false;
    }
  llvm::SmallVector<StringRef, 8> Items;
  Globs.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || Item.starts_with("-"))
      continue;
    GlobList One(Item);
    bool Any = false;
    for (const Rule &R : allRules())
      Any |= One.contains(R.Id);
    if (!Any) {
      Error = "--checks: '" + Item.str() + "' matches no check (see 'asynclint list-checks')";
      return false;
    }
  }
  GlobList All(("-*,async-*," + Globs).str());
  for (const Rule &R : allRules())
    if (All.contains(R.Id))
      return true;
  Error = "--checks: '" + Globs.str() + "' enables no check";
  return false;
}

std::string justificationAt(SourceFiles &Sources, const std::string &File, unsigned Offset) {
  unsigned Line = Sources.lineCol(File, Offset).Line;
  for (unsigned L : {Line, Line - 1}) {
    StringRef Text = Sources.line(File, L);
    size_t At = Text.find("NOLINT");
    if (At == StringRef::npos)
      continue;
    StringRef Rest = Text.substr(At);
    size_t End = Rest.find(')');
    if (End != StringRef::npos)
      return Rest.substr(0, End + 1).str();
    return Rest.take_until([](char C) { return llvm::isSpace(C); }).str();
  }
  return "NOLINTBEGIN/NOLINTEND block";
}

/// A precompiled header of an include prefix that several units share. Its
/// PCH may be chained: built on the PCH of a shorter prefix that other units
/// share too (choosePrefixes' Parent), so those headers are parsed once.
struct SharedPCH {
  std::vector<std::string> Headers; // "<name>", in order
  size_t Representative = 0;        // a unit whose command builds it
  std::vector<size_t> Members;      // units parsed against it
  int Parent = -1;                  // the PCHs entry of the prefix it extends
  std::string Key;                  // cache key: tool, parsing flags, headers
  std::string Dir;                  // where its files live
  std::string header() const { return Dir + "/" + Key + ".h"; }
  std::string manifest() const { return Dir + "/" + Key + ".json"; }
  std::string PCHPath, Hash;        // set when Usable
  /// The PCH files (name in Dir, hash) that PCHPath is chained on, outermost
  /// first; empty for a PCH built from nothing.
  std::vector<std::pair<std::string, std::string>> Chain;
  Dependencies Deps;                // what building it (and its chain) read
  bool Done = false;                // looked up or built (or failed): units may start
  bool Usable = false;
  bool Building = false;            // its build has started and not ended
  std::chrono::steady_clock::time_point BuildStarted; // when Building
  /// Every file a parse against it reads: the chain's and its own.
  std::vector<std::string> files() const {
    std::vector<std::string> Out;
    for (const auto &[Name, H] : Chain)
      Out.push_back(Dir + "/" + Name);
    Out.push_back(PCHPath);
    return Out;
  }
};

/// Adds what \p From read to \p Into (a file read by both under different
/// hashes makes the result uncacheable: it changed in between).
void mergeDependencies(Dependencies &Into, const Dependencies &From) {
  std::map<std::string, std::string> Read(Into.Read.begin(), Into.Read.end());
  for (const auto &[File, Hash] : From.Read) {
    auto [It, New] = Read.try_emplace(File, Hash);
    if (!New && It->second != Hash && !It->second.empty() && !Hash.empty())
      Into.Uncacheable = true;
    else if (It->second.empty())
      It->second = Hash;
  }
  Into.Read.assign(Read.begin(), Read.end());
  std::set<std::string> Missing(Into.Missing.begin(), Into.Missing.end());
  Missing.insert(From.Missing.begin(), From.Missing.end());
  Into.Missing.assign(Missing.begin(), Missing.end());
  std::map<std::string, std::string> Listed(Into.Listed.begin(), Into.Listed.end());
  Listed.insert(From.Listed.begin(), From.Listed.end());
  Into.Listed.assign(Listed.begin(), Listed.end());
}

/// Leaves out of \p Deps the PCH files in \p Dir that a parse read: what a
/// PCH stands for is what building it read (its manifest), not its bytes,
/// which differ between builds of the same inputs.
void forgetPCHFiles(Dependencies &Deps, StringRef Dir) {
  llvm::erase_if(Deps.Read, [&](const auto &E) {
    StringRef F = E.first;
    return F.starts_with(Dir) && F.drop_front(Dir.size()).starts_with("/") &&
           F.ends_with(".pch");
  });
}

/// Gives the parse \p P's PCH file and the files it is chained on from memory,
/// as they are now: a concurrent run that replaces one cannot take it from
/// under the parse (Clang 19 crashes on a chained PCH whose base has gone).
/// False when one cannot be opened; the PCH is then not used.
bool pinPCHFiles(const SharedPCH &P, llvm::vfs::OverlayFileSystem &FS) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Mem(
      new llvm::vfs::InMemoryFileSystem);
  for (const std::string &Path : P.files()) {
    auto B = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
    if (!B || !Mem->addFile(Path, 0, std::move(*B)))
      return false;
  }
  FS.pushOverlay(Mem);
  return true;
}

/// For tests only (--pch-gone-during-parse): the files of a PCH that a parse
/// or build has pinned are renamed away until it ends, as a concurrent run
/// that replaces them would leave them for a moment; it must not notice.
class GoneDuringParse {
public:
  GoneDuringParse(bool On, const SharedPCH *P) {
    if (On && P)
      for (const std::string &F : P->files())
        if (!llvm::sys::fs::rename(F, F + ".gone"))
          Moved.push_back(F);
  }
  ~GoneDuringParse() {
    for (const std::string &F : Moved)
      (void)llvm::sys::fs::rename(F + ".gone", F);
  }
  GoneDuringParse(const GoneDuringParse &) = delete;
  GoneDuringParse &operator=(const GoneDuringParse &) = delete;

private:
  std::vector<std::string> Moved;
};

/// Text of the generated header (deterministic for a key).
std::string prefixHeaderText(const SharedPCH &P) {
  std::string T = "// asynclint: an include prefix that translation units share\n";
  for (const std::string &H : P.Headers)
    T += "#include " + H + "\n";
  return T;
}

class Analyzer {
public:
  Analyzer(const AnalyzeOptions &Opts, ClangTidyGlobalOptions Global, ClangTidyOptions Defaults,
           ClangTidyOptions Overrides, ResultCache &Cache, std::vector<llvm::GlobPattern> &Excludes,
           std::string SourceRoot, std::string BuildDir)
      : Opts(Opts), Global(std::move(Global)), Defaults(std::move(Defaults)),
        Overrides(std::move(Overrides)), Cache(Cache), Excludes(Excludes),
        BuildDir(std::move(BuildDir)),
        SourceRoot(std::move(SourceRoot)) {}

  /// What can be decided before the compiler runs: the file and directory
  /// exist, the cache key, a cache hit. Returns true when \p R is final.
  bool prepare(const Unit &U, TUResult &R, std::string &Key, bool &CacheHit);
  /// Runs clang-tidy's checks over the unit (in a worker process) and stores
  /// a complete result in the cache under \p Key (when not empty). With \p PCH,
  /// the unit is parsed against that precompiled prefix; a parse that fails
  /// with it is done again without it.
  TUResult analyse(const Unit &U, const std::string &Key, const SharedPCH *PCH = nullptr);
  /// The group key of the unit for sharing headers, "" when it cannot share.
  std::string sharingKey(const Unit &U);
  /// Whether a finding in header \p File could be reported under \p O's
  /// header filter (such a header is never precompiled).
  static bool reportableHeader(const ClangTidyOptions &O, StringRef File) {
    std::string In = O.HeaderFilterRegex.value_or(""), Ex = O.ExcludeHeaderFilterRegex.value_or("");
    return !In.empty() && llvm::Regex(In).match(File) && (Ex.empty() || !llvm::Regex(Ex).match(File));
  }
  bool reportableHeader(const Unit &U, StringRef File) {
    FileOptionsProvider Provider(Global, Defaults, Overrides);
    return reportableHeader(Provider.getOptions(U.File), File);
  }
  /// Cuts \p Prefix (U's leading includes) before the first header that
  /// cannot go into a shared PCH, and writes each kept one as the PCH's
  /// generated header must include it (see resolvePrefix's definition).
  void resolvePrefix(const Unit &U, std::vector<std::string> &Prefix);
  /// Builds \p P's precompiled header with \p Rep's command (in a worker),
  /// chained on \p Base's when given: writes the PCH into \p Temp (made by
  /// the driver, which removes it if the worker dies), renames it to a name
  /// of its hash, then writes its manifest atomically.
  TUResult buildPCH(const Unit &Rep, const SharedPCH &P, const SharedPCH *Base,
                    StringRef Temp);
  /// Reads \p P's manifest: true (P.Done) when it names a PCH whose bytes and
  /// inputs are unchanged, or marks the prefix unshareable. \p Damaged is
  /// incremented for an unreadable manifest or a PCH whose bytes changed.
  /// \p CheckInputs is false right after this run built it (its inputs were
  /// just read; this run's hashes of them may predate the build).
  bool loadPCH(SharedPCH &P, unsigned &Damaged, bool CheckInputs = true);

private:
  /// Whether the PCH file \p Name in \p Dir holds the bytes hashed \p Hash
  /// (each file is read once per run).
  bool pchFileIntact(StringRef Dir, StringRef Name, StringRef Hash);
  llvm::StringMap<bool> IntactPCHFiles;

  std::string resolve(StringRef Path, StringRef Dir) {
    std::lock_guard<std::mutex> G(PathLock);
    std::string Key = Dir.str() + '\0' + Path.str();
    auto It = Canonical.find(Key);
    if (It != Canonical.end())
      return It->second;
    return Canonical[Key] = canonical(Path, Dir);
  }
  bool excluded(StringRef File) {
    if (!Opts.IncludeThirdParty && isThirdParty(File, SourceRoot, BuildDir))
      return true;
    std::string Rel = relativePath(File, SourceRoot);
    for (const llvm::GlobPattern &G : Excludes)
      if (G.match(File) || G.match(Rel))
        return true;
    return false;
  }

  const AnalyzeOptions &Opts;
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults, Overrides;
  ResultCache &Cache;
  std::vector<llvm::GlobPattern> &Excludes;
  std::string BuildDir;
  std::string SourceRoot;
  std::mutex PathLock;
  llvm::StringMap<std::string> Canonical;
};

bool Analyzer::prepare(const Unit &U, TUResult &R, std::string &Key, bool &CacheHit) {
  CacheHit = false;
  const tooling::CompileCommand &Cmd = U.Cmd;
  if (!llvm::sys::fs::is_directory(Cmd.Directory)) {
    R.Failures.push_back({U.File, "the directory of its compile command, '" + Cmd.Directory +
                                      "', does not exist"});
    return true;
  }
  if (std::error_code EC = llvm::sys::fs::access(U.File, llvm::sys::fs::AccessMode::Exist)) {
    R.Failures.push_back({U.File, "cannot read the file: " + EC.message()});
    return true;
  }
  // Opening a FIFO would block the run; a directory "opens" on Linux.
  llvm::sys::fs::file_status St;
  if (!llvm::sys::fs::status(U.File, St) &&
      St.type() != llvm::sys::fs::file_type::regular_file) {
    R.Failures.push_back(
        {U.File, St.type() == llvm::sys::fs::file_type::directory_file
                     ? std::string("it is a directory, not a source file")
                     : std::string("it is not a regular file (a FIFO, socket or device)")});
    return true;
  }
  int FD;
  if (std::error_code EC = llvm::sys::fs::openFileForRead(U.File, FD)) {
    R.Failures.push_back({U.File, "cannot read the file: " + EC.message()});
    return true;
  }
  ::close(FD);

  FileOptionsProvider Provider(Global, Defaults, Overrides);
  std::string ConfigText = configurationAsText(Provider.getOptions(U.File));
  if (Opts.UseCache && Cache.enabled()) {
    Key = Cache.key({Cmd.Directory, Cmd.Filename, llvm::join(Cmd.CommandLine, "\x1f"), ConfigText,
                     SourceRoot, llvm::join(Opts.Excludes, "\x1f"),
                     Opts.IncludeThirdParty ? "third-party" : "",
                     // Headers read in another order than the unit's may parse otherwise.
                     Opts.SharedHeaders && Opts.SharedHeadersAnyOrder ? "any-order" : ""});
    if (Cache.lookup(Key, R)) {
      CacheHit = true;
      return true;
    }
  }
  return false;
}

TUResult Analyzer::analyse(const Unit &U, const std::string &Key, const SharedPCH *PCH) {
  TUResult R;
  const tooling::CompileCommand &Cmd = U.Cmd;
  auto Provider = std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides);
  Dependencies Deps;
  auto Physical = llvm::vfs::createPhysicalFileSystem();
  llvm::IntrusiveRefCntPtr<RecordingFS> Recording(new RecordingFS(std::move(Physical), Deps));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(Recording));

  ClangTidyContext Context(std::move(Provider));
  OneCommandDB DB(Cmd);
  tooling::ClangTool Tool(DB, {U.File}, std::make_shared<PCHContainerOperations>(), FS);
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args, StringRef File) {
        ClangTidyOptions O = Context.getOptionsForFile(File);
        tooling::CommandLineArguments A = Args;
        if (O.ExtraArgsBefore) {
          auto I = A.begin();
          if (I != A.end() && !StringRef(*I).starts_with("-"))
            ++I; // after the compiler's name
          A.insert(I, O.ExtraArgsBefore->begin(), O.ExtraArgsBefore->end());
        }
        if (O.ExtraArgs)
          A.insert(A.end(), O.ExtraArgs->begin(), O.ExtraArgs->end());
        return A;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  // Absolute file names everywhere (the header filter and --exclude see what
  // the user sees, not "./x.h"), and no "N warnings generated." on stderr.
  Tool.appendArgumentsAdjuster(
      [&U](const tooling::CommandLineArguments &Args, StringRef) {
        tooling::CommandLineArguments A = Args;
        // clang-cl reads "/abs/path" as an option: there the file goes after "--".
        bool Cl = llvm::is_contained(A, "--driver-mode=cl"), AfterDashes = false;
        for (size_t I = 0; I < A.size(); ++I) {
          AfterDashes |= A[I] == "--";
          if (A[I] != U.Cmd.Filename)
            continue;
          if (Cl && !AfterDashes) {
            A.erase(A.begin() + I);
            A.push_back("--");
            A.push_back(U.File);
            break;
          }
          A[I] = U.File; // headers next to it are then named absolutely too
        }
        return A;
      });
  Tool.appendArgumentsAdjuster(
      [Dir = U.Cmd.Directory](const tooling::CommandLineArguments &A, StringRef) {
        return absoluteIncludeDirs(A, Dir);
      });
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::END));
  if (PCH && !pinPCHFiles(*PCH, *FS))
    return analyse(U, Key, nullptr); // removed meanwhile: parsed plainly
  if (PCH)
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        {"-include-pch", PCH->PCHPath}, tooling::ArgumentInsertPosition::END));
  std::vector<SuppressedDiag> Suppressed;
  Consumer DiagConsumer(Context, Suppressed);
  async::compat::ContextDiagnostics DE(Context, &DiagConsumer);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  ActionFactory Factory(Context, FS, /*UnitScope=*/PCH != nullptr);
  int RC;
  {
    GoneDuringParse Gone(Opts.PCHGoneDuringParse, PCH);
    RC = Tool.run(&Factory);
  }
  std::vector<ClangTidyError> Errors = DiagConsumer.take();

  SourceFiles Sources;
  std::string FirstError;
  for (const ClangTidyError &E : Errors) {
    StringRef Name = E.DiagnosticName;
    std::string File =
        E.Message.FilePath.empty() ? std::string() : resolve(E.Message.FilePath, Cmd.Directory);
    if (Name.starts_with("clang-diagnostic-")) {
      if (E.DiagLevel == ClangTidyError::Error && FirstError.empty()) {
        FirstError = E.Message.Message;
        if (!File.empty()) {
          auto LC = Sources.lineCol(File, E.Message.FileOffset);
          FirstError = (File == U.File ? "line " : relativePath(File, SourceRoot) + ":") +
                       std::to_string(LC.Line) + ":" + std::to_string(LC.Column) + ": " +
                       FirstError;
        }
      }
      continue;
    }
    if (!findRule(Name) || File.empty() || excluded(File))
      continue;
    Finding F;
    F.Check = Name.str();
    F.Severity = E.DiagLevel == ClangTidyError::Error || E.IsWarningAsError ? Level::Error
                                                                             : Level::Warning;
    F.Message = E.Message.Message;
    F.Where = {File, E.Message.FileOffset, 0};
    for (const auto &Range : E.Message.Ranges)
      if (resolve(Range.FilePath, Cmd.Directory) == File && Range.FileOffset <= F.Where.Offset &&
          Range.FileOffset + Range.Length > F.Where.Offset) {
        F.Where.Length = Range.FileOffset + Range.Length - F.Where.Offset;
        break;
      }
    for (const auto &N : E.Notes) {
      Note Out;
      Out.Message = N.Message;
      if (!N.FilePath.empty())
        Out.Where = Position{resolve(N.FilePath, Cmd.Directory), N.FileOffset, 0};
      F.Notes.push_back(std::move(Out));
    }
    for (const auto &FileFix : E.Message.Fix)
      for (const tooling::Replacement &Rep : FileFix.second)
        F.Fixes.push_back({resolve(Rep.getFilePath(), Cmd.Directory), Rep.getOffset(),
                           Rep.getLength(), Rep.getReplacementText().str()});
    R.Findings.push_back(std::move(F));
  }
  for (const SuppressedDiag &S : Suppressed) {
    std::string File = resolve(S.File, Cmd.Directory);
    if (!findRule(S.Check) || excluded(File))
      continue;
    Finding F;
    F.Check = S.Check;
    F.Severity = S.IsError ? Level::Error : Level::Warning;
    F.Message = S.Message;
    F.Where = {File, S.Offset, 0};
    F.Suppressed = true;
    F.Justification = justificationAt(Sources, File, S.Offset);
    R.Findings.push_back(std::move(F));
  }
  if (RC != 0 || !FirstError.empty()) {
    if (PCH) // whatever went wrong, the plain parse decides
      return analyse(U, Key, nullptr);
    R.Failures.push_back({U.File, FirstError.empty() ? "the compiler could not process it"
                                                     : FirstError});
    return R; // a partial result is reported, never cached
  }
  if (!Key.empty()) {
    Recording->flush();
    if (PCH) {
      // What the unit read is what the PCH read (its headers, their misses and
      // listings) plus what the parse read beyond it.
      forgetPCHFiles(Deps, PCH->Dir);
      mergeDependencies(Deps, PCH->Deps);
    }
    Cache.store(Key, R, Deps);
  }
  return R;
}

/// The language of a unit's precompiled prefix ("c++-header", "c-header"),
/// "" when it is neither C nor C++ (Objective-C is parsed plainly).
static std::string headerLanguage(const tooling::CompileCommand &C) {
  using namespace clang::driver;
  types::ID T = types::TY_INVALID;
  for (size_t I = 0; I + 1 < C.CommandLine.size(); ++I)
    if (C.CommandLine[I] == "-x")
      T = types::lookupTypeForTypeSpecifier(C.CommandLine[I + 1].c_str());
  if (T == types::TY_INVALID)
    T = types::lookupTypeForExtension(llvm::sys::path::extension(C.Filename).ltrim('.'));
  if (types::isObjC(T))
    return "";
  if (types::isCXX(T))
    return "c++-header";
  if (T == types::TY_C)
    return "c-header";
  return "";
}

std::string Analyzer::sharingKey(const Unit &U) {
  std::string Lang = headerLanguage(U.Cmd);
  if (Lang.empty())
    return "";
  FileOptionsProvider Provider(Global, Defaults, Overrides);
  ClangTidyOptions O = Provider.getOptions(U.File);
  std::string Key = sharingGroupKey(U.Cmd.CommandLine, U.Cmd.Filename, U.Cmd.Directory, Lang);
  if (Key.empty())
    return "";
  // Which headers' findings are reported decides whether a prefix may be shared.
  Key += "\x1e" + O.HeaderFilterRegex.value_or("") + "\x1e" +
         O.ExcludeHeaderFilterRegex.value_or("");
  for (const auto &Extra : {O.ExtraArgsBefore, O.ExtraArgs}) {
    Key += "\x1e";
    if (Extra)
      for (const std::string &A : *Extra) {
        if (StringRef(A).starts_with("-include") || StringRef(A).starts_with("-imacros"))
          return "";
        Key += A + '\0';
      }
  }
  return Key;
}

void Analyzer::resolvePrefix(const Unit &U, std::vector<std::string> &Prefix) {
  FileOptionsProvider Provider(Global, Defaults, Overrides);
  ClangTidyOptions O = Provider.getOptions(U.File);
  std::vector<std::string> Args = U.Cmd.CommandLine;
  for (const auto &Extra : {O.ExtraArgsBefore, O.ExtraArgs})
    if (Extra)
      Args.insert(Args.end(), Extra->begin(), Extra->end());
  IncludeSearch Search = includeSearch(Args, U.Cmd.Directory);
  // The directory index in Search.Angled where Name is found; Angled.size()
  // when it is in none (the toolchain's own directories: system ones).
  auto found = [&](StringRef Name) {
    size_t D = 0;
    for (; D < Search.Angled.size(); ++D)
      if (llvm::sys::fs::is_regular_file(Search.Angled[D] + "/" + Name.str()))
        break;
    return D;
  };
  for (size_t K = 0; K < Prefix.size(); ++K) {
    bool Quoted = Prefix[K][0] == '"';
    // A copy: Prefix[K] is rewritten below.
    std::string Name = StringRef(Prefix[K]).drop_front().drop_back().str();
    // A quoted include is looked up first beside the including file. Found
    // there, the prefix keeps it by that absolute path (the PCH's header lives
    // elsewhere). Not found there, with no -iquote directory, the compiler
    // looks where it looks for "<name>", which is how the PCH includes it.
    // Anything else (an -iquote or -I- lookup) ends the prefix.
    std::string Path;
    if (Quoted) {
      std::string Beside = llvm::sys::path::parent_path(U.File).str() + "/" + Name;
      if (llvm::sys::fs::is_regular_file(Beside)) {
        Path = Beside;
        Prefix[K] = "\"" + Beside + "\"";
      } else if (Search.Understood && Search.Quoted.empty()) {
        Prefix[K] = "<" + Name + ">";
      } else {
        Prefix.resize(K);
        return;
      }
    }
    if (Path.empty()) {
      // Found in a system directory, its findings are not reported (unless
      // SystemHeaders is set), wherever it is.
      size_t D = found(Name);
      if (D < Search.FirstSystem || O.SystemHeaders.value_or(false))
        Path = D < Search.Angled.size() ? Search.Angled[D] + "/" + Name : "";
    }
    // A header whose findings would be reported (the project's own) must be
    // parsed in the unit; the prefix ends before it. (The PCH's build checks
    // every header it read again, includes of includes too.)
    if (!Path.empty() && reportableHeader(O, Path)) {
      Prefix.resize(K);
      return;
    }
  }
}

namespace {
/// GeneratePCHAction that also records which files it read as system headers
/// (found in a system directory, or marked so): clang-tidy reports nothing in
/// them unless SystemHeaders is set.
class RecordingPCHAction : public GeneratePCHAction {
public:
  explicit RecordingPCHAction(llvm::StringSet<> &SystemFiles) : SystemFiles(SystemFiles) {}

protected:
  void EndSourceFileAction() override {
    const SourceManager &SM = getCompilerInstance().getSourceManager();
    for (unsigned I = 0, E = SM.local_sloc_entry_size(); I < E; ++I) {
      const SrcMgr::SLocEntry &Entry = SM.getLocalSLocEntry(I);
      if (!Entry.isFile() || !SrcMgr::isSystem(Entry.getFile().getFileCharacteristic()))
        continue;
      if (OptionalFileEntryRef F = Entry.getFile().getContentCache().OrigEntry)
        SystemFiles.insert(F->getName());
    }
    GeneratePCHAction::EndSourceFileAction();
  }

private:
  llvm::StringSet<> &SystemFiles;
};

/// RecordingPCHAction with the options the units' parses use.
class PCHFactory : public tooling::FrontendActionFactory {
public:
  PCHFactory(std::string Output, llvm::StringSet<> &SystemFiles)
      : Output(std::move(Output)), SystemFiles(SystemFiles) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<RecordingPCHAction>(SystemFiles);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    // As the units (ActionFactory): __clang_analyzer__ is defined; a
    // difference in predefined macros would make the PCH unusable.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getFrontendOpts().OutputFile = Output;
    // Inputs are validated by size, not time: a touched header whose bytes are
    // unchanged (the manifest checks them) does not invalidate the PCH.
    Invocation->getFrontendOpts().IncludeTimestamps = false;
    // The templates the headers use are instantiated once, here, rather than
    // again in every unit (-fpch-instantiate-templates; a benign option).
    Invocation->getLangOpts().PCHInstantiateTemplates = true;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }

private:
  std::string Output;
  llvm::StringSet<> &SystemFiles;
};
} // namespace

/// -fsyntax-only with the options the units' parses use.
class SyntaxCheckFactory : public tooling::FrontendActionFactory {
public:
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<SyntaxOnlyAction>(); }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation, FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }
};

TUResult Analyzer::buildPCH(const Unit &Rep, const SharedPCH &P, const SharedPCH *Base,
                            StringRef Temp) {
  TUResult R;
  auto fail = [&](const llvm::Twine &Why) {
    R.Failures.push_back({P.header(), Why.str()});
    return R;
  };
  if (Opts.PCHBuildDelayMs)
    std::this_thread::sleep_for(std::chrono::milliseconds(Opts.PCHBuildDelayMs));
  if (std::error_code EC = llvm::sys::fs::create_directories(P.Dir))
    return fail("cannot create '" + P.Dir + "': " + EC.message());
  std::string Text = prefixHeaderText(P), Error;
  {
    auto Old = llvm::MemoryBuffer::getFile(P.header(), /*IsText=*/false);
    // Rewritten only when different: its size is part of what a PCH validates.
    if ((!Old || (*Old)->getBuffer() != Text) &&
        !writeFileAtomically(P.header(), Text, Error))
      return fail(Error);
  }
  FileOptionsProvider Provider(Global, Defaults, Overrides);
  ClangTidyOptions O = Provider.getOptions(Rep.File);
  tooling::CompileCommand C = Rep.Cmd;
  std::vector<std::string> Args;
  for (size_t I = 0; I < C.CommandLine.size(); ++I) {
    if (C.CommandLine[I] == C.Filename)
      continue;
    Args.push_back(C.CommandLine[I]);
    if (I == 0 && O.ExtraArgsBefore)
      Args.insert(Args.end(), O.ExtraArgsBefore->begin(), O.ExtraArgsBefore->end());
  }
  if (O.ExtraArgs)
    Args.insert(Args.end(), O.ExtraArgs->begin(), O.ExtraArgs->end());
  std::string Lang = headerLanguage(C);
  Dependencies Deps;
  llvm::IntrusiveRefCntPtr<RecordingFS> Recording(
      new RecordingFS(llvm::vfs::createPhysicalFileSystem(), Deps));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(Recording));
  if (Base && !pinPCHFiles(*Base, *FS))
    Base = nullptr; // removed meanwhile: built from nothing
  std::vector<std::string> Common = Args;
  if (Base) // a chained PCH: it holds only what the headers add to Base's
    Args.insert(Args.end(), {"-include-pch", Base->PCHPath});
  Args.insert(Args.end(), {"-x", Lang, P.header()});
  C.CommandLine = absoluteIncludeDirs(Args, C.Directory); // as the units' (analyse)
  C.Filename = P.header();

  if (Temp.empty())
    return fail("cannot create a temporary file in '" + P.Dir + "'");
  OneCommandDB DB(C);
  tooling::ClangTool Tool(DB, {P.header()}, std::make_shared<PCHContainerOperations>(), FS);
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  llvm::StringSet<> SystemFiles;
  PCHFactory Factory{std::string(Temp), SystemFiles};
  int RC;
  {
    GoneDuringParse Gone(Opts.PCHGoneDuringParse, Base);
    RC = Tool.run(&Factory);
  }
  uint64_t Size = 0;
  // On any failure below, the driver removes Temp (runInWorkers' Finished).
  if (RC != 0 || llvm::sys::fs::file_size(Temp, Size) || Size == 0)
    return fail("the shared headers do not compile on their own");
  Recording->flush();
  if (Deps.Uncacheable)
    return fail("a shared header changed while it was read");
  auto Buf = llvm::MemoryBuffer::getFile(Temp, false, false);
  if (!Buf)
    return fail("cannot read the precompiled header back");
  std::string Hash = hashBytes((*Buf)->getBuffer());
  Buf->reset();
  if (Base) {
    // Parsed once as a unit will parse against it (the whole chain loaded,
    // the headers included again), before it is named: Clang 19 crashes
    // loading some chains (llvm/llvm-project#131448, six PCHs or more). Such
    // a crash ends this worker here; the driver removes Temp, and the units
    // use Base.
    tooling::CompileCommand V = C;
    Common.insert(Common.end(), {"-include-pch", Temp.str(), "-x",
                                 StringRef(Lang).drop_back(strlen("-header")).str(), P.header()});
    V.CommandLine = absoluteIncludeDirs(Common, C.Directory);
    OneCommandDB VDB(V);
    tooling::ClangTool Check(VDB, {P.header()}, std::make_shared<PCHContainerOperations>(),
                             llvm::vfs::createPhysicalFileSystem());
    Check.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
    SyntaxCheckFactory CheckFactory;
    if (Check.run(&CheckFactory) != 0)
      return fail("the precompiled header does not load");
  }
  std::string Name = P.Key + "-" + Hash.substr(0, 16) + ".pch";
  if (std::error_code EC = llvm::sys::fs::rename(Temp, P.Dir + "/" + Name))
    return fail("cannot rename the precompiled header: " + EC.message());
  // A header that the checks could report on must be parsed in the unit: its
  // declarations would otherwise come from the PCH, and a finding in it would
  // rest on that. Such a prefix is recorded as unshareable. A system header is
  // reported only with SystemHeaders set. (A file read under another spelling
  // than the one recorded counts as reportable: the safe side.)
  // (Base's headers were checked when Base was built.)
  bool Reportable = false;
  bool SystemReported = O.SystemHeaders.value_or(false);
  forgetPCHFiles(Deps, P.Dir);
  for (const auto &[File, H] : Deps.Read)
    Reportable |= File != P.header() && (SystemReported || !SystemFiles.contains(File)) &&
                  reportableHeader(O, File);
  llvm::json::Array Chain;
  if (Base) {
    mergeDependencies(Deps, Base->Deps);
    for (const auto &[N, H] : Base->Chain)
      Chain.push_back(llvm::json::Object{{"pch", N}, {"hash", H}});
    Chain.push_back(llvm::json::Object{
        {"pch", llvm::sys::path::filename(Base->PCHPath)}, {"hash", Base->Hash}});
  }
  std::string OldName;
  if (auto Old = llvm::MemoryBuffer::getFile(P.manifest(), false, false))
    if (auto V = llvm::json::parse((*Old)->getBuffer()))
      if (const llvm::json::Object *OO = V->getAsObject())
        if (auto N = OO->getString("pch"))
          OldName = N->str();
  llvm::json::Object M;
  dependenciesToJSON(Deps, M);
  M["pch"] = Name;
  M["hash"] = Hash;
  M["chain"] = std::move(Chain);
  M["headers"] = llvm::json::Array(P.Headers);
  M["reportableHeaders"] = Reportable;
  if (!writeFileAtomically(P.manifest(), llvm::formatv("{0}", llvm::json::Value(std::move(M))).str(),
                           Error))
    return fail(Error);
  if (!OldName.empty() && OldName != Name)
    llvm::sys::fs::remove(P.Dir + "/" + OldName); // a run still using it falls back to plain parses
  return R;
}

/// Marks a PCH, its manifest and its generated header as used (pruneCache).
static void touchPCHFiles(StringRef Dir, StringRef Key, StringRef PCHName) {
  for (StringRef Name : {(Key + ".json").str(), (Key + ".h").str(), PCHName.str()})
    if (!Name.empty() && !Name.contains('/'))
      touchCacheFile((Dir + "/" + Name).str());
}

bool Analyzer::loadPCH(SharedPCH &P, unsigned &Damaged, bool CheckInputs) {
  auto Buf = llvm::MemoryBuffer::getFile(P.manifest(), false, false);
  if (!Buf)
    return false;
  auto V = llvm::json::parse((*Buf)->getBuffer());
  const llvm::json::Object *M = V ? V->getAsObject() : nullptr;
  if (!V)
    llvm::consumeError(V.takeError());
  bool Malformed = !M;
  if (!M || (CheckInputs && !Cache.dependenciesUnchanged(*M, Malformed))) {
    Damaged += Malformed;
    return false; // built again
  }
  auto Name = M->getString("pch");
  if (M->getBoolean("reportableHeaders").value_or(false)) {
    P.Done = true; // parsed plainly, and not built again while its inputs stay
    P.Usable = false;
    touchPCHFiles(P.Dir, P.Key, Name ? *Name : "");
    return true;
  }
  auto Hash = M->getString("hash");
  const llvm::json::Array *ChainJSON = M->getArray("chain");
  Dependencies Deps;
  std::vector<std::pair<std::string, std::string>> Chain;
  bool Valid = Name && Hash && !Name->contains('/') && ChainJSON &&
               dependenciesFromJSON(*M, Deps);
  for (size_t I = 0; Valid && I < ChainJSON->size(); ++I) {
    const llvm::json::Object *E = (*ChainJSON)[I].getAsObject();
    auto N = E ? E->getString("pch") : std::nullopt;
    auto H = E ? E->getString("hash") : std::nullopt;
    Valid = N && H && !N->contains('/');
    if (Valid)
      Chain.emplace_back(N->str(), H->str());
  }
  if (!Valid) {
    ++Damaged;
    return false;
  }
  if (!pchFileIntact(P.Dir, *Name, *Hash)) {
    ++Damaged; // truncated, overwritten or removed: never handed to the compiler
    return false;
  }
  // A PCH it is chained on that is no longer as it was (its own manifest says
  // so, when it is this run's) makes it unusable: built again.
  for (const auto &[N, H] : Chain)
    if (!pchFileIntact(P.Dir, N, H))
      return false;
  P.PCHPath = P.Dir + "/" + Name->str();
  P.Hash = Hash->str();
  P.Chain = std::move(Chain);
  P.Deps = std::move(Deps);
  P.Done = P.Usable = true;
  touchPCHFiles(P.Dir, P.Key, *Name);
  for (const auto &[N, H] : P.Chain)
    touchPCHFiles(P.Dir, StringRef(N).take_front(N.find('-')), N);
  return true;
}

bool Analyzer::pchFileIntact(StringRef Dir, StringRef Name, StringRef Hash) {
  // Only "intact" is remembered: a damaged file may be built again meanwhile.
  bool &Intact = IntactPCHFiles[(Dir + "/" + Name + "\n" + Hash).str()];
  if (!Intact) {
    auto B = llvm::MemoryBuffer::getFile(Dir + "/" + Name, false, false);
    Intact = B && hashBytes((*B)->getBuffer()) == Hash;
  }
  return Intact;
}

std::string fmtDuration(double Seconds) {
  unsigned S = static_cast<unsigned>(Seconds + 0.5);
  return std::to_string(S / 60) + ":" + (S % 60 < 10 ? "0" : "") + std::to_string(S % 60);
}

} // namespace

int analyze(const AnalyzeOptions &Opts, AnalysisResult &Result) {
  // The compilation database.
  std::string DBPath = canonical(Opts.CompileDB.empty() ? "." : Opts.CompileDB);
  if (llvm::sys::fs::is_directory(DBPath))
    DBPath = (DBPath + "/compile_commands.json");
  if (!llvm::sys::fs::exists(DBPath)) {
    error("no compilation database at '" + DBPath + "' (pass -p BUILD_DIR, the directory of "
          "compile_commands.json)");
    return 2;
  }
  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> DB = tooling::JSONCompilationDatabase::loadFromFile(
      DBPath, Err, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    error("cannot read the compilation database '" + DBPath + "': " + Err);
    return 2;
  }
  std::string BuildDir = llvm::sys::path::parent_path(DBPath).str();
  // As clang-tidy reads it (JSONCompilationDatabasePlugin): @response files
  // expanded, the target and driver mode inferred from the compiler's name.
  // Relative "directory" entries are taken relative to the database's own
  // directory first (loadFromFile leaves them relative to ours).
  std::vector<tooling::CompileCommand> Commands = DB->getAllCompileCommands();
  for (tooling::CompileCommand &C : Commands)
    if (!llvm::sys::path::is_absolute(C.Directory)) {
      llvm::SmallString<256> D(BuildDir);
      llvm::sys::path::append(D, C.Directory);
      llvm::sys::path::remove_dots(D, /*remove_dot_dot=*/true);
      C.Directory = std::string(D);
    }
  DB = tooling::inferTargetAndDriverMode(tooling::inferMissingCompileCommands(
      tooling::expandResponseFiles(std::make_unique<CommandsDB>(std::move(Commands)),
                                   llvm::vfs::getRealFileSystem())));
  Commands = DB->getAllCompileCommands();
  if (Commands.empty()) {
    error("the compilation database '" + DBPath + "' has no entries");
    return 2;
  }
  Result.SourceRoot = Opts.SourceRoot ? canonical(*Opts.SourceRoot) : findSourceRoot(BuildDir);
  while (Result.SourceRoot.size() > 1 && StringRef(Result.SourceRoot).ends_with("/"))
    Result.SourceRoot.pop_back();

  // Configuration: asynclint's defaults, then .clang-tidy files, then the command line.
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,async-*";
  // Findings in headers are reported when the header is inside the source root.
  Defaults.HeaderFilterRegex = "^" + llvm::Regex::escape(Result.SourceRoot) + "/";
  ClangTidyOptions Overrides;
  if (Opts.Config) {
    auto Parsed = parseConfiguration(llvm::MemoryBufferRef(*Opts.Config, "--config"));
    if (!Parsed) {
      error("--config: " + Parsed.getError().message());
      return 2;
    }
    Overrides = *Parsed;
  }
  if (Opts.Checks) {
    std::string E;
    if (!validateChecks(*Opts.Checks, E)) {
      error(E);
      return 2;
    }
    Overrides.Checks = *Opts.Checks;
  }
  for (auto [Name, Value] : {std::pair{"--header-filter", &Opts.HeaderFilter},
                             std::pair{"--exclude-header-filter", &Opts.ExcludeHeaderFilter}}) {
    if (!*Value)
      continue;
    std::string E;
    if (!llvm::Regex(**Value).isValid(E)) {
      error(std::string(Name) + ": invalid regular expression '" + **Value + "': " + E);
      return 2;
    }
  }
  if (Opts.HeaderFilter)
    Overrides.HeaderFilterRegex = *Opts.HeaderFilter;
  if (Opts.ExcludeHeaderFilter)
    Overrides.ExcludeHeaderFilterRegex = *Opts.ExcludeHeaderFilter;

  std::vector<llvm::GlobPattern> Excludes;
  for (const std::string &G : Opts.Excludes) {
    auto P = llvm::GlobPattern::create(G);
    if (!P) {
      error("--exclude: invalid glob '" + G + "': " + llvm::toString(P.takeError()));
      return 2;
    }
    Excludes.push_back(std::move(*P));
  }

  std::string BuildTree = isBuildTree(BuildDir) ? BuildDir : std::string();
  unsigned NotCFamily = 0;

  // Translation units: one per command, as clang-tidy runs every command of a
  // file (a file built twice with different flags is analysed twice; the
  // findings are merged). Exact duplicates are analysed once.
  std::vector<Unit> Units;
  std::set<std::tuple<std::string, std::string, std::vector<std::string>>> Seen;
  for (tooling::CompileCommand &C : Commands) {
    Unit U;
    U.File = canonical(C.Filename, C.Directory);
    if (!Seen.insert({U.File, C.Directory, C.CommandLine}).second)
      continue;
    if (std::string Why = notCFamily(C); !Why.empty()) {
      warning("skipping '" + relativePath(U.File, Result.SourceRoot) + "': " + Why);
      ++NotCFamily;
      continue;
    }
    U.Cmd = std::move(C);
    Units.push_back(std::move(U));
  }
  if (Units.empty() && NotCFamily) {
    error("the compilation database '" + DBPath + "' has no C or C++ compile command");
    return 2;
  }
  if (!Opts.Paths.empty()) {
    std::vector<Unit> Kept;
    std::vector<bool> Used(Units.size(), false);
    bool Missing = false;
    for (const std::string &P : Opts.Paths) {
      std::string Abs = canonical(P);
      bool Any = false;
      for (size_t I = 0; I < Units.size(); ++I)
        if (isUnder(Units[I].File, Abs)) {
          Any = true;
          Used[I] = true;
        }
      if (!Any) {
        error("'" + P + "' is not in the compilation database '" + DBPath + "'");
        Missing = true;
      }
    }
    if (Missing)
      return 2;
    for (size_t I = 0; I < Units.size(); ++I)
      if (Used[I])
        Kept.push_back(std::move(Units[I]));
    Units = std::move(Kept);
  }
  {
    std::vector<Unit> Kept;
    for (Unit &U : Units) {
      std::string Rel = relativePath(U.File, Result.SourceRoot);
      bool Skip = llvm::any_of(Excludes, [&](const llvm::GlobPattern &G) {
        return G.match(U.File) || G.match(Rel);
      });
      Skip |= !Opts.IncludeThirdParty && isThirdParty(U.File, Result.SourceRoot, BuildTree);
      // A stable partition: by the path relative to the source root.
      if (Opts.ShardCount > 1 && llvm::xxh3_64bits(Rel) % Opts.ShardCount != Opts.ShardIndex)
        Skip = true;
      if (!Skip)
        Kept.push_back(std::move(U));
    }
    Units = std::move(Kept);
  }
  Result.NumTUs = Units.size();
  {
    std::vector<std::string> Files;
    for (const Unit &U : Units)
      Files.push_back(U.File);
    if (!validateConfigFiles(Files))
      return 2;
  }

  std::string CacheDir = Opts.CacheDir.empty() ? BuildDir + "/.asynclint-cache" : Opts.CacheDir;
  ResultCache Cache(Opts.UseCache ? CacheDir : std::string());
  bool CacheWritable = false;
  if (Opts.UseCache && !Cache.enabled())
    warning("cannot create the cache directory '" + CacheDir + "'; running without a cache");
  if (Cache.enabled()) {
    // Entries are written by the workers, best effort: say once that none will be.
    llvm::SmallString<256> Probe;
    int FD;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueFile(CacheDir + "/.write-test-%%%%%%", FD, Probe))
      warning("cannot write to the cache directory '" + CacheDir + "' (" + EC.message() +
              "); results are not cached");
    else {
      ::close(FD);
      llvm::sys::fs::remove(Probe);
      CacheWritable = true;
    }
  }

  Analyzer A(Opts, Global, Defaults, Overrides, Cache, Excludes, Result.SourceRoot, BuildTree);
  std::vector<TUResult> PerUnit(Units.size());
  std::atomic<unsigned> Done{0}, Hits{0}, FindingsSoFar{0};
  std::mutex ProgressLock;
  auto Start = std::chrono::steady_clock::now();
  unsigned Width = llvm::sys::Process::StandardErrColumns();
  if (Width == 0)
    Width = 80;
  auto Progress = [&](StringRef Current) {
    if (!Opts.Progress)
      return;
    std::lock_guard<std::mutex> G(ProgressLock);
    unsigned D = Done;
    double Elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
    std::string Line = "[" + std::to_string(D) + "/" + std::to_string(Units.size()) + "] " +
                       std::to_string(FindingsSoFar.load()) + " findings";
    if (D > 0 && D < Units.size())
      Line += ", " + fmtDuration(Elapsed / D * (Units.size() - D)) + " left";
    Line += "  " + relativePath(Current, Result.SourceRoot);
    if (Line.size() >= Width)
      Line = Line.substr(0, Width - 1);
    errs() << "\r\x1b[K" << Line;
    errs().flush();
  };

  std::vector<std::string> CacheKeys(Units.size());
  auto Finished = [&](size_t I, TUResult &&R) {
    PerUnit[I] = std::move(R);
    unsigned N = 0;
    for (const Finding &F : PerUnit[I].Findings)
      N += !F.Suppressed;
    FindingsSoFar += N;
    ++Done;
    Progress(Units[I].File);
  };
  // Cache lookups, in this process: a warm run forks nothing and builds no PCH.
  std::vector<size_t> Pending;
  for (size_t I = 0; I < Units.size(); ++I) {
    TUResult R;
    bool Hit = false;
    if (A.prepare(Units[I], R, CacheKeys[I], Hit)) {
      Hits += Hit;
      Finished(I, std::move(R));
    } else {
      Pending.push_back(I);
    }
  }

  // Shared headers: group the units left by what changes parsing, choose the
  // include prefixes they share, and look up or plan a PCH for each.
  std::vector<SharedPCH> PCHs;
  std::vector<int> UnitPCH(Units.size(), -1);
  std::string PCHDir;
  bool TempPCHDir = false;
  unsigned DamagedPCH = 0;
  if (Opts.SharedHeaders && Pending.size() >= 2) {
    if (Cache.enabled() && CacheWritable) {
      // Absolute: the compiler runs in each command's directory.
      llvm::SmallString<256> D(CacheDir);
      llvm::sys::fs::make_absolute(D);
      llvm::sys::path::append(D, "pch");
      PCHDir = std::string(D);
    } else {
      llvm::SmallString<256> Tmp;
      if (!llvm::sys::fs::createUniqueDirectory("asynclint-pch", Tmp)) {
        PCHDir = std::string(Tmp);
        TempPCHDir = true;
      }
    }
  }
  if (!PCHDir.empty()) {
    std::map<std::string, std::vector<size_t>> Groups;
    for (size_t I : Pending) {
      std::string G = A.sharingKey(Units[I]);
      if (!G.empty())
        Groups[G].push_back(I);
    }
    for (auto &[G, Members] : Groups) {
      if (Members.size() < 2)
        continue;
      std::vector<std::vector<std::string>> Prefixes;
      for (size_t I : Members) {
        auto Buf = llvm::MemoryBuffer::getFile(Units[I].File, /*IsText=*/false);
        std::vector<std::string> Prefix;
        if (Buf)
          Prefix = includePrefix((*Buf)->getBuffer());
        A.resolvePrefix(Units[I], Prefix);
        Prefixes.push_back(std::move(Prefix));
      }
      if (Opts.SharedHeadersAnyOrder)
        orderForSharing(Prefixes);
      size_t First = PCHs.size();
      for (PrefixChoice &C : choosePrefixes(Prefixes)) {
        SharedPCH P;
        P.Headers = std::move(C.Headers);
        for (size_t M : C.Members)
          P.Members.push_back(Members[M]);
        P.Parent = C.Parent < 0 ? -1 : static_cast<int>(First + C.Parent);
        P.Representative = Members[C.Representative];
        P.Key = Cache.key({"shared-headers-v4", G, llvm::join(P.Headers, "\n")});
        P.Dir = PCHDir;
        if (!TempPCHDir)
          A.loadPCH(P, DamagedPCH);
        for (size_t M : P.Members)
          UnitPCH[M] = static_cast<int>(PCHs.size());
        PCHs.push_back(std::move(P));
      }
    }
  }

  // Jobs: the PCHs to build, parents before children, then the units that
  // need none, then the units of the PCHs being built. A build waits for its
  // parent's (a free worker takes the next job that need not wait); a unit
  // never waits (see Use below).
  struct Job {
    bool Build;
    size_t Index; // a PCH or a unit
  };
  std::vector<Job> JobList;
  std::vector<std::string> JobNames;
  for (size_t P = 0; P < PCHs.size(); ++P)
    if (!PCHs[P].Done) {
      JobList.push_back({true, P});
      JobNames.push_back(PCHs[P].header());
    }
  for (bool Waiting : {false, true})
    for (size_t I : Pending)
      if ((UnitPCH[I] >= 0 && !PCHs[UnitPCH[I]].Done) == Waiting) {
        JobList.push_back({false, I});
        JobNames.push_back(Units[I].File);
      }
  unsigned Jobs = Opts.Jobs ? Opts.Jobs : llvm::hardware_concurrency().compute_thread_count();
  IsolationOptions Iso;
  Iso.Jobs = Jobs;
  Iso.TimeoutSeconds = Opts.UnitTimeout;
  Iso.MemoryLimitMB = Opts.UnitMemoryMB;
  Iso.LogDir = BuildDir + "/.asynclint-logs";
  Iso.SourceRoot = Result.SourceRoot;
  Iso.Verbose = Opts.Verbose;
  // The longest prefix from PCH P up that has a usable PCH now, or -1. To
  // build on (ForBuild), its chain must also leave room for one more PCH.
  auto usableFrom = [&](int P, bool ForBuild) {
    while (P >= 0 && !(PCHs[P].Done && PCHs[P].Usable &&
                       (!ForBuild || PCHs[P].Chain.size() + 2 <= Opts.MaxChainedPCHs)))
      P = PCHs[P].Parent;
    return P;
  };
  // Use[J], decided as job J starts: the PCH a unit is parsed against, or
  // the one a PCH is built on. A unit whose PCH is still being built when a
  // worker is free is parsed against a shorter prefix's, or plainly, rather
  // than leave the worker idle (the build takes about as long).
  std::vector<int> Use(JobList.size(), -1);
  // The build a unit with no usable PCH waits for: the first of its chain,
  // from the root, not done yet; -1 if none.
  auto awaitedBuild = [&](size_t Unit) {
    int Awaited = -1;
    for (int P = UnitPCH[Unit]; P >= 0; P = PCHs[P].Parent)
      if (!PCHs[P].Done)
        Awaited = P;
    return Awaited;
  };
  // A build's temporary PCH file, made here so that it is removed here even
  // when the worker dies (a crash, a timeout) before it renames or removes it.
  std::vector<std::string> Temp(JobList.size());
  // Worker time by kind of job (--verbose): where a cold run's time goes.
  std::vector<std::chrono::steady_clock::time_point> Started(JobList.size());
  double Seconds[3] = {}; // PCH builds, plain units, units against a PCH
  unsigned Count[3] = {};
  runInWorkers(
      JobNames, Iso,
      [&](size_t J, TUResult &) {
        const Job &W = JobList[J];
        Started[J] = std::chrono::steady_clock::now();
        Use[J] = W.Build ? usableFrom(PCHs[W.Index].Parent, true)
                         : usableFrom(UnitPCH[W.Index], false);
        if (W.Build) {
          PCHs[W.Index].Building = true;
          PCHs[W.Index].BuildStarted = Started[J];
        }
        llvm::SmallString<256> T;
        int FD;
        if (W.Build && !llvm::sys::fs::create_directories(PCHs[W.Index].Dir) &&
            !llvm::sys::fs::createUniqueFile(
                PCHs[W.Index].Dir + "/" + PCHs[W.Index].Key + ".tmp-%%%%%%.pch", FD, T)) {
          ::close(FD);
          Temp[J] = std::string(T);
        }
        return false;
      },
      [&](size_t J) {
        const Job &W = JobList[J];
        const SharedPCH *With = Use[J] >= 0 ? &PCHs[Use[J]] : nullptr;
        if (W.Build)
          return A.buildPCH(Units[PCHs[W.Index].Representative], PCHs[W.Index], With, Temp[J]);
        return A.analyse(Units[W.Index], CacheKeys[W.Index], With);
      },
      [&](size_t J, TUResult &&R, bool) {
        const Job &W = JobList[J];
        int Kind = W.Build ? 0 : Use[J] < 0 ? 1 : 2;
        Seconds[Kind] +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - Started[J]).count();
        ++Count[Kind];
        if (!W.Build) {
          Result.SharedUnits += Use[J] >= 0;
          Finished(W.Index, std::move(R));
          return;
        }
        if (!Temp[J].empty())
          llvm::sys::fs::remove(Temp[J]); // renamed already, unless the build failed
        SharedPCH &P = PCHs[W.Index];
        unsigned Ignored = 0;
        if (R.Failures.empty() && A.loadPCH(P, Ignored, /*CheckInputs=*/false))
          Result.PCHBuilt += P.Usable;
        else if (Opts.Verbose)
          note("shared headers of '" + relativePath(Units[P.Representative].File,
                                                    Result.SourceRoot) +
               "' not precompiled (" +
               (R.Failures.empty() ? std::string("its manifest or PCH changed meanwhile")
                                   : R.Failures[0].Message) +
               "); its units are parsed without it");
        P.Done = true;
        P.Building = false;
      },
      [&](size_t J) {
        const Job &W = JobList[J];
        if (W.Build)
          return PCHs[W.Index].Parent < 0 || PCHs[PCHs[W.Index].Parent].Done;
        if (UnitPCH[W.Index] < 0 || usableFrom(UnitPCH[W.Index], false) >= 0)
          return true;
        int Awaited = awaitedBuild(W.Index);
        if (Awaited < 0 || !PCHs[Awaited].Building)
          return true;
        // A unit that would be parsed plainly for want of the PCH being built
        // waits for it once the build has run longer than a unit takes against
        // a PCH. A build takes about as long as a plain parse (it parses what
        // the unit would, less the unit's own code), so a plain parse P ends
        // after it, and waiting (the build's remaining P - Elapsed, then the
        // unit against the PCH, U) costs less when Elapsed > U. (libcoro at
        // -j2: a plain parse 3 s beside a build nearly done; against the PCH,
        // 0.4 s.) U is the mean of the units parsed against a PCH so far, else
        // a quarter of a plain parse or build (U/P measured: 0.13 on libcoro,
        // 0.33 on Asio); with nothing ended yet, unknown, and every worker is
        // just starting: a plain parse then.
        double Elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                       PCHs[Awaited].BuildStarted)
                             .count();
        double U = Count[2] ? Seconds[2] / Count[2]
                   : Count[0] + Count[1]
                       ? (Seconds[0] + Seconds[1]) / (Count[0] + Count[1]) / 4
                       : std::numeric_limits<double>::infinity();
        return Elapsed < U;
      });
  if (TempPCHDir)
    llvm::sys::fs::remove_directories(PCHDir);
  if (DamagedPCH)
    warning(std::to_string(DamagedPCH) + " damaged precompiled " +
            (DamagedPCH == 1 ? "header" : "headers") + " in '" + PCHDir +
            "' ignored; built again");
  if (Opts.Verbose && !PCHs.empty()) {
    auto Usable = llvm::count_if(PCHs, [](const SharedPCH &P) { return P.Usable; });
    note("shared headers: " + std::to_string(Result.SharedUnits) + " of " +
         std::to_string(Pending.size()) + " units parsed against " + std::to_string(Usable) +
         (Usable == 1 ? " precompiled header (" : " precompiled headers (") +
         std::to_string(Result.PCHBuilt) + " built" +
         (Opts.SharedHeadersAnyOrder ? "; headers shared in any order)" : ")"));
  }
  if (Opts.Verbose && !JobList.empty()) {
    std::string Line;
    auto add = [&](int Kind, const char *One, const char *Many) {
      if (Count[Kind])
        Line += (Line.empty() ? "" : ", ") + llvm::formatv("{0:f1}", Seconds[Kind]).str() +
                " s for " + std::to_string(Count[Kind]) + " " + (Count[Kind] == 1 ? One : Many);
    };
    add(0, "PCH build", "PCH builds");
    add(1, "unit parsed plainly", "units parsed plainly");
    add(2, "unit parsed against a PCH", "units parsed against a PCH");
    note("worker time: " + Line);
  }
  if (Opts.Progress)
    errs() << "\r\x1b[K";
  Result.CacheHits = Hits;
  if (unsigned D = Cache.damaged())
    warning(std::to_string(D) + " damaged cache " + (D == 1 ? "entry" : "entries") + " in '" +
            CacheDir + "' ignored; the units were analysed again");

  // Merge: a header's finding is reported once, whichever units saw it.
  std::set<std::tuple<std::string, unsigned, std::string, std::string, bool>> Keys;
  for (TUResult &T : PerUnit) {
    for (Finding &F : T.Findings)
      if (Keys.insert({F.Where.File, F.Where.Offset, F.Check, F.Message, F.Suppressed}).second)
        Result.Findings.push_back(std::move(F));
    for (Failure &F : T.Failures)
      Result.Failures.push_back(std::move(F));
  }
  // What no run has used for CacheMaxAgeDays goes, after this run touched what it used.
  if (Cache.enabled() && CacheWritable) {
    PruneCounts Pruned = pruneCache(CacheDir, Opts.CacheMaxAgeDays);
    if (Opts.Verbose && (Pruned.Entries || Pruned.PCHs || Pruned.Other))
      note("cache: removed " + std::to_string(Pruned.Entries) + " result " +
           (Pruned.Entries == 1 ? "entry" : "entries") + ", " + std::to_string(Pruned.PCHs) +
           " precompiled " + (Pruned.PCHs == 1 ? "header" : "headers") + " and " +
           std::to_string(Pruned.Other) + " other " + (Pruned.Other == 1 ? "file" : "files") +
           " (" + std::to_string((Pruned.Bytes + (1 << 20) - 1) >> 20) + " MB) no run used for " +
           std::to_string(Opts.CacheMaxAgeDays) + " days");
  }
  // A total order (the keys above are unique), so a plain sort is deterministic; libstdc++'s
  // stable_sort also warns (get_temporary_buffer is deprecated) in every build.
  llvm::sort(Result.Findings, [](const Finding &X, const Finding &Y) {
    return std::tie(X.Where.File, X.Where.Offset, X.Check, X.Message, X.Suppressed) <
           std::tie(Y.Where.File, Y.Where.Offset, Y.Check, Y.Message, Y.Suppressed);
  });
  return 0;
}

} // namespace asynclint
