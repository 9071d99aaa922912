/* Unit tests for tui/session_derive.c: alarms and the view evaluated on a
 * thread, on a copy of the engine, give exactly what evaluating in place
 * gives, round after round (hysteresis and since-times carry over through
 * alarm_engine_copy); and until the result is taken, what the pages read is
 * the previous evaluation, whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "alarm.h"
#include "alarm_ops.h"
#include "gov_view.h"
#include "session_derive.h"
#include "store.h"
#include "view.h"

#define T0       1764057600000
#define READINGS 600

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};
static const char *const domains[] = {"water", "power", "gas"};

/* One poll of every reading; values sweep across the limits and back, so
 * levels are entered, held by the deadband, and left. */
static void poll_round(store_t *st, int source, int round, int64_t now)
{
	store_begin_poll(st, source, now);
	for (int i = 0; i < READINGS; i++) {
		char id[32], district[8];
		snprintf(id, sizeof id, "r%04d", i);
		snprintf(district, sizeof district, "D%d", i % 7);
		int phase = (i * 37 + round * 11) % 100;
		reading_in_t in = {
		    .id = id,
		    .domain = domains[i % 3],
		    .district = district,
		    .street = "S",
		    .has_value = i % 50 != 0,
		    .value = phase,
		    .has_ts = true,
		    .ts_ms = now - i,
		    .limits = four,
		    .deadband = 3,
		    .quality = i % 41 == 0 ? QUALITY_BAD : QUALITY_GOOD,
		};
		store_put_reading(st, source, &in, now);
	}
	store_end_poll(st, source, &(poll_report_t){0}, now);
}

static void same_evaluation(const alarm_engine_t *a, const view_t *va, const alarm_engine_t *b,
                            const view_t *vb, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		alarm_state_t x = alarm_engine_state(a, i), y = alarm_engine_state(b, i);
		assert_int_equal(x.level, y.level);
		assert_int_equal(x.since_ms, y.since_ms);
		assert_int_equal(x.stale, y.stale);
		assert_int_equal(view_states(va, i), view_states(vb, i));
	}
	assert_int_equal(alarm_engine_active_count(a), alarm_engine_active_count(b));
	for (size_t k = 0; k < alarm_engine_active_count(a); k++)
		assert_int_equal(alarm_engine_active(a, k), alarm_engine_active(b, k));
	assert_int_equal(alarm_engine_critical_count(a), alarm_engine_critical_count(b));
	assert_int_equal(alarm_engine_stale_count(a), alarm_engine_stale_count(b));
	/* The alarm list, its states and figures: ISA states, acks and the
	 * KPIs carry over through the copy as well. */
	assert_int_equal(alarm_engine_alarm_count(a), alarm_engine_alarm_count(b));
	for (size_t k = 0; k < alarm_engine_alarm_count(a); k++) {
		const alarm_info_t *x = alarm_engine_alarm(a, k), *y = alarm_engine_alarm(b, k);
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->state, y->state);
		assert_int_equal(x->level, y->level);
		assert_int_equal(x->peak, y->peak);
		assert_int_equal(x->since_ms, y->since_ms);
		assert_int_equal(x->state_ms, y->state_ms);
		assert_int_equal(x->chattering, y->chattering);
		assert_int_equal(x->ack.at_ms, y->ack.at_ms);
		assert_int_equal(x->shelve.until_ms, y->shelve.until_ms);
	}
	for (int st = ISA_NORM; st < ISA_STATE_COUNT; st++)
		assert_int_equal(alarm_engine_state_count(a, (isa_state_t)st),
		                 alarm_engine_state_count(b, (isa_state_t)st));
	assert_memory_equal(alarm_engine_kpi(a), alarm_engine_kpi(b), sizeof(alarm_kpi_counts_t));
	assert_int_equal(alarm_log_total(alarm_engine_log(a)), alarm_log_total(alarm_engine_log(b)));
	assert_int_equal(alarm_engine_high_arrivals(a), alarm_engine_high_arrivals(b));
	assert_int_equal(alarm_engine_cleared_count(a), alarm_engine_cleared_count(b));
	for (size_t k = 0; k < alarm_engine_cleared_count(a); k++)
		assert_string_equal(alarm_engine_cleared(a, k), alarm_engine_cleared(b, k));
	for (int l = 0; l < VIEW_ALARM_LISTS; l++)
		assert_int_equal(view_alarm_list_count(va, (view_alarm_list_t)l),
		                 view_alarm_list_count(vb, (view_alarm_list_t)l));
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		const domain_view_t *da = &va->domains[d], *db = &vb->domains[d];
		assert_int_equal(da->total, db->total);
		assert_memory_equal(da->counts, db->counts, sizeof da->counts);
		for (unsigned k = 0; k < da->total; k++) {
			assert_int_equal(da->worst[k], db->worst[k]);
			assert_int_equal(da->by_place[k], db->by_place[k]);
		}
	}
}

