# Run an example under the hazard monitor and require zero hazards.
#   cmake -DEXE=<program> -DOUT=<json> [-DARGS=<arg>] -P run_clean.cmake
file(REMOVE ${OUT})
execute_process(
  # 100 ms stall threshold: a preempted worker on a loaded CI machine must not look like a
  # stall (the examples' own resumes take microseconds).
  COMMAND ${CMAKE_COMMAND} -E env ASYNCRT_MONITOR=${OUT} ASYNCRT_STALL_MS=100 ${EXE} ${ARGS}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} exited with ${rc}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "the monitor wrote no ${OUT}")
endif()
file(READ ${OUT} json)
string(REGEX REPLACE "[ \n]" "" compact "${json}")
if(NOT compact STREQUAL "{\"hazards\":[]}")
  message(FATAL_ERROR "hazards observed:\n${json}")
endif()
