# Unit tests for the alarm engine's inputs and figures: the "alarms" tuning
# (feeds/alarm_cfg.c, with config.c's hook), the operators' decisions
# (alarms/alarm_ops.c, am_match.c), the EEMUA figures (alarm_kpi.c) and the
# transition log (alarm_log.c).
citydash_unit_test(test_alarm_cfg SOURCES unit/test_alarm_cfg.c LIBS citydash_core LABELS unit)
citydash_unit_test(test_alarm_ops SOURCES unit/test_alarm_ops.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_alarm_kpi SOURCES unit/test_alarm_kpi.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_alarm_log SOURCES unit/test_alarm_log.c LIBS citydash_alarms LABELS unit)
