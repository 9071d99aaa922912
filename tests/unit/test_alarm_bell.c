/* The bell's rule: a new high-priority alarm rings, at most once per
 * min_ms (the ones in between ring once it is over), never for what stood
 * at start, never while the bell is off. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alarm_bell.h"

#define MIN 5000

static void test_bell(void **state)
{
	(void)state;
	alarm_bell_t b = {0};
	assert_false(alarm_bell_due(&b, 7, true, MIN, 1000)); /* standing at start */
	assert_false(alarm_bell_due(&b, 7, true, MIN, 2000));
	assert_true(alarm_bell_due(&b, 8, true, MIN, 3000)); /* a new one */
	assert_false(alarm_bell_due(&b, 8, true, MIN, 3100));
	assert_false(alarm_bell_due(&b, 9, true, MIN, 4000)); /* too soon ... */
	assert_false(alarm_bell_due(&b, 10, true, MIN, 7999));
	assert_true(alarm_bell_due(&b, 10, true, MIN, 8000)); /* ... rung once it is over */
	assert_false(alarm_bell_due(&b, 10, true, MIN, 20000));
	assert_false(alarm_bell_due(&b, 11, false, MIN, 30000)); /* off: let go */
	assert_false(alarm_bell_due(&b, 11, true, MIN, 31000));
	assert_true(alarm_bell_due(&b, 12, true, MIN, 32000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bell),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
