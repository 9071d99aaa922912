citydash_unit_test(test_poller SOURCES integration/test_poller.c
                   LIBS citydash_poller citydash_mockserver LABELS integration)
citydash_unit_test(test_poller_http SOURCES integration/test_poller_http.c
                   LIBS citydash_poller PkgConfig::MHD LABELS integration)
