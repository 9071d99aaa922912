/* Unit tests for feeds/history_ring.c: the encoding's precision, no value,
 * off-scale values, carrying forward, several writes in a second, wrapping,
 * re-encoding on a new scale, the extremes read from the codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>

/* cmocka's assert_float_equal lets NAN pass: a value must be there. */
#define assert_near(a, b, eps)                                                                     \
	do {                                                                                       \
		assert_false(isnan(a));                                                            \
		assert_float_equal((a), (b), (eps));                                               \
	} while (0)
#include "history_ring.h"

#define S0 1764057600 /* a second */

static const history_scale_t pct = {0, 100};

/* Half a step of the window [min - span, max + span] over 65532 steps. */
static double half_step(history_scale_t sc)
{
	return 3 * (sc.max - sc.min) / 65532 / 2;
}

static void test_round_trip_precision(void **state)
{
	(void)state;
	const history_scale_t scales[] = {
	    {0, 100}, {-40, 60}, {0.001, 0.002}, {1e6, 1e6 + 10}, {-1e12, 1e12}};
	for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
		history_scale_t sc = scales[k];
		double span = sc.max - sc.min, worst = 0;
		/* Across the whole window, edges included. */
		for (int i = 0; i <= 3000; i++) {
			double v = sc.min - span + 3 * span * i / 3000;
			int16_t code = history_encode(v, sc);
			assert_false(code == HISTORY_CODE_NONE);
			assert_false(history_code_off_scale(code));
			double err = fabs(history_decode(code, sc) - v);
			if (err > worst)
				worst = err;
		}
		/* Within half a step (and a hair of double rounding). */
		if (worst > half_step(sc) * (1 + 1e-9))
			fail_msg("scale %g..%g: error %g beyond half a step %g", sc.min, sc.max,
			         worst, half_step(sc));
		/* The range's ends come back far enough apart to tell them apart. */
		assert_true(history_decode(history_encode(sc.min, sc), sc) <
		            history_decode(history_encode(sc.max, sc), sc));
	}
	/* 0.0023% of the range: on 0..100, 0.0023. */
	assert_true(half_step(pct) < 0.0023);
}

static void test_no_value_and_off_scale(void **state)
{
	(void)state;
	assert_int_equal(history_encode(NAN, pct), HISTORY_CODE_NONE);
	assert_true(isnan(history_decode(HISTORY_CODE_NONE, pct)));
	/* The window is -100..200: beyond it, clamped to its edge and flagged. */
	int16_t hi = history_encode(250, pct), lo = history_encode(-1e300, pct);
	assert_int_equal(hi, HISTORY_CODE_EDGE);
	assert_int_equal(lo, -HISTORY_CODE_EDGE);
	assert_true(history_code_off_scale(hi) && history_code_off_scale(lo));
	assert_true(history_decode(hi, pct) == 200);
	assert_true(history_decode(lo, pct) == -100);
	assert_int_equal(history_encode(INFINITY, pct), HISTORY_CODE_EDGE);
	assert_int_equal(history_encode(-INFINITY, pct), -HISTORY_CODE_EDGE);
	/* The edge itself is inside. */
	assert_false(history_code_off_scale(history_encode(200, pct)));
	assert_false(history_code_off_scale(history_encode(-100, pct)));
	/* Extreme scales neither overflow nor lose the sign. */
	history_scale_t huge = {-DBL_MAX, DBL_MAX};
	double big = history_decode(history_encode(DBL_MAX / 2, huge), huge);
	assert_true(isfinite(big) && big > 0);
	assert_true(history_decode(history_encode(-DBL_MAX / 2, huge), huge) < 0);
	history_scale_t tiny = {0, DBL_TRUE_MIN};
	assert_false(isnan(history_decode(history_encode(0, tiny), tiny)));

	/* Read back from a ring, the flag comes along. */
	history_ring_t h = {0};
	history_ring_put(&h, S0, 250, pct);
	history_ring_put(&h, S0 + 1, 50, pct);
	float out[2];
	bool off[2];
	history_ring_read(&h, S0 + 1, out, off, 2);
	assert_true(out[0] == 200 && off[0]);
	assert_near(out[1], 50, half_step(pct));
	assert_false(off[1]);
	history_ring_free(&h);
}

