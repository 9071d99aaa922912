/* Unit tests of the mock's --fault SPEC (fault.c): strict parsing of good
 * and bad specs, and the per-request decision: a pure function of
 * (seed, path, n) whose fault fraction over 10,000 requests is the rate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fault.h"

static void test_parse_good(void **state)
{
	(void)state;
	fault_config_t cfg = {0};
	char err[256] = "";
	assert_false(fault_any(&cfg));
	assert_true(fault_parse(&cfg, "latency=300", err, sizeof err));
	assert_int_equal(cfg.latency_ms, 300);
	assert_true(fault_any(&cfg));
	assert_true(
	    fault_parse(&cfg, "error=0.25,garbage=1,truncate=0,hang=.5,slow=1.0", err, sizeof err));
	assert_true(cfg.rate[FAULT_ERROR] == 0.25);
	assert_true(cfg.rate[FAULT_GARBAGE] == 1.0);
	assert_true(cfg.rate[FAULT_TRUNCATE] == 0.0);
	assert_true(cfg.rate[FAULT_HANG] == 0.5);
	assert_true(cfg.rate[FAULT_SLOW] == 1.0);
	assert_int_equal(cfg.latency_ms, 300); /* kept from the first spec */
	/* A later value replaces an earlier one. */
	assert_true(fault_parse(&cfg, "latency=0,latency=60000,error=0.1", err, sizeof err));
	assert_int_equal(cfg.latency_ms, 60000);
	assert_true(cfg.rate[FAULT_ERROR] == 0.1);
}

static void expect_bad(const char *spec, const char *in_message)
{
	fault_config_t cfg = {.latency_ms = 7};
	char err[256] = "";
	assert_false(fault_parse(&cfg, spec, err, sizeof err));
	if (!strstr(err, in_message))
		fail_msg("spec \"%s\": message \"%s\" lacks \"%s\"", spec, err, in_message);
	assert_int_equal(cfg.latency_ms, 7); /* untouched on failure */
	for (int k = 0; k < FAULT_KINDS; k++)
		assert_true(cfg.rate[k] == 0);
}

static void test_parse_bad(void **state)
{
	(void)state;
	expect_bad("", "KIND=VALUE");
	expect_bad("error", "KIND=VALUE");
	expect_bad("error=0.5,", "KIND=VALUE");
	expect_bad(",error=0.5", "KIND=VALUE");
	expect_bad("errors=0.5", "unknown fault");
	expect_bad("=0.5", "unknown fault");
	expect_bad("error=", "rate from 0 to 1");
	expect_bad("error=1.5", "rate from 0 to 1");
	expect_bad("error=2", "rate from 0 to 1");
	expect_bad("error=-0.1", "rate from 0 to 1");
	expect_bad("error=+0.1", "rate from 0 to 1");
	expect_bad("error=1e-1", "rate from 0 to 1");
	expect_bad("error=0.5x", "rate from 0 to 1");
	expect_bad("error= 0.5", "rate from 0 to 1");
	expect_bad("error=nan", "rate from 0 to 1");
	expect_bad("error=inf", "rate from 0 to 1");
	expect_bad("error=.", "rate from 0 to 1");
	expect_bad("error=0..5", "rate from 0 to 1");
	expect_bad("hang=0.1,slow=x", "slow wants");
	expect_bad("latency=60001", "latency wants");
	expect_bad("latency=-1", "latency wants");
	expect_bad("latency=0.5", "latency wants");
	expect_bad("latency=", "latency wants");
	expect_bad("error=0.5,latency=99999999999999999999", "latency wants");
}

static void test_rates(void **state)
{
	(void)state;
	const double rates[] = {0.0, 0.01, 0.1, 0.25, 0.5, 0.9, 1.0};
	for (int k = 0; k < FAULT_KINDS; k++) {
		for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
			fault_config_t cfg = {0};
			cfg.rate[k] = rates[r];
			unsigned hits = 0;
			for (uint64_t n = 0; n < 10000; n++) {
				fault_kind_t got = fault_decide(&cfg, 7, "/v1/feeds/water", n);
				assert_true(got == FAULT_NONE || got == (fault_kind_t)k);
				hits += got != FAULT_NONE;
			}
			double frac = hits / 10000.0;
			if (frac < rates[r] - 0.02 || frac > rates[r] + 0.02)
				fail_msg("kind %d rate %.2f: fraction %.4f", k, rates[r], frac);
			if (rates[r] == 0.0 || rates[r] == 1.0)
				assert_true(frac == rates[r]); /* exact at the ends */
		}
	}
}

static void test_error_status_mix(void **state)
{
	(void)state;
	unsigned c500 = 0, c503 = 0;
	for (uint64_t n = 0; n < 10000; n++) {
		unsigned s = fault_error_status(3, "/v1/kpis", n);
		assert_true(s == 500 || s == 503);
		c500 += s == 500;
		c503 += s == 503;
	}
	assert_in_range(c500, 4500, 5500);
	assert_in_range(c503, 4500, 5500);
}

static void sequence(uint64_t seed, const char *path, fault_kind_t *out, size_t n)
{
	fault_config_t cfg = {.rate = {0.1, 0.2, 0.1, 0.1, 0.1}};
	for (size_t i = 0; i < n; i++)
		out[i] = fault_decide(&cfg, seed, path, i);
}

static void test_determinism(void **state)
{
	(void)state;
	enum { N = 2000 };
	static fault_kind_t a[N], b[N], c[N], d[N];
	sequence(42, "/v1/feeds/water", a, N);
	sequence(42, "/v1/feeds/water", b, N);
	assert_memory_equal(a, b, sizeof a); /* same seed, same path: same sequence */
	sequence(43, "/v1/feeds/water", c, N);
	assert_memory_not_equal(a, c, sizeof a); /* another seed: another sequence */
	sequence(42, "/v1/feeds/power", d, N);
	assert_memory_not_equal(a, d, sizeof a); /* another path: another sequence */
	/* Every kind occurs, first-fires order notwithstanding. */
	unsigned seen[FAULT_KINDS] = {0};
	for (size_t i = 0; i < N; i++)
		if (a[i] != FAULT_NONE)
			seen[a[i]]++;
	for (int k = 0; k < FAULT_KINDS; k++)
		assert_true(seen[k] > 0);
}

static void test_applies(void **state)
{
	(void)state;
	assert_true(fault_applies("/v1/feeds/water"));
	assert_true(fault_applies("/v1/kpis"));
	assert_true(fault_applies("/v1/events"));
	assert_false(fault_applies("/healthz"));
	assert_false(fault_applies("/metrics"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_good),  cmocka_unit_test(test_parse_bad),
	    cmocka_unit_test(test_rates),       cmocka_unit_test(test_error_status_mix),
	    cmocka_unit_test(test_determinism), cmocka_unit_test(test_applies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
