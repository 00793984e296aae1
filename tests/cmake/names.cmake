# Names and words (issue 16): every command's --help in Chinese under --lang zh.
add_test(NAME names/help-zh
         COMMAND ${ADVISOR_PYTHON} ${CMAKE_SOURCE_DIR}/tests/names/help_zh.py --advisor $<TARGET_FILE:advisor>
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
