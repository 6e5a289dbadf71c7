# Debian packages: `cpack -G DEB` in a build directory writes
# asynclint-llvm<N>_<version>_amd64.deb for the LLVM of that build (19 or 22). The package holds
# every install() rule of the build: the plugin in /usr/lib/llvm-<N>/lib/ (clang-tidy-<N> finds
# it by bare name there, see docs/install.md), the driver and its man page, the configurations,
# the docs, and whatever else installs itself (the asynclint-clangd build, when it exists).
#
# The 19 and 22 packages both ship /usr/bin/asynclint, its man page and /usr/share/asynclint, so
# they Conflict with (and Replace) each other: one driver per machine, installing the other
# package swaps it. The version is the project's (project() in CMakeLists.txt).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "asynclint-llvm${ASYNCLINT_LLVM_MAJOR}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "asynclint")
set(CPACK_PACKAGE_CONTACT "asynclint maintainers <https://github.com/asynclint/asynclint/issues>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "clang-tidy checks for asynchronous C++ (LLVM ${ASYNCLINT_LLVM_MAJOR}): plugin and driver")
set(CPACK_PACKAGE_DESCRIPTION
    "asynclint finds the mistakes that make asynchronous C++ slow, stuck or silently wrong:
blocking calls and locks held across co_await in coroutines, unbounded spawns, dropped
tasks and join handles. This package holds the async-* checks as a plugin for
clang-tidy-${ASYNCLINT_LLVM_MAJOR} and the asynclint driver (SARIF, baselines, audits).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/asynclint/asynclint")
# Depends, written out rather than left to dpkg-shlibdeps: in the build, the driver's RUNPATH
# (/usr/lib/llvm-<N>/lib) resolves libLLVM.so.<N> to llvm-<N>-dev's symlink, which has no shlibs
# entry, and dpkg-shlibdeps fails. The installed driver (RUNPATH removed) loads the libraries of
# these packages (ldd, dpkg -S): libclang-cpp<N>, libllvm<N>, libstdc++6, libgcc-s1, libc6. The
# plugin needs no library of its own (it binds to clang-tidy's symbols) but clang-tidy-<N> to
# run in; libclang-common-<N>-dev holds the resource headers (stddef.h...) the driver parses with.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "clang-tidy-${ASYNCLINT_LLVM_MAJOR}, libclang-common-${ASYNCLINT_LLVM_MAJOR}-dev, \
libclang-cpp${ASYNCLINT_LLVM_MAJOR}, libllvm${ASYNCLINT_LLVM_MAJOR}, libc6, libstdc++6, libgcc-s1")
# asynclint-clangd, when built, also loads clangd's remote-index client libraries (Debian builds
# clangd with gRPC): the packages that hold them on Debian 12 (ldd, dpkg -S).
if(TARGET asynclint-clangd)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libgrpc++1.51, libgrpc29, libprotobuf32, \
libabsl20220623, libc-ares2, libre2-9, libssl3, zlib1g")
endif()
set(asynclint_other_packages)
foreach(v ${ASYNCLINT_SUPPORTED_LLVM_VERSIONS})
  if(NOT v STREQUAL ASYNCLINT_LLVM_MAJOR)
    list(APPEND asynclint_other_packages "asynclint-llvm${v}")
  endif()
endforeach()
string(REPLACE ";" ", " asynclint_other_packages "${asynclint_other_packages}")
set(CPACK_DEBIAN_PACKAGE_CONFLICTS "${asynclint_other_packages}")
set(CPACK_DEBIAN_PACKAGE_REPLACES "${asynclint_other_packages}")
set(CPACK_DEBIAN_PACKAGE_PROVIDES "asynclint")
set(CPACK_STRIP_FILES ON)
include(CPack)
