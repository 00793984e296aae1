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

# The evidence behind the skills' ESCO and O*NET citations, looked up in the full data
# sets where ADVISOR_CITATION_DATA or ADVISOR_DATA_DIR names them at test time (exit 77
# = skipped otherwise, as in users' clones; .ci/run names CI's copy).
add_test(NAME catalog/vocabulary-citations
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/vocabulary/check_citations.py
                 --skills ${CMAKE_SOURCE_DIR}/catalog/skills.yaml)
set_tests_properties(catalog/vocabulary-citations PROPERTIES SKIP_RETURN_CODE 77)

# Everyday words (issue 28): the skills people from any career write in a profile, in
# tests/vocabulary/everyday-words.txt (grouped by career type, each batch written down
# before the vocabulary grew to meet it), must resolve: at least 85% of them.
add_test(NAME catalog/everyday-words
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/vocabulary/everyday_words.py
                 --advisor $<TARGET_FILE:advisor> --min 0.85
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
