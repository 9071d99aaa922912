# citydash-mock served for real on 127.0.0.1: 1,000 connections held at
# once; /metrics counting what --fault injects; no leak under valgrind.
add_executable(mock_conns_client integration/mock_conns_client.c)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME mock_conns
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_conns_test.sh
            $<TARGET_FILE:citydash-mock> $<TARGET_FILE:mock_conns_client>)
  set_tests_properties(mock_conns PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME mock_fault_metrics
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_fault_metrics_test.sh
            $<TARGET_FILE:citydash-mock>)
  set_tests_properties(mock_fault_metrics PROPERTIES TIMEOUT 120 LABELS "integration;mock"
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
if(CURL_PROGRAM AND TIMEOUT_PROGRAM AND VALGRIND_EXECUTABLE AND NOT CITYDASH_SANITIZE)
  add_test(NAME mock_valgrind_load
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/mock_valgrind_load_test.sh
            $<TARGET_FILE:citydash-mock> ${VALGRIND_EXECUTABLE})
  set_tests_properties(mock_valgrind_load PROPERTIES TIMEOUT 400
                       LABELS "integration;mock;valgrind")
endif()
