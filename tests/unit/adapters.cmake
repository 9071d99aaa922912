# Unit tests for the adapters' shared parts and the json adapter: RFC 6901
# pointers, the json adapter's mapping and settings, and the bad-input rules
# every adapter of the table is run through (test_adapter_rules).
set(ADAPTER_SINK unit/adapter_sink.c unit/fixture.c)
citydash_unit_test(test_json_pointer SOURCES unit/test_json_pointer.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_adapter_json SOURCES unit/test_adapter_json.c ${ADAPTER_SINK}
                   LIBS citydash_core LABELS unit)
citydash_unit_test(test_adapter_json_opts SOURCES unit/test_adapter_json_opts.c ${ADAPTER_SINK}
                   LIBS citydash_core LABELS unit)
citydash_unit_test(test_adapter_rules
                   SOURCES unit/test_adapter_rules.c unit/rules_mutate.c ${ADAPTER_SINK}
                   LIBS citydash_core LABELS unit)
