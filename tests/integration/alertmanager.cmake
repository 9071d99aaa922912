# The link to Prometheus Alertmanager: the JSON bodies (unit), and the client
# against the real Alertmanager (Debian's prometheus-alertmanager) with a
# webhook receiver the test serves.
citydash_unit_test(test_am_json
  SOURCES unit/test_am_json.c
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
