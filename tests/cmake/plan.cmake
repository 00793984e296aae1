# advisor plan: the Graphviz and Mermaid renderings must parse and match the JSON plan.
# Golden cases (tests/golden/cases/plan-*) cover the text and JSON output byte for byte.
find_program(ADVISOR_DOT NAMES dot PATHS /usr/bin)
if(NOT ADVISOR_DOT)
  # Keep the test: it then fails and says why, rather than silently not running.
  set(ADVISOR_DOT dot)
endif()

set(ADVISOR_PLAN_CASES
    "cs-graduate-en|profiles/cs-graduate.yaml|ai-solution-architect|en"
    "cs-graduate-zh|profiles/cs-graduate.yaml|ai-solution-architect|zh"
    "aigc-operator-en|profiles/aigc-operator.yaml|ai-content-creator|en"
    "aigc-operator-zh|profiles/aigc-operator.yaml|ai-content-creator|zh")
foreach(entry IN LISTS ADVISOR_PLAN_CASES)
  string(REPLACE "|" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 profile)
  list(GET parts 2 role)
  list(GET parts 3 lang)
  foreach(format IN ITEMS dot mermaid)
    add_test(NAME plan/${format}-${name}
             COMMAND ${ADVISOR_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/plan_check_graph.py ${format}
                     --advisor $<TARGET_FILE:advisor> --dot ${ADVISOR_DOT} --
                     --as-of 2026-11-23 --lang ${lang} plan --profile ${profile} --role ${role}
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endforeach()
endforeach()

# Names with quotes, backslashes, '#', angle brackets and a line break must be escaped.
foreach(format IN ITEMS dot mermaid)
  add_test(NAME plan/${format}-escaping
           COMMAND ${ADVISOR_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/plan_check_graph.py ${format}
                   --advisor $<TARGET_FILE:advisor> --dot ${ADVISOR_DOT} --
                   --catalog tests/golden/cases/plan-escape-dot/catalog --as-of 2026-11-23 --lang en
                   plan --profile tests/golden/cases/plan-escape-dot/profile.yaml --role odd-role
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
