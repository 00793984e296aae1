# advisor report (issue 30, docs/report.md). The golden cases report-* pin the pages
# byte for byte; these check what bytes cannot show.
# The page fetches nothing and is well made, for every example profile in both
# languages (and the hostile catalogue): no element references a network resource,
# semantic structure, same bytes on every run, --out FILE the same as --out -.
add_test(NAME report/structure
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/report/check_html.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
# The golden pages of the IT manager (zh and en) in Debian's chromium, headless: no
# console message, the key text in the DOM, a screenshot that is not blank, an A4 PDF.
# SKIPPED (77) where chromium is missing or cannot start; about 10 s where it runs.
add_test(NAME report/browser
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/report/browser.py --advisor $<TARGET_FILE:advisor>
                 ${CMAKE_SOURCE_DIR}/tests/golden/cases/report-it-manager-en
                 ${CMAKE_SOURCE_DIR}/tests/golden/cases/report-it-manager-zh
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(report/browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