typedef struct flag {
	pthread_mutex_t lock;
	int count;
} flag_t;

static void on_ready(void *ctx)
{
	flag_t *f = ctx;
	pthread_mutex_lock(&f->lock);
	f->count++;
	pthread_mutex_unlock(&f->lock);
}

static void test_thread_matches_in_place(void **state)
{
	(void)state;
	store_t *st = store_create();
	int src = store_add_source(st, "x", "http://x/", 1000, 3000);
	/* Two KPIs, one placed in D3: the board narrows with the scope. */
	int ksrc = store_add_source(st, "k", "http://k/", 1000, 3000);
	store_begin_poll(st, ksrc, T0);
	store_put_kpi(st, ksrc, &(kpi_in_t){.id = "k.city", .index = "health"}, T0);
	store_put_kpi(st, ksrc, &(kpi_in_t){.id = "k.d3", .index = "health", .district = "D3"}, T0);
	store_end_poll(st, ksrc, &(poll_report_t){.had_kpis = true}, T0);
	alarm_engine_t *in_place = alarm_engine_create(), *front = alarm_engine_create();
	view_t v_in_place, v_front;
	view_init(&v_in_place);
	view_init(&v_front);
	gov_view_t g_in_place, g_front;
	gov_view_init(&g_in_place);
	gov_view_init(&g_front);
	/* Both read the same operators' decisions (the copy carries the
	 * pointer to the thread's engine). */
	alarm_ops_t *ops = alarm_ops_create();
	alarm_engine_configure(in_place, NULL, ops);
	alarm_engine_configure(front, NULL, ops);
	flag_t flag = {PTHREAD_MUTEX_INITIALIZER, 0};
	derive_t *d = derive_create(on_ready, &flag);
	assert_non_null(d);
	size_t acked_max = 0;
	for (int round = 0; round < 40; round++) {
		int64_t now = T0 + round * 1000;
		/* Operators act between evaluations: every listed alarm acked at
		 * round 10, a few shelved at round 12 until round 20. */
		if (round == 10 || round == 12)
			for (size_t k = 0; k < alarm_engine_alarm_count(front); k += round == 10 ? 1 : 9) {
				const alarm_info_t *a = alarm_engine_alarm(front, k);
				journal_entry_t e = {.at_ms = now, .user = "u", .host = "h", .alarm = a->id,
				                     .action = round == 10 ? JOURNAL_ACK : JOURNAL_SHELVE,
				                     .reason = "", .until_ms = T0 + 20000};
				alarm_ops_apply(ops, &e);
			}
		/* The city, then one district: both views narrow alike. */
		scope_t scope;
		assert_int_equal(scope_parse(&scope, round < 25 ? "" : "D3", NULL), 0);
		/* Some rounds bring no data: readings age and turn stale. */
		if (round % 8 < 6)
			poll_round(st, src, round, now);
		alarm_engine_evaluate(in_place, st, now);
		view_set_scope(&v_in_place, &scope);
		view_update(&v_in_place, st, in_place, now);
		gov_view_update(&g_in_place, st, &v_in_place, in_place, &scope, now, now);

		alarm_engine_t *before = front;
		size_t active_before = alarm_engine_active_count(front);
		derive_start(d, st, front, &g_front, &scope, now, now);
		assert_true(derive_busy(d));
		/* The front pair is untouched while the thread works. */
		assert_ptr_equal(front, before);
		assert_int_equal(alarm_engine_active_count(front), active_before);
		derive_finish(d, &front, &v_front, &g_front);
		assert_false(derive_busy(d));
		assert_ptr_not_equal(front, before);
		same_evaluation(in_place, &v_in_place, front, &v_front, store_reading_count(st));
		if (alarm_engine_state_count(front, ISA_ACKED) > acked_max)
			acked_max = alarm_engine_state_count(front, ISA_ACKED);
		if (round == 13)
			assert_true(alarm_engine_state_count(front, ISA_SHLVD) > 0);
		/* The gov view too, its trend one series across the swaps. */
		assert_true(scope_equal(&g_front.scope, &scope));
		assert_int_equal(g_front.kpi_count, g_in_place.kpi_count);
		assert_int_equal(g_front.kpi_count, round < 25 ? 2 : 1);
		assert_int_equal(g_front.tier_count, g_in_place.tier_count);
		for (size_t t = 0; t < g_front.tier_count; t++) {
			assert_string_equal(g_front.tiers[t].name, g_in_place.tiers[t].name);
			assert_int_equal(g_front.tiers[t].alarms, g_in_place.tiers[t].alarms);
		}
		assert_int_equal(g_front.trend_len, g_in_place.trend_len);
		assert_int_equal(g_front.trend_head, g_in_place.trend_head);
	}
	assert_int_equal(g_front.tier_count, 1); /* D3's one street */
	assert_int_equal(g_front.trend_len, 2);  /* restarted at round 25: steps 20 s, 30 s */
	derive_destroy(d);                       /* joined: every notify has run */
	assert_int_equal(flag.count, 40);
	assert_true(acked_max > 0); /* the acks took */
	assert_true(alarm_engine_alarm_count(front) > 0);
	alarm_engine_destroy(in_place);
	alarm_engine_destroy(front);
	alarm_ops_destroy(ops);
	view_free(&v_in_place);
	view_free(&v_front);
	gov_view_free(&g_in_place);
	gov_view_free(&g_front);
	store_destroy(st);
}

