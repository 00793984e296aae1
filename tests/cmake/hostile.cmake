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
# An import killed with SIGKILL at every step of its staged write (and at moments
# spread over a run) leaves the old catalogue or the new, which validates; the next
# import removes the staging folder (docs/import.md "Killed half way").
add_test(NAME hostile/import-kill
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/hostile/import_kill.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(hostile/import-kill PROPERTIES TIMEOUT 600)
# Two real `profile init` processes racing for one file, 30 rounds: one exits 0,
# the other 2 with the documented message, every round (docs/limits.md "Writing files").
add_test(NAME hostile/init-race
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/hostile/init_race.py --advisor $<TARGET_FILE:advisor>
                 --rounds 30
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(hostile/init-race PROPERTIES TIMEOUT 300)
# Bounded work (docs/limits.md): unknown skills in batch and in one profile, one long
# batch line and standard input over the limit, each within 1 s of processor time and
# 200 MB (guards, relaxed under sanitizers).
add_test(NAME hostile/work-bounds
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/bad-input/run.py --advisor $<TARGET_FILE:advisor>
                 --work-bounds
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
if(ADVISOR_SANITIZE)
  set_tests_properties(hostile/work-bounds hostile/io-failures PROPERTIES ENVIRONMENT "ADVISOR_SLOW=1")
endif()
# Terminal injection (docs/limits.md): a hostile catalogue and profile (YAML escapes,
# JSON escapes, raw bytes) through every text command, zh and en, with and without
# colour: no raw control character on stdout or stderr.
add_test(NAME hostile/escape-sweep
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/hostile/escape_sweep.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

# The snapshot cache is private: 0700, never through a link, never a snapshot others
# may write to (issue 32).
add_test(NAME hostile/private-cache
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/hostile/private_cache.py $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
