# Unit tests for the configuration: json_locate (line and column of a JSON
# Pointer), every error of a source's type, headers, auth, tls and adapter
# options, and the lookup of the configuration file (feeds/config*.c).
citydash_unit_test(test_json_locate SOURCES unit/test_json_locate.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_config_errors SOURCES unit/test_config_errors.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_config_sources SOURCES unit/test_config_sources.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_config_lookup SOURCES unit/test_config_lookup.c LIBS citydash_core LABELS unit)
# The configuration's "display" object: members, errors with their pointers, examples/wall.json.
citydash_unit_test(test_display_cfg SOURCES unit/test_display_cfg.c LIBS citydash_core LABELS unit)