static void test_empty_ring_reads_nan(void **state)
{
	(void)state;
	history_ring_t h = {0};
	float out[3];
	assert_int_equal(history_ring_read(&h, S0, out, NULL, 3), 3);
	assert_true(isnan(out[0]) && isnan(out[1]) && isnan(out[2]));
	history_ring_free(&h);
	assert_null(h.block);
}

/* Seconds without a write hold the last value written, both those between
 * two writes and those after the last one; before the first, NAN. */
static void test_carry_forward_across_gaps(void **state)
{
	(void)state;
	history_ring_t h = {0};
	history_ring_put(&h, S0, 10, pct);
	history_ring_put(&h, S0 + 5, 20, pct);
	assert_int_equal(h.len, 6);
	float out[10];
	history_ring_read(&h, S0 + 8, out, NULL, 10); /* S0-1 .. S0+8 */
	assert_true(isnan(out[0]));
	for (int i = 1; i <= 5; i++)
		assert_near(out[i], 10, half_step(pct));
	for (int i = 6; i < 10; i++)
		assert_near(out[i], 20, half_step(pct));
	/* A null carries forward as a null. */
	history_ring_put(&h, S0 + 9, NAN, pct);
	history_ring_read(&h, S0 + 12, out, NULL, 4);
	for (int i = 0; i < 4; i++)
		assert_true(isnan(out[i]));
	history_ring_free(&h);
}

static void test_several_writes_in_a_second(void **state)
{
	(void)state;
	history_ring_t h = {0};
	history_ring_put(&h, S0, 1, pct);
	history_ring_put(&h, S0 + 1, 2, pct);
	history_ring_put(&h, S0 + 1, 3, pct);
	history_ring_put(&h, S0 + 1, 4, pct); /* the last of the second wins */
	history_ring_put(&h, S0, 5, pct);     /* late: recorded at the newest second */
	assert_int_equal(h.len, 2);
	assert_int_equal(h.last_s, S0 + 1);
	float out[2];
	history_ring_read(&h, S0 + 1, out, NULL, 2);
	assert_near(out[0], 1, half_step(pct));
	assert_near(out[1], 5, half_step(pct));
	history_ring_free(&h);
}

/* Past HISTORY_RING_SECONDS the oldest seconds go; a gap longer than the
 * ring leaves only the carried value and the new one. */
static void test_wrap(void **state)
{
	(void)state;
	history_ring_t h = {0};
	int n = HISTORY_RING_SECONDS + 100;
	for (int i = 0; i < n; i++)
		history_ring_put(&h, S0 + i, i % 100, pct);
	assert_int_equal(h.len, HISTORY_RING_SECONDS);
	float out[HISTORY_RING_SECONDS + 1];
	history_ring_read(&h, S0 + n - 1, out, NULL, HISTORY_RING_SECONDS + 1);
	assert_true(isnan(out[0])); /* fell off the ring */
	for (int i = 1; i <= HISTORY_RING_SECONDS; i++) {
		int written = n - 1 - HISTORY_RING_SECONDS + i;
		assert_near(out[i], (written % 100), half_step(pct));
	}
	/* Silence longer than the ring, then a write. */
	int64_t later = S0 + n - 1 + 5000;
	history_ring_put(&h, later, 77, pct);
	assert_int_equal(h.len, HISTORY_RING_SECONDS);
	history_ring_read(&h, later, out, NULL, HISTORY_RING_SECONDS);
	for (int i = 0; i < HISTORY_RING_SECONDS - 1; i++)
		assert_near(out[i], ((n - 1) % 100), half_step(pct));
	assert_near(out[HISTORY_RING_SECONDS - 1], 77, half_step(pct));
	/* Negative seconds map to slots too. */
	history_ring_free(&h);
	history_ring_put(&h, -3, 1, pct);
	history_ring_put(&h, 2, 2, pct);
	history_ring_read(&h, 2, out, NULL, 6);
	assert_near(out[0], 1, half_step(pct));
	assert_near(out[4], 1, half_step(pct));
	assert_near(out[5], 2, half_step(pct));
	assert_int_equal(history_second(-1), -1);
	assert_int_equal(history_second(-1000), -1);
	assert_int_equal(history_second(-1001), -2);
	assert_int_equal(history_second(1999), 1);
	history_ring_free(&h);
}

