# SensorThings API v1.1: the mock's documents read back by citydash's
# sensorthings adapter (no network), and the real binaries end to end.
citydash_unit_test(test_mock_sta
  SOURCES integration/test_mock_sta.c
  LIBS citydash_mockserver citydash_core PkgConfig::CJSON m
  LABELS unit mock)
# A sensorthings source end to end: citydash-mock --scale city at /sta/v1.1,
# citydash --dump through the adapter (pages, the bound, the server's error).
find_program(CURL_PROGRAM curl)
find_program(JQ_PROGRAM jq)
find_program(TIMEOUT_PROGRAM timeout)
if(CURL_PROGRAM AND JQ_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME sensorthings
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/sensorthings_test.sh
            $<TARGET_FILE:citydash-mock> $<TARGET_FILE:citydash>)
  set_tests_properties(sensorthings PROPERTIES TIMEOUT 300 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
