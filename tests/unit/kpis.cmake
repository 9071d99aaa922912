# The KPI board: bullet graph widget, KPI board and KPI detail pages.
citydash_unit_test(test_bullet SOURCES unit/test_bullet.c unit/vscreen.c LIBS citydash_ui LABELS unit widgets)
citydash_unit_test(test_page_kpis SOURCES unit/test_page_kpis.c unit/screen_text.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
# A KPI's page in Chinese: the labels' column from the translated labels.
citydash_unit_test(test_kpis_zh SOURCES unit/test_kpis_zh.c unit/lang_frame.c unit/test_lang.c unit/vscreen.c LIBS citydash_city_fixture LABELS unit)