/* A new scale re-encodes what is held: values keep their meaning, with the
 * precision of the new scale; off-scale ones come back inside if the new
 * window holds the old edge. */
static void test_rescale(void **state)
{
	(void)state;
	history_ring_t h = {0};
	history_ring_put(&h, S0, 10, pct);
	history_ring_put(&h, S0 + 1, NAN, pct);
	history_ring_put(&h, S0 + 2, 90, pct);
	history_ring_put(&h, S0 + 3, 300, pct); /* beyond 200: off-scale */
	history_scale_t wide = {0, 1000};
	history_ring_rescale(&h, wide);
	float out[4];
	bool off[4];
	history_ring_read(&h, S0 + 3, out, off, 4);
	double tol = half_step(pct) + half_step(wide);
	assert_near(out[0], 10, tol);
	assert_true(isnan(out[1]));
	assert_near(out[2], 90, tol);
	assert_near(out[3], 200, tol); /* the old edge, inside the new window */
	assert_false(off[3]);
	/* Narrower: 90 is now beyond the window 5..35. */
	history_scale_t narrow = {15, 25};
	history_ring_rescale(&h, narrow);
	history_ring_read(&h, S0 + 3, out, off, 4);
	assert_near(out[0], 10, tol + half_step(narrow));
	assert_false(off[0]);
	assert_true(off[2] && out[2] == 35);
	/* The same scale changes nothing. */
	int16_t before = h.block->slots[S0 % HISTORY_RING_SECONDS];
	history_ring_rescale(&h, narrow);
	assert_int_equal(h.block->slots[S0 % HISTORY_RING_SECONDS], before);
	history_ring_free(&h);
}

static bool same_scale(history_scale_t a, history_scale_t b)
{
	return a.min == b.min && a.max == b.max;
}

/* The scale follows the reading's range lazily: a range that moves within
 * the window keeps it (no re-encoding), one that leaves it widens it to
 * cover both, and it never spans more than HISTORY_RING_SCALE_SLACK ranges. */
static void test_scale_follows_range(void **state)
{
	(void)state;
	history_ring_t h = {0};
	history_ring_put(&h, S0, 50, (history_scale_t){45, 55});
	assert_true(same_scale(h.block->scale, (history_scale_t){45, 55}));
	/* Ranges whose windows stay within the window 35..65. */
	history_ring_put(&h, S0 + 1, 52, (history_scale_t){46, 54});
	history_ring_put(&h, S0 + 2, 48, (history_scale_t){47, 53});
	assert_true(same_scale(h.block->scale, (history_scale_t){45, 55}));
	/* Out of it: the scale covers both, and 50 keeps its precision. */
	history_ring_put(&h, S0 + 3, 70, (history_scale_t){63, 77});
	assert_true(same_scale(h.block->scale, (history_scale_t){45, 77}));
	float out[4];
	history_ring_read(&h, S0 + 3, out, NULL, 4);
	assert_near(out[0], 50, half_step((history_scale_t){45, 55}) + half_step(h.block->scale));
	assert_near(out[3], 70, half_step(h.block->scale));
	/* Far away with a narrow range: covering both would span more than 8
	 * ranges, so the range alone; what lay far off is clamped to its window. */
	history_ring_put(&h, S0 + 4, 1000, (history_scale_t){1000, 1001});
	assert_true(same_scale(h.block->scale, (history_scale_t){1000, 1001}));
	bool off[5];
	float all[5];
	history_ring_read(&h, S0 + 4, all, off, 5);
	assert_true(off[0] && all[0] == 999); /* clamped at the new window's edge */
	assert_near(all[4], 1000, half_step(h.block->scale));
	/* An eighth of it is still kept ... */
	history_ring_put(&h, S0 + 5, 1000.3, (history_scale_t){1000.25, 1000.375});
	assert_true(same_scale(h.block->scale, (history_scale_t){1000, 1001}));
	/* ... narrower is re-chosen, so the precision follows the range. */
	history_ring_put(&h, S0 + 6, 1000.45, (history_scale_t){1000.4, 1000.5});
	assert_true(same_scale(h.block->scale, (history_scale_t){1000.4, 1000.5}));
	history_ring_read(&h, S0 + 6, all, off, 2);
	assert_near(all[0], 1000.3, half_step((history_scale_t){1000, 1001}) + 1e-4);
	assert_near(all[1], 1000.45, 1e-4); /* float rounding at 1000: 6e-5 */
	history_ring_free(&h);
}

