# Issue 13: storms end to end — resize storms on every page, signals at
# seeded random moments, Alertmanager going away, hanging and coming back.
add_test(NAME e2e_storms COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_storms.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
set_tests_properties(e2e_storms PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
# Seeded: the same moments on every run (test_signals.sh SEED ROUNDS to try others).
add_test(NAME e2e_signals COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_signals.sh
         $<TARGET_FILE:citydash>)
set_tests_properties(e2e_signals PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
