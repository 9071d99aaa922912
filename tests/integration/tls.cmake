# HTTPS and credentials against real components: citydash-mock behind
# Debian's nginx (an HTTPS reverse proxy on loopback) with a test CA made by
# openssl at test time; citydash --dump (tls_test.sh) and the live screen in
# tmux (tls_e2e_test.sh). Each skips (77) without nginx or openssl
# (scripts/setup installs nginx-light and openssl).
find_program(TMUX_PROGRAM tmux)
if(CURL_PROGRAM AND TIMEOUT_PROGRAM)
  add_test(NAME tls
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/tls_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
  set_tests_properties(tls PROPERTIES TIMEOUT 240 LABELS "integration;tls"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
if(CURL_PROGRAM AND TIMEOUT_PROGRAM AND TMUX_PROGRAM)
  add_test(NAME tls_e2e
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/integration/tls_e2e_test.sh
            $<TARGET_FILE:citydash> $<TARGET_FILE:citydash-mock>)
  set_tests_properties(tls_e2e PROPERTIES TIMEOUT 240 LABELS "e2e;tls"
                       SKIP_RETURN_CODE 77 ENVIRONMENT "${CITYDASH_TEST_ENV}")
endif()
