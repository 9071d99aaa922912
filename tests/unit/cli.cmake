# The command line's strict number parsing, shared by citydash and citydash-mock.
citydash_unit_test(test_argnum SOURCES unit/test_argnum.c LIBS citydash_core LABELS unit)
