# Golden screens of every page in every theme, at 80x24 and 160x48, text and
# colours (test_golden_pages.c; tests/golden/README.md says how to
# regenerate them). About 10 s here; under valgrind the three city fixtures
# alone take minutes, so it runs in the sanitizer build instead.
set(citydash_golden_pages_sources unit/test_golden_pages.c unit/page_set.c unit/golden_dir.c
    unit/golden_zh.c unit/test_lang.c unit/screen_text.c unit/vscreen.c)
citydash_unit_test(test_golden_pages SOURCES ${citydash_golden_pages_sources}
                   LIBS citydash_city_fixture LABELS "unit;golden" NO_VALGRIND)
# The same pages in Chinese (tests/golden/pages/zh_CN/), in a process of
# their own so that no gettext cache is shared with the English run; fails
# when the zh_CN catalogue or locale is missing.
add_test(NAME test_golden_pages_zh_CN COMMAND test_golden_pages zh_CN)
set_tests_properties(test_golden_pages_zh_CN PROPERTIES TIMEOUT 120 LABELS "unit;golden"
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
