# Unit tests for base/text, base/timefmt and feeds/model.
citydash_unit_test(test_text SOURCES unit/test_text.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_timefmt SOURCES unit/test_timefmt.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_model SOURCES unit/test_model.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_text_ascii SOURCES unit/test_text_ascii.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_url_redact SOURCES unit/test_url_redact.c LIBS citydash_core LABELS unit)
