# Terminal experience (docs/terminal.md): colour rules, table alignment and
# profile init in a real terminal (tmux), piped profile init, shell completions
# loaded in bash/zsh/fish, the man page and the Debian package. A test whose tool
# is missing reports SKIPPED (advisor_skipped_test, tests/CMakeLists.txt).
set(ADVISOR_TERMINAL_TESTS ${CMAKE_SOURCE_DIR}/tests/terminal)
find_program(ADVISOR_TMUX tmux)
find_program(ADVISOR_ZSH zsh)
find_program(ADVISOR_FISH fish)
find_program(ADVISOR_GROFF groff)
find_program(ADVISOR_DPKG_DEB dpkg-deb)

add_test(NAME terminal/profile-init-piped
         COMMAND bash ${ADVISOR_TERMINAL_TESTS}/profile_init_piped_test.sh $<TARGET_FILE:advisor>)
add_test(NAME terminal/completion-bash
         COMMAND bash ${ADVISOR_TERMINAL_TESTS}/completion_bash_test.sh $<TARGET_FILE:advisor> ${CMAKE_SOURCE_DIR})
if(ADVISOR_TMUX)
  add_test(NAME terminal/colour
           COMMAND ${ADVISOR_PYTHON} ${ADVISOR_TERMINAL_TESTS}/colour_test.py $<TARGET_FILE:advisor> ${CMAKE_SOURCE_DIR})
  add_test(NAME terminal/table-alignment-tmux
           COMMAND ${ADVISOR_PYTHON} ${ADVISOR_TERMINAL_TESTS}/table_test.py $<TARGET_FILE:advisor>)
  add_test(NAME terminal/profile-init-tmux
           COMMAND ${ADVISOR_PYTHON} ${ADVISOR_TERMINAL_TESTS}/profile_init_tmux_test.py $<TARGET_FILE:advisor>)
  set_tests_properties(terminal/colour terminal/table-alignment-tmux terminal/profile-init-tmux PROPERTIES TIMEOUT 120)
else()
  advisor_skipped_test(tmux terminal/colour terminal/table-alignment-tmux terminal/profile-init-tmux)
endif()
if(ADVISOR_ZSH)
  add_test(NAME terminal/completion-zsh
           COMMAND ${ADVISOR_ZSH} -f ${ADVISOR_TERMINAL_TESTS}/completion_zsh_test.zsh $<TARGET_FILE:advisor>)
  set_tests_properties(terminal/completion-zsh PROPERTIES TIMEOUT 60)
else()
  advisor_skipped_test(zsh terminal/completion-zsh)
endif()
if(ADVISOR_FISH)
  add_test(NAME terminal/completion-fish
           COMMAND bash ${ADVISOR_TERMINAL_TESTS}/completion_fish_test.sh $<TARGET_FILE:advisor>)
else()
  advisor_skipped_test(fish terminal/completion-fish)
endif()
if(ADVISOR_GROFF)
  add_test(NAME terminal/man-page
           COMMAND bash ${ADVISOR_TERMINAL_TESTS}/man_page_test.sh $<TARGET_FILE:advisor> ${CMAKE_BINARY_DIR}/advisor.1)
else()
  advisor_skipped_test(groff terminal/man-page)
endif()
if(ADVISOR_DPKG_DEB)
  # cpack installs the whole build tree: it must not run while another test rebuilds it.
  add_test(NAME terminal/deb-package COMMAND bash ${ADVISOR_TERMINAL_TESTS}/deb_test.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(terminal/deb-package PROPERTIES TIMEOUT 300 RUN_SERIAL ON)
else()
  advisor_skipped_test(dpkg-deb terminal/deb-package)
endif()