/* The gov view's trend goes on across the swaps: the back gov view takes up
 * the front one's series, so one evaluation a step gives one sample a step. */
static void test_trend_carried(void **state)
{
	(void)state;
	store_t *st = store_create();
	int src = store_add_source(st, "k", "http://k/", 1000, 0);
	alarm_engine_t *front = alarm_engine_create();
	view_t v;
	view_init(&v);
	gov_view_t g;
	gov_view_init(&g);
	derive_t *d = derive_create(on_ready, &(flag_t){PTHREAD_MUTEX_INITIALIZER, 0});
	assert_non_null(d);
	for (int step = 0; step < 8; step++) {
		int64_t now = T0 + step * (int64_t)GOV_TREND_STEP_MS;
		kpi_in_t k = {.id = "k",
		              .index = "health",
		              .has_value = true,
		              .value = step,
		              .has_target = true,
		              .target = 8};
		store_begin_poll(st, src, now);
		store_put_kpi(st, src, &k, now);
		store_end_poll(st, src, &(poll_report_t){.had_kpis = true}, now);
		derive_start(d, st, front, &g, NULL, now, now);
		derive_finish(d, &front, &v, &g);
	}
	float trend[GOV_TREND_LEN];
	assert_int_equal(gov_trend(&g, KPI_INDEX_HEALTH, trend, GOV_TREND_LEN), 8);
	for (int step = 0; step < 8; step++)
		assert_float_equal(trend[step], 100.0 * step / 8, 1e-4);
	derive_destroy(d);
	alarm_engine_destroy(front);
	view_free(&v);
	gov_view_free(&g);
	store_destroy(st);
}

/* Destroyed while it works: it finishes, joins, and frees its pair. */
static void test_destroy_while_busy(void **state)
{
	(void)state;
	store_t *st = store_create();
	int src = store_add_source(st, "x", "http://x/", 1000, 3000);
	poll_round(st, src, 0, T0);
	alarm_engine_t *front = alarm_engine_create();
	flag_t flag = {PTHREAD_MUTEX_INITIALIZER, 0};
	derive_t *d = derive_create(on_ready, &flag);
	assert_non_null(d);
	derive_start(d, st, front, NULL, NULL, T0, T0);
	derive_destroy(d);
	alarm_engine_destroy(front);
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_thread_matches_in_place),
	    cmocka_unit_test(test_trend_carried),
	    cmocka_unit_test(test_destroy_while_busy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
