//===--- CheckFuzzer.cpp - libFuzzer target over every async-* check ------===//
//
// Each input is appended to a prelude that includes the mock coroutine,
// executor, lock and I/O headers of test/Inputs, and the result is analysed
// as C++20 by clang-tidy with Checks: '-*,async-*' (the same check objects as
// the plugin and the driver, built with ASan+UBSan and coverage). Findings and
// compiler errors are discarded: the target looks for crashes, sanitizer
// reports and hangs on arbitrary (mostly invalid) code.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "utils/Compat.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <string>

using namespace clang;
using namespace clang::tidy;

namespace {

const char Prelude[] = "#include \"coro.h\"\n#include \"chrono.h\"\n#include \"sync.h\"\n"
                       "#include \"io.h\"\n#include \"locks-extra.h\"\n#include \"asio.h\"\n"
                       "#include \"asyncrt-mock.h\"\n#line 1 \"fuzz-input.cpp\"\n";

class Action : public ASTFrontendAction {
public:
  explicit Action(ClangTidyASTConsumerFactory &F) : Factory(F) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef File) override {
    return Factory.createASTConsumer(CI, File);
  }

private:
  ClangTidyASTConsumerFactory &Factory;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Code = Prelude;
  Code.append(reinterpret_cast<const char *>(Data), Size);

  ClangTidyOptions Opts = ClangTidyOptions::getDefaults();
  Opts.Checks = "-*,async-*";
  Opts.HeaderFilterRegex = ".*"; // the mock headers' findings too
  ClangTidyContext Context(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(), Opts));
  ClangTidyDiagnosticConsumer Consumer(Context);
  async::compat::ContextDiagnostics DE(Context, &Consumer);

  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Overlay->pushOverlay(Memory);
  Memory->addFile("/fuzz/input.cpp", 0, llvm::MemoryBuffer::getMemBufferCopy(Code));
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), Overlay);

  ClangTidyASTConsumerFactory Factory(Context, Overlay);
  std::vector<std::string> Args = {"clang-tool",     "-fsyntax-only", "-std=c++20",
                                   "-ferror-limit=50", "-isystem",     ASYNCLINT_FUZZ_MOCKS,
                                   "/fuzz/input.cpp"};
  tooling::ToolInvocation Invocation(Args, std::make_unique<Action>(Factory), Files.get());
  Invocation.setDiagnosticConsumer(&Consumer);
  Invocation.run();
  Consumer.take();
  return 0;
}
