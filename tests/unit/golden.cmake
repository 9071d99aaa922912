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
# The layout of every page at 80x24, 120x40 and 160x48 checked cell by cell
# (layout_check.h: wide characters whole, boxes closed, the bars on their
# rows, no label cut without an ellipsis), in English and in Chinese, one
# process each.
citydash_unit_test(test_zh_layout SOURCES unit/test_zh_layout.c unit/layout_check.c unit/page_set.c
                   unit/test_lang.c unit/screen_text.c unit/vscreen.c
                   LIBS citydash_city_fixture LABELS unit NO_VALGRIND)
add_test(NAME test_zh_layout_zh_CN COMMAND test_zh_layout zh_CN)
set_tests_properties(test_zh_layout_zh_CN PROPERTIES TIMEOUT 120 LABELS unit
                     ENVIRONMENT "${CITYDASH_TEST_ENV}")
citydash_unit_test(test_layout_check SOURCES unit/test_layout_check.c unit/layout_check.c unit/vscreen.c
                   LIBS citydash_pages LABELS unit)