/* The extremes read from the codes are exactly those of what
 * history_ring_read gives, over gaps, off-scale values, wrapping, a window
 * longer than what is held, and a re-encoded scale. */
static void check_extremes(const history_ring_t *h, size_t n)
{
	float all[HISTORY_RING_SECONDS], lo = 0, hi = 0;
	size_t held = n < h->len ? n : h->len;
	history_ring_read(h, h->last_s, all, NULL, held);
	bool any = false;
	float want_lo = 0, want_hi = 0;
	for (size_t i = 0; i < held; i++) {
		if (isnan(all[i]))
			continue;
		want_lo = !any || all[i] < want_lo ? all[i] : want_lo;
		want_hi = !any || all[i] > want_hi ? all[i] : want_hi;
		any = true;
	}
	assert_int_equal(history_ring_extremes(h, n, &lo, &hi), any);
	if (any) {
		assert_true(lo == want_lo);
		assert_true(hi == want_hi);
	}
}

static void test_extremes(void **state)
{
	(void)state;
	history_ring_t h = {0};
	float lo, hi;
	assert_false(history_ring_extremes(&h, 64, &lo, &hi)); /* empty */
	history_ring_put(&h, S0, NAN, pct);
	assert_false(history_ring_extremes(&h, 64, &lo, &hi)); /* no value yet */
	uint32_t x = 12345;
	for (int64_t s = S0 + 1; s < S0 + 2000; s += 1 + (int64_t)(x % 3)) {
		x = x * 1103515245u + 12345u;
		unsigned k = (x >> 16) % 100;
		double v = k < 5 ? NAN : k < 8 ? 1e6 : k < 10 ? -1e6 : (double)((x >> 8) % 1000) / 10;
		/* Now and then a wider range: the ring re-encodes on a new scale. */
		history_scale_t range = k == 50 ? (history_scale_t){-50, 400} : pct;
		history_ring_put(&h, s, v, range);
		check_extremes(&h, 1);
		check_extremes(&h, 64);
		check_extremes(&h, HISTORY_RING_SECONDS);
	}
	/* The newest is high, the rest low: the window says which it reads. */
	history_ring_put(&h, S0 + 3000, 10, pct);
	history_ring_put(&h, S0 + 3100, 90, pct);
	double step = half_step(h.block->scale); /* re-chosen above */
	assert_true(history_ring_extremes(&h, 1, &lo, &hi));
	assert_near(lo, 90, step);
	assert_true(history_ring_extremes(&h, 101, &lo, &hi));
	assert_near(lo, 10, step);
	assert_near(hi, 90, step);
	history_ring_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip_precision),
	    cmocka_unit_test(test_no_value_and_off_scale),
	    cmocka_unit_test(test_empty_ring_reads_nan),
	    cmocka_unit_test(test_carry_forward_across_gaps),
	    cmocka_unit_test(test_several_writes_in_a_second),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_rescale),
	    cmocka_unit_test(test_scale_follows_range),
	    cmocka_unit_test(test_extremes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
