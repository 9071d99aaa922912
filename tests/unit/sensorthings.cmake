# The sensorthings adapter (feeds/adapter_sensorthings.c, feeds/sta_*.c):
# parse and error reasons on fixtures, options and the requests of an attempt.
citydash_unit_test(test_adapter_sensorthings
  SOURCES unit/test_adapter_sensorthings.c unit/sta_sink.c unit/fixture.c
  LIBS citydash_core LABELS unit)
citydash_unit_test(test_adapter_sensorthings_request
  SOURCES unit/test_adapter_sensorthings_request.c unit/sta_sink.c unit/fixture.c
  LIBS citydash_core LABELS unit)
