# Builds the Debian package of this build with CPack and checks what users get: the file name,
# the control fields (version, Depends, Conflicts) and the contents (plugin beside LLVM's
# libraries, driver, man page, configurations, docs). The version and LLVM major come from the
# build (project() and ASYNCLINT_LLVM_VERSION), never from this file.
# Usage: cmake -DBUILD_DIR=<build> -DSCRATCH=<dir> -DVERSION=<x.y.z> -DLLVM_MAJOR=<n>
#              -DOTHER_PACKAGES=<name;...> -DPLUGIN_DIR=<lib/llvm-n/lib> -P check-package.cmake
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
find_program(dpkg_deb dpkg-deb REQUIRED)
get_filename_component(cmake_bin_dir "${CMAKE_COMMAND}" DIRECTORY)
find_program(cpack cpack HINTS "${cmake_bin_dir}" REQUIRED)
execute_process(COMMAND "${cpack}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${SCRATCH}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed:\n${out}${err}")
endif()
set(deb "${SCRATCH}/asynclint-llvm${LLVM_MAJOR}_${VERSION}_amd64.deb")
if(NOT EXISTS "${deb}")
  file(GLOB made "${SCRATCH}/*.deb")
  message(FATAL_ERROR "expected ${deb}; cpack wrote: ${made}")
endif()

function(field name out_var)
  execute_process(COMMAND "${dpkg_deb}" -f "${deb}" ${name} OUTPUT_VARIABLE value
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -f ${name} failed")
  endif()
  set(${out_var} "${value}" PARENT_SCOPE)
endfunction()

field(Package package)
field(Version version)
field(Architecture arch)
field(Depends depends)
field(Conflicts conflicts)
field(Replaces replaces)
if(NOT package STREQUAL "asynclint-llvm${LLVM_MAJOR}" OR NOT version STREQUAL VERSION
   OR NOT arch STREQUAL "amd64")
  message(FATAL_ERROR "control: Package '${package}' Version '${version}' Architecture '${arch}'")
endif()
# Depends: names only (without any version), sorted, compared as a whole set.
string(REGEX REPLACE " *\\([^)]*\\)" "" dep_names "${depends}")
string(REPLACE ", " ";" dep_names "${dep_names}")
list(SORT dep_names)
set(expected_deps clang-tidy-${LLVM_MAJOR} libc6 libclang-common-${LLVM_MAJOR}-dev
    libclang-cpp${LLVM_MAJOR} libgcc-s1 libllvm${LLVM_MAJOR} libstdc++6)
set(clangd_files)
if(WITH_CLANGD) # asynclint-clangd and clangd's gRPC remote-index libraries
  list(APPEND expected_deps libgrpc++1.51 libgrpc29 libprotobuf32 libabsl20220623 libc-ares2
       libre2-9 libssl3 zlib1g)
  set(clangd_files bin/asynclint-clangd)
endif()
list(SORT expected_deps)
if(NOT dep_names STREQUAL expected_deps)
  message(FATAL_ERROR "Depends: ${depends}\n  names: ${dep_names}\n  expected: ${expected_deps}")
endif()
string(REPLACE ";" ", " other "${OTHER_PACKAGES}")
if(NOT conflicts STREQUAL other OR NOT replaces STREQUAL other)
  message(FATAL_ERROR "Conflicts '${conflicts}' / Replaces '${replaces}', expected '${other}'")
endif()

execute_process(COMMAND "${dpkg_deb}" -c "${deb}" OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -c failed")
endif()
foreach(f ${PLUGIN_DIR}/libasynclint.so ${clangd_files}
          bin/asynclint
          share/man/man1/asynclint.1.gz
          share/asynclint/clang-tidy-plugin/default.yaml
          share/asynclint/docs/checks/async-sleep-in-coroutine.md
          share/doc/asynclint/CHANGELOG.md)
  string(REPLACE "+" "\\+" f_re "${f}")
  if(NOT listing MATCHES " \\./usr/${f_re}\n")
    message(FATAL_ERROR "not in the package: /usr/${f}\n${listing}")
  endif()
endforeach()
if(listing MATCHES " \\./usr/lib/libasynclint\\.so")
  message(FATAL_ERROR "the plugin is also in /usr/lib:\n${listing}")
endif()

# The man page is the driver's help: it names this version and documents a subcommand.
execute_process(COMMAND "${dpkg_deb}" -x "${deb}" "${SCRATCH}/root" RESULT_VARIABLE rc)
execute_process(COMMAND gzip -dc "${SCRATCH}/root/usr/share/man/man1/asynclint.1.gz"
                OUTPUT_VARIABLE man RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT man MATCHES "\\.TH ASYNCLINT 1 \"\" \"asynclint ${VERSION}\""
   OR NOT man MATCHES "\n\\.SH \"SUBCOMMAND: check\"\n" OR NOT man MATCHES "\nUSAGE: asynclint check ")
  message(FATAL_ERROR "the man page is not the driver's help:\n${man}")
endif()
file(REMOVE_RECURSE "${SCRATCH}")
message(STATUS "package ok: ${package} ${version}, Depends: ${depends}")
