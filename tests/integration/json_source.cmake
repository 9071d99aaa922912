# The json adapter end to end: behind the real poller over HTTP (a scripted
# server), and citydash --dump with sources of type json against
# citydash-mock serving a nested API answer.
citydash_unit_test(test_poller_json SOURCES integration/test_poller_json.c
                   integration/script_server.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
if(TIMEOUT_PROGRAM)
  add_test(NAME json_source
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/json_source_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> ${CMAKE_CURRENT_SOURCE_DIR}/data)
  set_tests_properties(json_source PROPERTIES TIMEOUT 300 LABELS integration
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
