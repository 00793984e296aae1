# Core tests. Unit tests (tests/unit/{date,text,loader,catalog,profile,rules,matching,
# matching_profiles}_test.cpp) are globbed into advisor_tests; the golden cases
# tests/golden/cases/core-* are registered by golden.cmake. Here: the contract every
# core golden case must keep (pinned date and language, empty stdout on error, JSON
# documents that parse).
add_test(NAME core/golden-contract
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/check_goldens.py
                 ${CMAKE_SOURCE_DIR}/tests/golden/cases
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# The fixture catalogue test files (tests/core/fixtures/tests/) run through the goldens
# core-catalog-test-passing (exit 0) and core-catalog-test-failing (exit exactly 1).
# The built-in catalogue's snapshot, compiled into advisor, answers exactly as its
# YAML does (--no-cache), and writes no cache file.
add_test(NAME core/builtin-snapshot
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/builtin_snapshot_test.py $<TARGET_FILE:advisor>
                 ${CMAKE_SOURCE_DIR})
# The README's example output is produced by the program (tests/core/readme_example.py).
add_test(NAME core/readme-example
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/readme_example.py $<TARGET_FILE:advisor>
                 ${CMAKE_SOURCE_DIR}/README.md
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# The docs stay short enough to finish (README 150 lines, performance.md 250, HACKING.md
# one page), their links and anchors resolve, and nothing points into the developers'
# shared folder beside the checkout (tests/core/docs_limits.py).
add_test(NAME core/docs-limits
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/core/docs_limits.py ${CMAKE_SOURCE_DIR})
