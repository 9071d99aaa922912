# The link to Prometheus Alertmanager: the JSON bodies (unit), and the client
# against the real Alertmanager (Debian's prometheus-alertmanager) with a
# webhook receiver the test serves.
citydash_unit_test(test_am_json
  SOURCES unit/test_am_json.c unit/fixture.c
  LIBS citydash_alertmanager
  LABELS unit alarms)
add_executable(webhook_sink tools/webhook_sink.c)
target_link_libraries(webhook_sink PRIVATE PkgConfig::MHD)
add_executable(am_driver integration/am_driver.c)
target_link_libraries(am_driver PRIVATE citydash_alertmanager)
find_program(ALERTMANAGER_PROGRAM NAMES prometheus-alertmanager alertmanager)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  # Skips (77) when no Alertmanager is installed (scripts/setup installs it).
  add_test(NAME alertmanager
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/alertmanager_test.sh
            $<TARGET_FILE:am_driver> $<TARGET_FILE:webhook_sink>)
  set_tests_properties(alertmanager PROPERTIES TIMEOUT 240 LABELS "integration;alarms"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}"
                       RUN_SERIAL TRUE)
endif()
# The client's thread against a scripted server: refusals, outages, the queue.
citydash_unit_test(test_am_client
  SOURCES integration/test_am_client.c integration/script_server.c unit/fixture.c
  LIBS citydash_alertmanager PkgConfig::MHD
  LABELS integration alarms)
# The issue's checks with real processes: citydash in tmux and --dump,
# citydash-mock, Alertmanager and the webhook receiver.
find_program(TMUX_PROGRAM tmux)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM AND TMUX_PROGRAM)
  add_test(NAME alertmanager_e2e
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/alertmanager_e2e_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> $<TARGET_FILE:webhook_sink>)
  set_tests_properties(alertmanager_e2e PROPERTIES TIMEOUT 240 LABELS "e2e;alarms"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}"
                       RUN_SERIAL TRUE)
endif()
