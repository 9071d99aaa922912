# The closed loop on screen: the stage bar widget, the events board and one event.
citydash_unit_test(test_stage_bar SOURCES unit/test_stage_bar.c unit/vscreen.c LIBS citydash_ui LABELS unit widgets)
