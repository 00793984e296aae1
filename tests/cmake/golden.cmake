# CLI golden tests: tests/golden/cases/<name>/ holds `args` (one argument per line),
# optional `stdin`, and the expected `stdout`, `stderr` and `exit_code`.
file(GLOB ADVISOR_GOLDEN_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/golden/cases/*)
list(SORT ADVISOR_GOLDEN_CASES)
foreach(case IN LISTS ADVISOR_GOLDEN_CASES)
  if(IS_DIRECTORY ${case})
    get_filename_component(name ${case} NAME)
    add_test(NAME golden/${name}
             COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/golden/run.py --advisor $<TARGET_FILE:advisor> ${case}
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
endforeach()
add_test(NAME catalog/builtin-tests
         COMMAND advisor catalog test --color never ${CMAKE_SOURCE_DIR}/catalog/tests/aigc-application-engineer.yaml
                 ${CMAKE_SOURCE_DIR}/catalog/tests/ai-engineer.yaml ${CMAKE_SOURCE_DIR}/catalog/tests/caip.yaml
                 ${CMAKE_SOURCE_DIR}/catalog/tests/caie-and-prompt-engineer.yaml
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME catalog/builtin-validates COMMAND advisor catalog validate --color never ${CMAKE_SOURCE_DIR}/catalog)
