# Issue 13: faults end to end (owned by the faults part; filled in by its branch).
# fault_feed: a feed whose faults a test switches at run time (gzip: zlib).
pkg_check_modules(FAULT_FEED_ZLIB REQUIRED IMPORTED_TARGET zlib)
add_executable(fault_feed tools/fault_feed.c tools/fault_feed_big.c)
target_link_libraries(fault_feed PRIVATE PkgConfig::MHD PkgConfig::FAULT_FEED_ZLIB Threads::Threads)
# The memory bound is not checked in the sanitizer build ("nomemory"):
# ASan's shadow memory and quarantine make RSS say nothing about citydash's
# own (as for e2e_memory; 157 MiB measured there for e2e_faults_huge, whose
# bound is 176 MiB, against 57 MiB in the plain build).
if(CITYDASH_SANITIZE)
  set(CITYDASH_FAULTS_MEMORY nomemory)
else()
  set(CITYDASH_FAULTS_MEMORY memory)
endif()
add_test(NAME e2e_faults COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_faults.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:fault_feed> ${CITYDASH_FAULTS_MEMORY})
set_tests_properties(e2e_faults PROPERTIES TIMEOUT 240 LABELS e2e ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_faults_input COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_faults_input.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:fault_feed> ${CITYDASH_FAULTS_MEMORY})
set_tests_properties(e2e_faults_input PROPERTIES TIMEOUT 240 LABELS e2e
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
add_test(NAME e2e_faults_huge COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/test_faults_huge.sh
         $<TARGET_FILE:citydash> $<TARGET_FILE:fault_feed> ${CITYDASH_FAULTS_MEMORY})
set_tests_properties(e2e_faults_huge PROPERTIES TIMEOUT 240 LABELS e2e
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
