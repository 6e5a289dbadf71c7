# Writes the asynclint(1) man page (roff) from the driver's own help, so the page cannot drift
# from the options: `asynclint --help`, then `asynclint <subcommand> --help` for each subcommand
# the top-level help lists. Our own small generator (no help2man build dependency).
# Usage: cmake -DASYNCLINT=<binary> -DVERSION=<x.y.z> -DLLVM_MAJOR=<n> -DOUTPUT=<asynclint.1>
#              -P ManPage.cmake
function(run_help out_var)
  execute_process(COMMAND "${ASYNCLINT}" ${ARGN} --help RESULT_VARIABLE rc
                  OUTPUT_VARIABLE text ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR text STREQUAL "")
    message(FATAL_ERROR "asynclint ${ARGN} --help failed (${rc}): ${err}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# roff: a backslash is \e; a line starting with . or ' would be a request: guard it with \&.
function(roff_literal out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

run_help(top)
# The subcommands: the "  name  - summary" lines under "SUBCOMMANDS:" (llvm::cl's layout).
string(REPLACE ";" "," top_lines "${top}")
string(REPLACE "\n" ";" top_lines "${top_lines}")
set(subcommands)
set(in_block FALSE)
foreach(line IN LISTS top_lines)
  if(line MATCHES "^SUBCOMMANDS:")
    set(in_block TRUE)
  elseif(in_block AND line MATCHES "^  ([a-z][a-z-]*) +- ")
    list(APPEND subcommands "${CMAKE_MATCH_1}")
  elseif(in_block AND subcommands AND NOT line MATCHES "^ *$")
    break()
  endif()
endforeach()
if(NOT subcommands)
  message(FATAL_ERROR "no SUBCOMMANDS: block in asynclint --help:\n${top}")
endif()

roff_literal(top_roff "${top}")
set(page ".TH ASYNCLINT 1 \"\" \"asynclint ${VERSION}\" \"User Commands\"
.SH NAME
asynclint \\- lint asynchronous C++ (coroutines, tasks, executors) over a compilation database
.SH SYNOPSIS
.B asynclint
[\\fIsubcommand\\fR] [\\fIoptions\\fR]
.SH DESCRIPTION
asynclint runs the async-* clang-tidy checks (built for LLVM ${LLVM_MAJOR}) over the translation
units of a compile_commands.json, in parallel in one process, and writes text, SARIF 2.1.0 or JSON.
The same checks load into clang-tidy-${LLVM_MAJOR} as the plugin libasynclint.so.
.SH OPTIONS
.nf
${top_roff}
.fi
")
foreach(sub ${subcommands})
  run_help(sub_help ${sub})
  roff_literal(sub_roff "${sub_help}")
  string(APPEND page ".SH \"SUBCOMMAND: ${sub}\"\n.nf\n${sub_roff}\n.fi\n")
endforeach()
string(APPEND page ".SH FILES
.TP
.I /usr/lib/llvm-${LLVM_MAJOR}/lib/libasynclint.so
the clang-tidy plugin: clang-tidy-${LLVM_MAJOR} --load=libasynclint.so --checks='-*,async-*'
.TP
.I /usr/share/asynclint/clang-tidy-plugin/
ready configurations (default.yaml, ci-strict.yaml, frameworks.yaml)
.TP
.I /usr/share/asynclint/docs/
one page per check (also printed by asynclint explain <check>)
.SH SEE ALSO
.BR clang-tidy-${LLVM_MAJOR} (1)
")
file(WRITE "${OUTPUT}.tmp" "${page}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
