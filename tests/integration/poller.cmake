citydash_unit_test(test_poller SOURCES integration/test_poller.c
                   LIBS citydash_poller citydash_mockserver LABELS integration)
