citydash_unit_test(test_poller SOURCES integration/test_poller.c
                   LIBS citydash_poller citydash_mockserver LABELS integration)
citydash_unit_test(test_poller_http SOURCES integration/test_poller_http.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
citydash_unit_test(test_poller_recovery SOURCES integration/test_poller_recovery.c
                   integration/script_server.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
citydash_unit_test(test_poller_slices SOURCES integration/test_poller_slices.c
                   integration/script_server.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
# A refused curl_multi_add_handle, reached by wrapping it at link time.
citydash_unit_test(test_poller_addfail SOURCES integration/test_poller_addfail.c
                   integration/wrap_add_fail.c LIBS citydash_poller LABELS integration)
target_link_options(test_poller_addfail PRIVATE -Wl,--wrap=curl_multi_add_handle)
# citydash itself, linked with the same wrap, and --dump run as a program.
get_target_property(citydash_sources citydash SOURCES)
list(TRANSFORM citydash_sources PREPEND ${PROJECT_SOURCE_DIR}/tui/)
get_target_property(citydash_libs citydash LINK_LIBRARIES)
add_executable(citydash_add_fail ${citydash_sources} integration/wrap_add_fail.c)
target_link_libraries(citydash_add_fail PRIVATE ${citydash_libs})
target_link_options(citydash_add_fail PRIVATE -Wl,--wrap=curl_multi_add_handle)
citydash_unit_test(test_poller_dump SOURCES integration/test_poller_dump.c
                   integration/script_server.c
                   LIBS citydash_core PkgConfig::MHD LABELS integration)
target_compile_definitions(test_poller_dump PRIVATE
                           CITYDASH_PROGRAM="$<TARGET_FILE:citydash>"
                           CITYDASH_ADD_FAIL="$<TARGET_FILE:citydash_add_fail>")
add_dependencies(test_poller_dump citydash citydash_add_fail)
citydash_unit_test(test_session_large SOURCES integration/test_session_large.c
                   integration/script_server.c
                   LIBS citydash_pages PkgConfig::MHD LABELS integration)
# Report by exception: the poller and store against the real mock with since.
citydash_unit_test(test_poller_since SOURCES integration/test_poller_since.c
                   LIBS citydash_poller citydash_mockserver PkgConfig::CURL PkgConfig::CJSON
                   LABELS integration)
# The session's pace: data evaluated at most every SESSION_EVALUATE_MIN_MS.
citydash_unit_test(test_session_pace SOURCES unit/test_session_pace.c
                   LIBS citydash_pages LABELS unit)
# Attempts of several requests (adapter next_request) with a test adapter.
citydash_unit_test(test_poller_attempt SOURCES integration/test_poller_attempt.c
                   integration/script_server.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
