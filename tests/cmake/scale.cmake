# Scale topic: importer tests on the committed slices of ESCO / O*NET (tests/data/) and
# on the full files when ADVISOR_DATA_DIR names them (else skipped), and the core
# micro-benchmark used by bench/run.
# Not in a sanitizer build: timings there mean nothing, and CI would build it for nothing.
if(NOT ADVISOR_SANITIZE)
  add_executable(advisor_micro_bench ${CMAKE_SOURCE_DIR}/bench/micro.cpp)
  target_link_libraries(advisor_micro_bench PRIVATE advisor_core)
  set_target_properties(advisor_micro_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endif()

# The floor programs bench/run times under advisor's start-up (bench/floor/): each must
# still run and do its small job, or the floors it prints would be of nothing.
if(TARGET advisor_floor_yaml)
  add_test(NAME scale/floor-hello COMMAND advisor_floor_hello)
  set_tests_properties(scale/floor-hello PROPERTIES PASS_REGULAR_EXPRESSION "^hello\n$")
  add_test(NAME scale/floor-yaml COMMAND advisor_floor_yaml profiles/cs-graduate.yaml WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(scale/floor-yaml PROPERTIES PASS_REGULAR_EXPRESSION "^[1-9][0-9]* keys\n$")
  add_test(NAME scale/floor-linkage
           COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/scale/floor_linkage.py $<TARGET_FILE:advisor>
                   $<TARGET_FILE:advisor_floor_hello> $<TARGET_FILE:advisor_floor_yaml>)
  set_tests_properties(scale/floor-linkage PROPERTIES SKIP_RETURN_CODE 77)
endif()

# Import CLI tests: the slice always; the full ESCO file only with ADVISOR_DATA_DIR
# (exit 77 = skipped otherwise).
foreach(which slice full)
  add_test(NAME scale/import-esco-${which}
           COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/scale/import_cli.py --advisor $<TARGET_FILE:advisor> ${which}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(scale/import-esco-${which} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()

# The core importer tests on the full ESCO and O*NET files (Catch2 tag [.full-data],
# hidden from the default run): skipped, exit 77, unless ADVISOR_DATA_DIR names them.
add_test(NAME scale/import-full-data
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/scale/run_full_data.py $<TARGET_FILE:advisor_tests>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(scale/import-full-data PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
