# The operators' journal (alarms/journal.c, journal_line.c): one process, and
# several at once (forked writers, one killed with SIGKILL).
citydash_unit_test(test_journal
  SOURCES unit/test_journal.c unit/journal_fixture.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_journal_procs
  SOURCES unit/test_journal_procs.c unit/journal_fixture.c LIBS citydash_alarms LABELS unit)
