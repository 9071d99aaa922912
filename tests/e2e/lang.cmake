# The language of both programs' own words (tests/e2e/test_lang.sh): --help,
# errors and --check-config in English and in Chinese, by locale and --lang.
add_test(NAME e2e_lang COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_lang.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_lang PROPERTIES TIMEOUT 120 LABELS "e2e;i18n"
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
