# citydash through a real Prometheus (Debian's prometheus, installed by
# scripts/setup) scraping citydash-mock --scale city: the readings, a known
# reading's name and limit, and a bad query's error as the source's reason,
# with examples/prometheus.json as written (but the port).
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  # Skips (77) when no prometheus is installed.
  add_test(NAME prometheus
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/prometheus_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>
            ${PROJECT_SOURCE_DIR}/examples/prometheus.json)
  set_tests_properties(prometheus PROPERTIES TIMEOUT 300 LABELS "integration;prometheus"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}"
                       RUN_SERIAL TRUE)
endif()
