//===--- NameList.h - qualified-name lists from check options ----*- C++ -*-===//
//
// Every asynclint check takes its lists (blocking functions, guard types, spawn
// functions...) as `;`-separated fully qualified names, like upstream clang-tidy.
// NameList parses one such option and answers "is this declaration on it?"
// with clang's own name matcher, so inline namespaces (`std::__cxx11`) and
// template arguments (`std::future<int>::get`) need no special spelling.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNCLINT_CHECKS_UTILS_NAMELIST_H
#define ASYNCLINT_CHECKS_UTILS_NAMELIST_H

#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchersInternal.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// A set of qualified names, e.g. "::std::this_thread::sleep_for;::sleep".
///
/// A name at global scope with no namespace ("::sleep", "::read") stands for
/// the C library function: it matches only a declaration with C language
/// linkage or one from a system header. A user's own coroutine that happens
/// to be called `sleep` is not the POSIX one. A global class ("::Client") is
/// matched as any other name.
class NameList {
public:
  NameList() = default;
  explicit NameList(llvm::StringRef Option);
  /// The option's value: the default list, or its replacement, plus extras.
  static NameList fromOptions(llvm::StringRef List, llvm::StringRef Extra);

  /// The entry matching \p D (the spelling from the option), if any. For a
  /// member called through an object, \p ObjectClass is the object's class:
  /// `std::shared_future::wait` then matches libstdc++'s member inherited
  /// from `std::__basic_future`.
  std::optional<llvm::StringRef> match(const NamedDecl &D,
                                       const CXXRecordDecl *ObjectClass = nullptr) const;
  bool contains(const NamedDecl &D) const { return match(D).has_value(); }
  bool empty() const { return Names.empty(); }
  /// Whether some entry's last component is \p Name ("background_executor"
  /// for "::concurrencpp::runtime::background_executor").
  bool hasLastComponent(llvm::StringRef Name) const { return LastComponents.contains(Name); }
  const std::vector<std::string> &names() const { return Names; }

  /// An entry as messages show it: 'std::future::get' for "::std::future::get".
  static llvm::StringRef spelling(llvm::StringRef Entry) {
    return Entry.drop_while([](char C) { return C == ':'; });
  }
  /// How \p D is named in messages: as its entry on this list is spelled
  /// ('asio::co_spawn', not 'co_spawn<any_io_executor, ...>'), or its
  /// qualified name when it is not on the list.
  std::string displayName(const NamedDecl &D) const;

  /// The hasAnyName() matcher argument list, for use in registerMatchers.
  std::vector<llvm::StringRef> refs() const;

private:
  std::vector<std::string> Names;
  // One matcher per entry, so that match() can say which entry matched.
  std::vector<ast_matchers::internal::HasNameMatcher> Matchers;
  std::vector<bool> IsCLibraryName;
  // clang's name matcher spells a member of a class template specialization
  // with its template arguments (std::future<int>::get); such members are
  // matched as "member name + class name" instead.
  struct MemberOfClass {
    std::string Member;
    std::optional<ast_matchers::internal::HasNameMatcher> Class;
  };
  std::vector<MemberOfClass> Members;
  // The last component of every entry: a declaration whose own name is not
  // here matches nothing, and is rejected before any qualified-name work.
  llvm::StringSet<> LastComponents;
};

/// Parses "name=text;name=text" (an option that maps a name to a suggestion).
llvm::StringMap<std::string> parseNameMap(llvm::StringRef Option);

/// True if \p D is a C library function in the sense of NameList above.
bool isCLibraryFunction(const NamedDecl &D);

} // namespace clang::tidy::async

#endif
