# The compiler guard: a plugin built by anything but the matching clang++ fails to load, so
#  1. configuring with GCC must stop at configure time with one line that says what to do, and
#     leave no plugin behind;
#  2. configuring with no compiler named (and CXX unset) must pick clang++-<LLVM major> itself;
#  3. with no ASYNCLINT_LLVM_VERSION, a compiler named clang++-<major> chooses that LLVM, and an
#     unsupported version is refused in one line.
# Usage: cmake -DSOURCE_DIR=<src> -DSCRATCH=<dir> -DLLVM_MAJOR=19 -P check-compiler-guard.cmake
set(base_options -G Ninja -DASYNCLINT_BUILD_RUNTIME_MODEL=OFF -DASYNCLINT_BUILD_DRIVER=OFF)
set(fast_options ${base_options} -DASYNCLINT_LLVM_VERSION=${LLVM_MAJOR})
file(REMOVE_RECURSE "${SCRATCH}")

find_program(gxx NAMES g++)
if(NOT gxx)
  message(FATAL_ERROR "g++ is not installed (scripts/install-deps test installs it)")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${SCRATCH}/gcc"
                        -DCMAKE_CXX_COMPILER=${gxx} ${fast_options}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "configuring with ${gxx} succeeded; it must be refused:\n${out}${err}")
endif()
set(expected "must be built with clang\\+\\+-${LLVM_MAJOR}, not GNU")
if(NOT err MATCHES "${expected}.*-DCMAKE_CXX_COMPILER=clang\\+\\+-${LLVM_MAJOR}")
  message(FATAL_ERROR "configuring with GCC failed without the guard's message:\n${err}")
endif()
file(GLOB_RECURSE plugins "${SCRATCH}/gcc/*libasynclint.so")
if(plugins)
  message(FATAL_ERROR "a refused configuration left a plugin behind: ${plugins}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=CXX
                        "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${SCRATCH}/default" ${fast_options}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring with no compiler named failed:\n${out}${err}")
endif()
file(GLOB compiler_info "${SCRATCH}/default/CMakeFiles/*/CMakeCXXCompiler.cmake")
file(STRINGS "${compiler_info}" picked REGEX "^set\\(CMAKE_CXX_COMPILER ")
if(NOT picked MATCHES "clang\\+\\+-${LLVM_MAJOR}\"\\)$")
  message(FATAL_ERROR "configuring with no compiler named picked ${picked}, not clang++-${LLVM_MAJOR}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${SCRATCH}/named" ${base_options}
                        -DCMAKE_CXX_COMPILER=clang++-${LLVM_MAJOR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring with clang++-${LLVM_MAJOR} and no version failed:\n${out}${err}")
endif()
file(STRINGS "${SCRATCH}/named/CMakeCache.txt" chosen REGEX "^ASYNCLINT_LLVM_VERSION:")
if(NOT chosen STREQUAL "ASYNCLINT_LLVM_VERSION:STRING=${LLVM_MAJOR}")
  message(FATAL_ERROR "clang++-${LLVM_MAJOR} with no version chose '${chosen}'")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${SCRATCH}/unsupported"
                        ${base_options} -DASYNCLINT_LLVM_VERSION=17
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "ASYNCLINT_LLVM_VERSION=17 is not supported; use one of: ")
  message(FATAL_ERROR "ASYNCLINT_LLVM_VERSION=17 was not refused with the guard's message:\n${err}")
endif()
file(REMOVE_RECURSE "${SCRATCH}")
message(STATUS "compiler guard ok: GCC refused, clang++-${LLVM_MAJOR} picked by default and chooses LLVM ${LLVM_MAJOR}, 17 refused")
