# Unit tests of the prometheus adapter (feeds/adapter_prometheus*.c) on
# fixtures in the shapes of the Prometheus HTTP API (tests/data/prometheus).
citydash_unit_test(test_adapter_prometheus_opts
  SOURCES unit/test_adapter_prometheus_opts.c unit/fixture.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_adapter_prometheus
  SOURCES unit/test_adapter_prometheus.c unit/fixture.c LIBS citydash_core LABELS unit)
# The bad-input rules: cut answers, mutations, long strings, deep nesting.
citydash_unit_test(test_adapter_prometheus_bad
  SOURCES unit/test_adapter_prometheus_bad.c unit/fixture.c LIBS citydash_core LABELS unit)
