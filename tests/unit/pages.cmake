citydash_unit_test(test_view SOURCES unit/test_view.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_frame SOURCES unit/test_frame.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_session_derive SOURCES unit/test_session_derive.c LIBS citydash_pages LABELS unit)
