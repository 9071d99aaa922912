# The closed loop on screen: the stage bar widget, the events board and one event.
citydash_unit_test(test_stage_bar SOURCES unit/test_stage_bar.c unit/vscreen.c LIBS citydash_ui LABELS unit widgets)
citydash_unit_test(test_page_events SOURCES unit/test_page_events.c unit/event_rig.c unit/screen_text.c unit/vscreen.c LIBS citydash_pages LABELS unit)
citydash_unit_test(test_events_golden SOURCES unit/test_events_golden.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
# The same in Chinese, from the build's zh_CN catalogue.
citydash_unit_test(test_events_lang SOURCES unit/test_events_lang.c unit/event_rig.c unit/lang_frame.c unit/test_lang.c unit/vscreen.c LIBS citydash_pages LABELS unit i18n)
