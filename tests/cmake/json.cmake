# JSON contract (docs/json.md): every --json output validates against its schema in
# docs/schema/, checked by an independent validator, Debian's python3-jsonschema
# (hence /usr/bin/python3, which has it); batch at scale; the jq recipes of the docs.
find_program(ADVISOR_JSON_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ADVISOR_JSON_PYTHON)
  # Keep the tests: they then fail and say why, rather than silently not running.
  set(ADVISOR_JSON_PYTHON /usr/bin/python3)
endif()
set(ADVISOR_JSON_DIR ${CMAKE_SOURCE_DIR}/tests/json)

foreach(part IN ITEMS schemas outputs errors negative profiles)
  add_test(NAME json/${part}
           COMMAND ${ADVISOR_JSON_PYTHON} ${ADVISOR_JSON_DIR}/validate_all.py --advisor $<TARGET_FILE:advisor> ${part}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
set_tests_properties(json/outputs PROPERTIES TIMEOUT 900)

foreach(jobs IN ITEMS 1 2)
  add_test(NAME json/batch-scale-jobs${jobs}
           COMMAND ${ADVISOR_JSON_PYTHON} ${ADVISOR_JSON_DIR}/batch_scale.py --advisor $<TARGET_FILE:advisor>
                   --lines 5000 --jobs ${jobs}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(json/batch-scale-jobs${jobs} PROPERTIES TIMEOUT 900)
endforeach()

# A brief item too long for batch's item buffer takes the general writer's path, and
# the line still carries recommend --brief's document byte for byte.
add_test(NAME json/brief-items
         COMMAND ${ADVISOR_JSON_PYTHON} ${ADVISOR_JSON_DIR}/brief_items.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

find_program(ADVISOR_JQ NAMES jq PATHS /usr/bin)
if(ADVISOR_JQ)
  add_test(NAME json/jq-recipes
           COMMAND ${ADVISOR_JSON_PYTHON} ${ADVISOR_JSON_DIR}/jq_recipes.py --advisor $<TARGET_FILE:advisor> --jq ${ADVISOR_JQ}
                   ${CMAKE_SOURCE_DIR}/docs/json.md
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
else()
  advisor_skipped_test(jq json/jq-recipes)
endif()

# Sharding (docs/json.md): shards numbered with --line-offset, and GNU parallel cutting
# the input, give one process's output byte for byte. The parallel test reports
# SKIPPED when `parallel` is not installed.
foreach(mode IN ITEMS line-offset parallel)
  add_test(NAME json/batch-shards-${mode}
           COMMAND ${ADVISOR_JSON_PYTHON} ${ADVISOR_JSON_DIR}/batch_shards.py --advisor $<TARGET_FILE:advisor> ${mode}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(json/batch-shards-${mode} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
