# Test-only dependencies, found without failing the configuration.
#
# scripts/demo builds only the plugin and the driver and installs none of these; scripts/test
# installs them (scripts/install-deps test) and configures with ASYNCLINT_REQUIRE_TEST_DEPS=ON,
# which turns a missing one into an error instead of a quietly smaller test suite.
option(ASYNCLINT_REQUIRE_TEST_DEPS "Stop the configuration when a test dependency is missing" OFF)

# Reports a test dependency that is missing: an error under ASYNCLINT_REQUIRE_TEST_DEPS, else
# one status line saying which tests are left out and how to get them.
function(asynclint_missing_test_dependency what tests)
  set(text "asynclint: ${what} not found: ${tests} left out (scripts/install-deps test installs it)")
  if(ASYNCLINT_REQUIRE_TEST_DEPS)
    message(FATAL_ERROR "${text}")
  endif()
  message(STATUS "${text}")
endfunction()

# Sets ${result} when the compiler links a program with -fsanitize=${sanitizers}: `main`, or with
# `fuzzer` among them, a libFuzzer entry point. The sanitizer runtimes come in a package of their
# own (libclang-rt-19-dev); without it only the link fails. A failed probe is not cached, so
# installing the package and reconfiguring finds it.
function(asynclint_check_sanitizer result sanitizers)
  set(source "int main() { return 0; }")
  if(sanitizers MATCHES "fuzzer")
    string(CONCAT source "#include <cstddef>\n#include <cstdint>\n"
           "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }")
  endif()
  include(CheckCXXSourceCompiles)
  if(NOT ${result})
    unset(${result} CACHE)
  endif()
  set(CMAKE_REQUIRED_FLAGS "-fsanitize=${sanitizers}")
  set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=${sanitizers}")
  set(CMAKE_REQUIRED_QUIET ON)
  check_cxx_source_compiles("${source}" ${result})
endfunction()
