# How citydash builds for others: -Werror only on request.
add_test(NAME build_werror_opt_in
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/build/test_werror_opt_in.sh ${PROJECT_SOURCE_DIR}
                 ${CMAKE_C_COMPILER})
set_tests_properties(build_werror_opt_in PROPERTIES TIMEOUT 120 LABELS build)
# The house's layering: base/, widgets/, themes/ and mock/ include only what
# they may (check_layering.sh), and the check catches each rule broken.
add_test(NAME build_layering
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/build/test_layering.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(build_layering PROPERTIES TIMEOUT 120 LABELS build)
# The translations: every user-facing string of the sources is in every
# catalogue of po/LINGUAS, translated, with the same printf directives.
add_test(NAME build_catalog_complete
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/build/check_catalog.sh ${PROJECT_SOURCE_DIR}
                 ${PROJECT_BINARY_DIR}/po/POTFILES)
set_tests_properties(build_catalog_complete PROPERTIES TIMEOUT 120 LABELS build)
# scripts/bench's table of the benches' summary lines (no bench is run: the
# benches are figures, never timed tests).
add_test(NAME build_bench_table
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/build/test_bench_table.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(build_bench_table PROPERTIES TIMEOUT 60 LABELS build)
