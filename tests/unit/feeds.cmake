# Unit tests for feeds/keyindex, feeds/store (and its history ring), feeds/protocol_v1, feeds/ingest, feeds/config and feeds/json_arena.
citydash_unit_test(test_store SOURCES unit/test_store.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_store_age SOURCES unit/test_store_age.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_store_limits SOURCES unit/test_store_limits.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_history_ring SOURCES unit/test_history_ring.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_store_history SOURCES unit/test_store_history.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_store_gov SOURCES unit/test_store_gov.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_keyindex SOURCES unit/test_keyindex.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_protocol SOURCES unit/test_protocol.c unit/fixture.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_ingest SOURCES unit/test_ingest.c unit/fixture.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_config SOURCES unit/test_config.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_ingest_batch SOURCES unit/test_ingest_batch.c unit/fixture.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_kpi_place SOURCES unit/test_kpi_place.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_json_arena SOURCES unit/test_json_arena.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_governance_fields SOURCES unit/test_governance_fields.c LIBS citydash_core LABELS unit)
# Report by exception: cursor/delta/removed, deltas in the store, vouched age, the since URL.
citydash_unit_test(test_delta SOURCES unit/test_delta.c LIBS citydash_poller LABELS unit)
# Composite indices (feeds/kpi_index.c, docs/indices.md).
citydash_unit_test(test_kpi_index SOURCES unit/test_kpi_index.c LIBS citydash_core LABELS unit)
