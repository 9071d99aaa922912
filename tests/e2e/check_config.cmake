# --check-config, the configuration file's lookup and its secrets kept out
# of every output (tests/e2e/test_check_config.sh).
add_test(NAME e2e_check_config COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_check_config.sh
         $<TARGET_FILE:citydash>)
set_tests_properties(e2e_check_config PROPERTIES TIMEOUT 120 LABELS e2e
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
