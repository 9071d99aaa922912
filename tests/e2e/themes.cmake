# Themes by name, path and configuration, their errors, and their look on a
# terminal (tests/e2e/test_themes.sh).
add_test(NAME e2e_themes COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_themes.sh
         $<TARGET_FILE:citydash>)
set_tests_properties(e2e_themes PROPERTIES TIMEOUT 120 LABELS e2e
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
