find_program(TMUX_EXECUTABLE tmux REQUIRED)
add_test(NAME e2e_tui COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_tui.sh $<TARGET_FILE:citydash>)
set_tests_properties(e2e_tui PROPERTIES TIMEOUT 240 LABELS e2e)
