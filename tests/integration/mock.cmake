# The mock city: model (no clock), serializer, HTTP server on loopback, CLI.
citydash_unit_test(test_mock_city
  SOURCES integration/test_mock_city.c
  LIBS citydash_mockserver citydash_core m
  LABELS unit mock)
citydash_unit_test(test_mock_json
  SOURCES integration/test_mock_json.c
  LIBS citydash_mockserver citydash_core PkgConfig::CJSON m
  LABELS unit mock)
citydash_unit_test(test_mock_server
  SOURCES integration/test_mock_server.c
  LIBS citydash_mockserver citydash_core PkgConfig::CURL PkgConfig::CJSON Threads::Threads
  LABELS integration mock)

# The real citydash-mock binary: start on port 0, fetch /healthz, SIGTERM.
find_program(CURL_PROGRAM curl)
find_program(TIMEOUT_PROGRAM timeout)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME mock_cli
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_cli_test.sh $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_cli PROPERTIES TIMEOUT 60 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
  add_test(NAME mock_http
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_http_test.sh $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_http PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}")
  add_test(NAME mock_scale_cli
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_scale_cli_test.sh $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_scale_cli PROPERTIES TIMEOUT 60 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
citydash_unit_test(test_mock_metrics
  SOURCES integration/test_mock_metrics.c
  LIBS citydash_mockserver citydash_core m
  LABELS unit mock)
citydash_unit_test(test_mock_scale
  SOURCES integration/test_mock_scale.c
  LIBS citydash_mockserver citydash_core PkgConfig::CJSON m
  LABELS unit mock)
# citydash-mock --fault: parsing and the per-request decision.
citydash_unit_test(test_mock_fault
  SOURCES integration/test_mock_fault.c
  LIBS citydash_mockserver citydash_core
  LABELS unit mock)
# citydash-mock --fault: every kind as curl and citydash see it.
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME mock_fault
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_fault_test.sh
            $<TARGET_FILE:citydash-mock> $<TARGET_FILE:citydash>)
  set_tests_properties(mock_fault PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
# The incidents: catalogue, the city scale's stream, the document through citydash's parser.
citydash_unit_test(test_mock_events
  SOURCES integration/test_mock_events.c
  LIBS citydash_mockserver citydash_core m
  LABELS unit mock)
# The city over time: simulated clock, --speed, day curves, noise, drift, faults.
citydash_unit_test(test_mock_time
  SOURCES integration/test_mock_time.c
  LIBS citydash_mockserver citydash_core m
  LABELS unit mock)
# Scenarios: each one's course, start semantics, determinism, loopback check.
citydash_unit_test(test_mock_scenario
  SOURCES integration/test_mock_scenario.c
  LIBS citydash_mockserver citydash_core m
  LABELS unit mock)
# Scenarios over HTTP on the real binary, and --speed / --scenario values.
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME mock_scenario
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_scenario_test.sh $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_scenario PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
# Report by exception on the real citydash-mock: cursor, deltas, removed,
# cursors that get the whole document, --no-since.
find_program(JQ_PROGRAM jq)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM AND JQ_PROGRAM)
  add_test(NAME mock_since
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_since_test.sh $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_since PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
# Report by exception: the mock's image (deadband rule, cursors, tombstones)
# and its whole and delta documents, without HTTP.
citydash_unit_test(test_mock_rbe
  SOURCES integration/test_mock_rbe.c
  LIBS citydash_mockserver citydash_core PkgConfig::CJSON m
  LABELS unit mock)
