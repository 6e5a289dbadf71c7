# Installs the build into a scratch prefix and checks the layout users rely on:
# the plugin in <PLUGIN_DIR> (lib/llvm-<N>/lib), the configurations and docs in share/asynclint/.
# With WITH_CLANGD (the build has asynclint-clangd), also bin/asynclint-clangd.
# Usage: cmake -DBUILD_DIR=<build> -DPREFIX=<scratch> -DPLUGIN_DIR=<dir> [-DWITH_CLANGD=1]
#        -P check-install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(clangd_files)
if(WITH_CLANGD)
  set(clangd_files bin/asynclint-clangd)
endif()
foreach(f ${PLUGIN_DIR}/libasynclint.so ${clangd_files}
          share/asynclint/clang-tidy-plugin/default.yaml
          share/asynclint/docs/checks/async-sleep-in-coroutine.md
          share/asynclint/docs/checks/async-blocking-call-in-coroutine.md)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
message(STATUS "install layout ok")
