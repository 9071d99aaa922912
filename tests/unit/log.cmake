# --log: the log sink (feeds/log) and what the session logs (tui/session_log).
citydash_unit_test(test_log SOURCES unit/test_log.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_session_log SOURCES unit/test_session_log.c LIBS citydash_pages LABELS unit)
