# Scale topic: importer tests on slices of the real ESCO / O*NET files (skipped when
# ../shared/data is absent), and the core micro-benchmark used by bench/run.
# Not in a sanitizer build: timings there mean nothing, and CI would build it for nothing.
if(NOT ADVISOR_SANITIZE)
  add_executable(advisor_micro_bench ${CMAKE_SOURCE_DIR}/bench/micro.cpp)
  target_link_libraries(advisor_micro_bench PRIVATE advisor_core)
  set_target_properties(advisor_micro_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endif()

# Import CLI tests on the real data (exit 77 = skipped when ../shared/data is absent).
foreach(which slice full)
  add_test(NAME scale/import-esco-${which}
           COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/scale/import_cli.py --advisor $<TARGET_FILE:advisor>
                   --data ${CMAKE_SOURCE_DIR}/../shared/data ${which}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(scale/import-esco-${which} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
