citydash_unit_test(test_alarm SOURCES unit/test_alarm.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_isa SOURCES unit/test_isa.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_alarm_detect SOURCES unit/test_alarm_detect.c unit/alarm_rig.c LIBS citydash_alarms LABELS unit)
citydash_unit_test(test_alarm_states SOURCES unit/test_alarm_states.c unit/alarm_rig.c LIBS citydash_alarms LABELS unit)
