/* Unit tests for alarms/alarm_log.c: newest-first access, the ring's wrap,
 * the total, copies, strings ended on a character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "alarm_log.h"
#include "text.h"

static alarm_log_entry_t entry(int i)
{
	alarm_log_entry_t e;
	memset(&e, 0, sizeof e);
	e.at_ms = 1000 + i;
	snprintf(e.alarm, sizeof e.alarm, "r.%d", i);
	e.from = ISA_NORM;
	e.to = ISA_UNACK;
	return e;
}

static void test_ring(void **state)
{
	(void)state;
	alarm_log_t *l = alarm_log_create();
	assert_int_equal(alarm_log_count(l), 0);
	assert_int_equal(alarm_log_total(l), 0);
	assert_null(alarm_log_newest(l, 0));
	for (int i = 0; i < 3; i++) {
		alarm_log_entry_t e = entry(i);
		alarm_log_add(l, &e);
	}
	assert_int_equal(alarm_log_count(l), 3);
	assert_string_equal(alarm_log_newest(l, 0)->alarm, "r.2");
	assert_string_equal(alarm_log_newest(l, 2)->alarm, "r.0");
	assert_null(alarm_log_newest(l, 3));
	/* Past its size: the oldest go first, the total goes on. */
	for (int i = 3; i < ALARM_LOG_MAX + 10; i++) {
		alarm_log_entry_t e = entry(i);
		alarm_log_add(l, &e);
	}
	assert_int_equal(alarm_log_count(l), ALARM_LOG_MAX);
	assert_int_equal(alarm_log_total(l), ALARM_LOG_MAX + 10);
	const alarm_log_entry_t *n = alarm_log_newest(l, 0);
	assert_int_equal(n->at_ms, 1000 + ALARM_LOG_MAX + 9);
	assert_int_equal(n->from, ISA_NORM);
	assert_int_equal(n->to, ISA_UNACK);
	assert_int_equal(alarm_log_newest(l, ALARM_LOG_MAX - 1)->at_ms, 1000 + 10);
	assert_null(alarm_log_newest(l, ALARM_LOG_MAX));
	/* Newest first, without a gap, all the way. */
	for (size_t i = 0; i < ALARM_LOG_MAX; i++)
		assert_int_equal(alarm_log_newest(l, i)->at_ms, 1000 + ALARM_LOG_MAX + 9 - (int)i);
	alarm_log_t *copy = alarm_log_create();
	alarm_log_copy(copy, l);
	alarm_log_destroy(l);
	assert_int_equal(alarm_log_total(copy), ALARM_LOG_MAX + 10);
	assert_string_equal(alarm_log_newest(copy, 1)->alarm, "r.1032");
	alarm_log_destroy(copy);
}

static void test_strings_ended(void **state)
{
	(void)state;
	alarm_log_t *l = alarm_log_create();
	alarm_log_entry_t e = entry(0);
	/* Filled to the last byte with 3-byte characters (and a cut one). */
	for (size_t i = 0; i + 3 <= sizeof e.reason; i += 3)
		memcpy(e.reason + i, "\xe6\x9d\x8e", 3);
	memcpy(e.reason + sizeof e.reason - 3, "\xe6\x9d\x8e", 3);
	memset(e.by, 'b', sizeof e.by);
	alarm_log_add(l, &e);
	const alarm_log_entry_t *n = alarm_log_newest(l, 0);
	assert_int_equal(strlen(n->by), sizeof e.by - 1);
	assert_true(strlen(n->reason) < sizeof e.reason);
	assert_int_equal(strlen(n->reason) % 3, 0);
	assert_true(text_is_clean(n->reason));
	assert_string_equal(n->alarm, "r.0");
	alarm_log_destroy(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ring),
	    cmocka_unit_test(test_strings_ended),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
