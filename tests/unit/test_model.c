/* Unit tests for feeds/model: protocol tokens and limit ordering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

static void test_domains(void **state)
{
	static const char *const tokens[] = {"water",   "power",  "gas",
	                                     "telecom", "bridge", "tunnel"};
	static const char *const titles[] = {"Water",   "Power",   "Gas",  "Telecom",
	                                     "Bridges", "Tunnels", "Other"};

	for (int d = 0; d < DOMAIN_KNOWN_COUNT; d++) {
		assert_string_equal(domain_token((domain_t)d), tokens[d]);
		assert_int_equal(domain_from_token(tokens[d]), d);
	}
	for (int d = 0; d < DOMAIN_COUNT; d++)
		assert_string_equal(domain_title((domain_t)d), titles[d]);
	assert_string_equal(domain_token(DOMAIN_OTHER), "other");
	assert_int_equal(domain_from_token("other"), DOMAIN_OTHER);
	assert_int_equal(domain_from_token("heating"), DOMAIN_OTHER);
	assert_int_equal(domain_from_token("Water"), DOMAIN_OTHER);
	assert_int_equal(domain_from_token("water "), DOMAIN_OTHER);
	assert_int_equal(domain_from_token(""), DOMAIN_OTHER);
	assert_int_equal(domain_from_token(NULL), DOMAIN_OTHER);
}

static void test_quality(void **state)
{
	static const char *const tokens[] = {"good", "uncertain", "bad"};
	quality_t q;

	for (int i = 0; i < 3; i++) {
		assert_true(quality_from_token(tokens[i], &q));
		assert_int_equal(q, i);
		assert_string_equal(quality_token(q), tokens[i]);
	}
	q = QUALITY_BAD;
	assert_false(quality_from_token("Good", &q));
	assert_false(quality_from_token("", &q));
	assert_false(quality_from_token(NULL, &q));
	assert_int_equal(q, QUALITY_BAD); /* untouched */
}

static void test_event_tokens(void **state)
{
	static const char *const sev[] = {"info", "minor", "major", "critical"};
	static const char *const tier[] = {"city", "district", "street"};
	static const char *const stage[] = {"sensed", "handling", "evaluating", "reviewing",
	                                    "closed"};
	static const char *const dept[] = {"pending", "active", "done"};
	severity_t s;
	tier_t t;
	stage_t st;
	dept_state_t ds;

	for (int i = 0; i < 4; i++) {
		assert_true(severity_from_token(sev[i], &s));
		assert_int_equal(s, i);
		assert_string_equal(severity_token(s), sev[i]);
	}
	for (int i = 0; i < 3; i++) {
		assert_true(tier_from_token(tier[i], &t));
		assert_int_equal(t, i);
		assert_string_equal(tier_token(t), tier[i]);
	}
	for (int i = 0; i < 5; i++) {
		assert_true(stage_from_token(stage[i], &st));
		assert_int_equal(st, i);
		assert_string_equal(stage_token(st), stage[i]);
	}
	for (int i = 0; i < 3; i++) {
		assert_true(dept_state_from_token(dept[i], &ds));
		assert_int_equal(ds, i);
	}
	s = SEVERITY_MAJOR;
	assert_false(severity_from_token("warning", &s));
	assert_int_equal(s, SEVERITY_MAJOR);
	assert_false(tier_from_token("province", &t));
	assert_false(stage_from_token("open", &st));
	assert_false(stage_from_token(NULL, &st));
	assert_false(dept_state_from_token("DONE", &ds));
}

static limits_t lim(unsigned mask, double lolo, double lo, double hi, double hihi)
{
	limits_t l = {.mask = mask, .lolo = lolo, .lo = lo, .hi = hi, .hihi = hihi};
	return l;
}

static void test_limits_ordered(void **state)
{
	const unsigned all = LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI;
	limits_t l;

	l = lim(0, 9, 3, 2, 1);
	assert_true(limits_ordered(&l)); /* nothing set */
	l = lim(all, 0.1, 0.2, 0.8, 0.9);
	assert_true(limits_ordered(&l));
	l = lim(all, 1, 1, 1, 1);
	assert_true(limits_ordered(&l)); /* equal is allowed */
	l = lim(all, 0.1, 0.9, 0.8, 1.0);
	assert_false(limits_ordered(&l));
	l = lim(all, 0.1, 0.2, 0.8, 0.7);
	assert_false(limits_ordered(&l));
	l = lim(all, 0.3, 0.2, 0.8, 0.9);
	assert_false(limits_ordered(&l));

	/* Only the set limits are compared, across gaps. */
	l = lim(LIMIT_LO | LIMIT_HI, 100, 0.2, 0.8, -100);
	assert_true(limits_ordered(&l));
	l = lim(LIMIT_LOLO | LIMIT_HIHI, 5, 0, 0, 4);
	assert_false(limits_ordered(&l));
	l = lim(LIMIT_LOLO | LIMIT_HI, 5, 0, 6, 0);
	assert_true(limits_ordered(&l));
	l = lim(LIMIT_HIHI, 0, 0, 0, -1e9);
	assert_true(limits_ordered(&l));

	/* NaN in a set limit is never ordered; in an unset one it is ignored. */
	l = lim(LIMIT_LO, 0, NAN, 0, 0);
	assert_false(limits_ordered(&l));
	l = lim(all, 0.1, 0.2, NAN, 0.9);
	assert_false(limits_ordered(&l));
	l = lim(LIMIT_LO | LIMIT_HI, NAN, 0.2, 0.8, NAN);
	assert_true(limits_ordered(&l));

	assert_false(limits_ordered(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_domains),
	    cmocka_unit_test(test_quality),
	    cmocka_unit_test(test_event_tokens),
	    cmocka_unit_test(test_limits_ordered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
