# Issue 13: storms end to end — resize storms on every page, signals at
# seeded random moments, Alertmanager going away, hanging and coming back.
add_test(NAME e2e_storms COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_storms.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_storms PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# Raises a signal in the first curs_set(), as the terminal is taken (LD_PRELOAD).
add_library(signal_shim MODULE e2e/signal_shim.c)
target_link_libraries(signal_shim PRIVATE ${CMAKE_DL_LIBS})
# Seeded: the same moments on every run (test_signals.sh SEED ROUNDS to try others).
add_test(NAME e2e_signals COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_signals.sh
         $<TARGET_FILE:citydash> 2613 20 $<TARGET_FILE:signal_shim>)
set_tests_properties(e2e_signals PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# A real Alertmanager (Debian's prometheus-alertmanager) stopped, started
# again on its port, and hung (SIGSTOP) under citydash in tmux; skipped (77)
# when it is not installed, as the other Alertmanager tests are.
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME e2e_alertmanager_gone
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/alertmanager_gone_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> $<TARGET_FILE:webhook_sink>)
  set_tests_properties(e2e_alertmanager_gone PROPERTIES TIMEOUT 240 LABELS "e2e;alarms"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}" RUN_SERIAL TRUE)
endif()
