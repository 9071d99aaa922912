# Themes: colour depth and mapping, the theme file format, where themes are
# found, and the shipped themes (themes/).
citydash_unit_test(test_theme_color SOURCES unit/test_theme_color.c LIBS citydash_ui
                   LABELS unit themes)
citydash_unit_test(test_theme_file SOURCES unit/test_theme_file.c LIBS citydash_ui
                   LABELS unit themes)
citydash_unit_test(test_theme_find SOURCES unit/test_theme_find.c unit/vscreen.c LIBS citydash_ui
                   LABELS unit themes)
