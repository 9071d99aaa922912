# Issue 13: the short soak that scripts/test runs in every build: the body of
# scripts/soak (tests/soak/soak.sh) against this build's binaries for 80 s,
# so under ASan+UBSan (and LeakSanitizer at exit) in the sanitizer build.
# In the valgrind build (`build`) soak_short_valgrind runs the same with
# citydash under valgrind (errors and definite leaks fail it). Each takes
# about 1.5 min of wall time, about one core while it runs.
add_test(NAME soak_short COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/soak/soak.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> 80)
set_tests_properties(soak_short PROPERTIES TIMEOUT 420 LABELS soak
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
if(VALGRIND_EXECUTABLE AND NOT CITYDASH_SANITIZE)
  add_test(NAME soak_short_valgrind
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/soak/soak.sh --valgrind
                   $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock> 80)
  set_tests_properties(soak_short_valgrind PROPERTIES TIMEOUT 900 LABELS "soak;valgrind")
endif()
