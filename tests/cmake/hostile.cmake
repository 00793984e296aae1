# Hostile input (docs/limits.md): the bad-input corpus, each case with its exact
# exit code, its first diagnostic line and an empty stdout; under the sanitizer
# build the hang guard per case is relaxed (ADVISOR_SLOW).
add_test(NAME hostile/bad-input
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/bad-input/run.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
if(ADVISOR_SANITIZE)
  set_tests_properties(hostile/bad-input PROPERTIES ENVIRONMENT "ADVISOR_SLOW=1")
endif()
add_test(NAME hostile/batch-line-limit
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/bad-input/run.py --advisor $<TARGET_FILE:advisor>
                 --batch-line-limit
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
if(ADVISOR_SANITIZE)
  set_tests_properties(hostile/batch-line-limit PROPERTIES ENVIRONMENT "ADVISOR_SLOW=1")
endif()
add_test(NAME hostile/io-failures
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/bad-input/run.py --advisor $<TARGET_FILE:advisor>
                 --io-failures
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
