# Golden screens of every page in every theme, at 80x24 and 160x48, text and
# colours (test_golden_pages.c; tests/golden/README.md says how to
# regenerate them). About 10 s here; under valgrind the three city fixtures
# alone take minutes, so it runs in the sanitizer build instead.
citydash_unit_test(test_golden_pages SOURCES unit/test_golden_pages.c unit/golden_dir.c unit/screen_text.c unit/vscreen.c
                   LIBS citydash_city_fixture LABELS "unit;golden" NO_VALGRIND)
