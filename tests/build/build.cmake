# How citydash builds for others: -Werror only on request.
add_test(NAME build_werror_opt_in
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/build/test_werror_opt_in.sh ${PROJECT_SOURCE_DIR}
                 ${CMAKE_C_COMPILER})
set_tests_properties(build_werror_opt_in PROPERTIES TIMEOUT 120 LABELS build)
