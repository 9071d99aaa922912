# Issue 5, item 10: peak RSS against a hostile feed stays under the bound the
# README states. Not in the sanitizer build: ASan's shadow memory and
# quarantine make RSS say nothing about citydash's own.
add_executable(hostile_feed tools/hostile_feed.c)
target_link_libraries(hostile_feed PRIVATE PkgConfig::MHD Threads::Threads)
if(NOT CITYDASH_SANITIZE)
  add_test(NAME e2e_memory COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_memory.sh
           $<TARGET_FILE:citydash> $<TARGET_FILE:hostile_feed>)
  set_tests_properties(e2e_memory PROPERTIES TIMEOUT 120 LABELS e2e
                       ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
