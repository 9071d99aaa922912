find_program(TMUX_EXECUTABLE tmux REQUIRED)
add_test(NAME e2e_tui COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_tui.sh $<TARGET_FILE:citydash>)
set_tests_properties(e2e_tui PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_find COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_find.sh $<TARGET_FILE:citydash>)
set_tests_properties(e2e_find PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_feeds COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_feeds.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_feeds PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_connections COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_connections.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_connections PROPERTIES TIMEOUT 120 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_cli COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_cli.sh $<TARGET_FILE:citydash>)
set_tests_properties(e2e_cli PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_lies COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_lies.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> ${CMAKE_CURRENT_SOURCE_DIR}/data/lies)
set_tests_properties(e2e_lies PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_shown COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_shown.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> ${CMAKE_CURRENT_SOURCE_DIR}/data/shown)
set_tests_properties(e2e_shown PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# The whole program — mock thread, poller, ingest, alarms, pages — under valgrind.
if(VALGRIND_EXECUTABLE AND NOT CITYDASH_SANITIZE)
  add_test(NAME valgrind_citydash_dump
           COMMAND ${VALGRIND_EXECUTABLE} --quiet --error-exitcode=99 --leak-check=full
                   --errors-for-leak-kinds=definite $<TARGET_FILE:citydash> --demo --dump --size 120x40)
  set_tests_properties(valgrind_citydash_dump PROPERTIES TIMEOUT 300 LABELS valgrind)
endif()
add_test(NAME e2e_never_all_clear COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_never_all_clear.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_never_all_clear PROPERTIES TIMEOUT 120 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_args COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_args.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_args PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_executable(oom_probe e2e/oom_probe.c)
target_link_libraries(oom_probe PRIVATE citydash_pages)
add_test(NAME e2e_process COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_process.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:oom_probe>)
set_tests_properties(e2e_process PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_retry COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_retry.sh $<TARGET_FILE:citydash>)
set_tests_properties(e2e_retry PROPERTIES TIMEOUT 120 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_log COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_log.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_log PROPERTIES TIMEOUT 120 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_drill COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_drill.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_drill PROPERTIES TIMEOUT 300 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_alarm_ack COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_alarm_ack.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_alarm_ack PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# NO_COLOR and --no-color: no colour escape reaches the terminal on any page,
# nor from a feed whose names carry some.
add_test(NAME e2e_no_color COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_no_color.sh $<TARGET_FILE:citydash>
         $<TARGET_FILE:citydash-mock> ${CMAKE_CURRENT_SOURCE_DIR}/data/no_color)
set_tests_properties(e2e_no_color PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_kiosk COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_kiosk.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_kiosk PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# In Chinese: every page by its key under LANG=zh_CN.UTF-8 at 80x24 (the
# titles as the build tree's catalogue translates them, nothing wider than
# the terminal, no U+FFFD or ??); --lang zh_CN under LANG=C, --lang en under
# zh_CN.UTF-8.
add_test(NAME e2e_zh COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_zh.sh $<TARGET_FILE:citydash>
         ${CITYDASH_LOCALE_BUILD_DIR})
set_tests_properties(e2e_zh PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
