# SensorThings API v1.1: the mock's documents read back by citydash's
# sensorthings adapter (no network), and the real binaries end to end.
citydash_unit_test(test_mock_sta
  SOURCES integration/test_mock_sta.c
  LIBS citydash_mockserver PkgConfig::CJSON m
  LABELS unit mock)
