citydash_unit_test(test_view SOURCES unit/test_view.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_frame SOURCES unit/test_frame.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_screen_truth SOURCES unit/test_screen_truth.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_statusbar SOURCES unit/test_statusbar.c unit/vscreen.c LIBS citydash_pages LABELS unit)
