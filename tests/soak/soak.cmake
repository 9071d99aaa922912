# Issue 13: the short soak that scripts/test runs in every build: the body of
# scripts/soak (tests/soak/soak.sh) against this build's binaries for 80 s,
# so under ASan+UBSan in the sanitizer build. In the valgrind build (`build`)
# a second one runs citydash under valgrind, labelled valgrind.
add_test(NAME soak_short COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/soak/soak.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> 80)
set_tests_properties(soak_short PROPERTIES TIMEOUT 420 LABELS soak
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
