//===--- IncludePrefixMain.cpp - the include prefix of files, for tests ---===//
//
// Prints, for each file named on the command line, the line "== FILE" and
// then the headers includePrefix reads at its start, one a line. Built for
// test/driver/bench-prefix.test, which compares this reading with that of
// scripts/bench-shared-headers; not installed.
//
//===----------------------------------------------------------------------===//

#include "SharedHeaders.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

int main(int Argc, char **Argv) {
  int RC = 0;
  for (int I = 1; I < Argc; ++I) {
    auto Buf = llvm::MemoryBuffer::getFile(Argv[I], /*IsText=*/false);
    if (!Buf) {
      llvm::errs() << "asynclint-include-prefix: cannot read '" << Argv[I]
                   << "': " << Buf.getError().message() << "\n";
      RC = 1;
      continue;
    }
    llvm::outs() << "== " << Argv[I] << "\n";
    for (const std::string &H : asynclint::includePrefix((*Buf)->getBuffer()))
      llvm::outs() << H << "\n";
  }
  return RC;
}
