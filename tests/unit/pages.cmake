citydash_unit_test(test_view SOURCES unit/test_view.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_view_churn SOURCES unit/test_view_churn.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_frame SOURCES unit/test_frame.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_screen_truth SOURCES unit/test_screen_truth.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_overview_grid SOURCES unit/test_overview_grid.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_statusbar SOURCES unit/test_statusbar.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_nav SOURCES unit/test_nav.c unit/vscreen.c LIBS citydash_pages LABELS unit)
# Finding things fast: the filter's matching and prompt; filter, n/N, jumps,
# key bar, mouse and status fields on the pages.
citydash_unit_test(test_filter SOURCES unit/test_filter.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_find SOURCES unit/test_find.c unit/find_rig.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_mouse SOURCES unit/test_mouse.c unit/find_rig.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_session_derive SOURCES unit/test_session_derive.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_name_fit SOURCES unit/test_name_fit.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_reading_cols SOURCES unit/test_reading_cols.c LIBS citydash_pages LABELS unit)
# What each reading needs of those columns, kept between frames; the store's label stamp.
citydash_unit_test(test_reading_need SOURCES unit/test_reading_need.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_gov_view SOURCES unit/test_gov_view.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_gov_view_city SOURCES unit/test_gov_view_city.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_page_tiers SOURCES unit/test_page_tiers.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_page_reading SOURCES unit/test_page_reading.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_page_domain SOURCES unit/test_page_domain.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_overview SOURCES unit/test_overview.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
# The session follows the scope at once; the gov view on the session wall clock.
citydash_unit_test(test_session_scope SOURCES unit/test_session_scope.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_page_names SOURCES unit/test_page_names.c LIBS citydash_city_fixture LABELS unit)
# Alarm management in a run: actions through the journal, replay, the options.
citydash_unit_test(test_session_alarms SOURCES unit/test_session_alarms.c ${CMAKE_SOURCE_DIR}/tui/options.c ${CMAKE_SOURCE_DIR}/tui/check_config.c
                   LIBS citydash_pages LABELS unit)
# Alarm management's pages: the alarms page and its keys, the shelve form and
# the ack-all confirmation, the alarm history.
citydash_unit_test(test_page_alarms SOURCES unit/test_page_alarms.c unit/alarm_rig.c unit/alarm_scene.c unit/screen_text.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_form SOURCES unit/test_form.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_alarm_log_page SOURCES unit/test_alarm_log_page.c unit/alarm_rig.c unit/screen_text.c unit/vscreen.c LIBS citydash_pages LABELS unit)
# The alarms pages in Chinese: columns from the translated words.
citydash_unit_test(test_alarms_zh SOURCES unit/test_alarms_zh.c unit/alarm_rig.c unit/alarm_scene.c unit/lang_frame.c unit/test_lang.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_alarm_bell SOURCES unit/test_alarm_bell.c LIBS citydash_pages LABELS unit)
# The wall (--kiosk): rotation and banner with injected times; the banner in the frame.
citydash_unit_test(test_kiosk SOURCES unit/test_kiosk.c unit/alarm_rig.c unit/screen_text.c unit/vscreen.c LIBS citydash_pages LABELS unit)
# The wall page's golden screens (80x24, 160x48, ASCII, under the banner).
citydash_unit_test(test_page_wall SOURCES unit/test_page_wall.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
citydash_unit_test(test_frame_zh SOURCES unit/test_frame_zh.c unit/lang_frame.c unit/test_lang.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
