# Issue 13: storms end to end — resize storms on every page, signals at
# seeded random moments, Alertmanager going away, hanging and coming back.
add_test(NAME e2e_storms COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_storms.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_storms PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
