# Widgets and themes drawn on a virtual screen, compared with tests/golden/.
citydash_unit_test(test_widgets
  SOURCES unit/test_widgets.c unit/vscreen.c
  LIBS citydash_ui
  LABELS unit widgets)
# The chart widget (a reading's and a KPI's history) and its scale.
citydash_unit_test(test_chart
  SOURCES unit/test_chart.c unit/vscreen.c
  LIBS citydash_ui
  LABELS unit widgets)
# Large digits for the wall: sizes, fitting, the fallback, golden figures.
citydash_unit_test(test_bigdigits
  SOURCES unit/test_bigdigits.c unit/vscreen.c
  LIBS citydash_ui
  LABELS unit widgets)
