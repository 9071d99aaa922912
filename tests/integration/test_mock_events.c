/* Event tests for the mock city: the catalogue of types (city_event_types.h),
 * the city scale's stream of cases (city_events.c), the demo's templates as
 * views, and the events document read back by citydash's own parser. No
 * clock, no network. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city.h"
#include "city_event.h"
#include "city_event_types.h"
#include "city_events_private.h"
#include "city_json.h"
#include "protocol.h"

#define SEED  20261125u
#define T0_MS 1764057600000LL

static int setup_city(void **state)
{
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	*state = city_create_config(SEED, &cfg);
	return 0;
}

static int teardown(void **state)
{
	city_destroy(*state);
	return 0;
}

/* ---- the catalogue ---- */

static int compare_tokens(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_catalogue_size_and_tokens(void **state)
{
	const city_t *c = *state;
	size_t n = city_event_type_count(c);
	assert_true(n >= 500);
	const char **tokens = calloc(n, sizeof *tokens);
	assert_non_null(tokens);
	for (size_t i = 0; i < n; i++) {
		const city_event_type_t *t = city_event_type(c, i);
		tokens[i] = t->token;
		/* "group.object_problem", ASCII, a valid protocol id character set */
		const char *dot = strchr(t->token, '.');
		assert_non_null(dot);
		assert_non_null(strchr(dot, '_'));
		for (const char *p = t->token; *p; p++)
			assert_non_null(strchr("abcdefghijklmnopqrstuvwxyz0123456789._", *p));
		assert_true(strlen(t->name) >= 6); /* two CJK characters at least */
	}
	qsort(tokens, n, sizeof *tokens, compare_tokens);
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(tokens[i - 1], tokens[i]) != 0);
	free(tokens);
	assert_null(city_event_type(c, n));
}

/* Every subcategory sits under one category; there are many of each. */
static void test_catalogue_hierarchy(void **state)
{
	const city_t *c = *state;
	size_t n = city_event_type_count(c), categories = 0, subcategories = 0;
	for (size_t i = 0; i < n; i++) {
		const city_event_type_t *t = city_event_type(c, i);
		assert_true(strlen(t->category) > 0 && strlen(t->subcategory) > 0);
		bool new_cat = true, new_sub = true;
		for (size_t j = 0; j < i; j++) {
			const city_event_type_t *u = city_event_type(c, j);
			if (strcmp(u->category, t->category) == 0)
				new_cat = false;
			if (strcmp(u->subcategory, t->subcategory) == 0) {
				new_sub = false;
				assert_string_equal(u->category, t->category);
			}
		}
		categories += new_cat;
		subcategories += new_sub;
	}
	assert_true(categories >= 8);
	assert_true(subcategories >= 30);
}

static void test_catalogue_types_complete(void **state)
{
	const city_t *c = *state;
	size_t n = city_event_type_count(c);
	unsigned severities = 0, tiers = 0;
	bool found_burst = false;
	for (size_t i = 0; i < n; i++) {
		const city_event_type_t *t = city_event_type(c, i);
		assert_true(t->step_count >= 3 && t->step_count <= CITY_EVENT_PLAN_MAX);
		assert_true(t->dept_count >= 1);
		assert_true(t->deadline_s >= 30 * 60 && t->deadline_s <= 8 * 3600);
		assert_true(t->rate > 0);
		severities |= 1u << t->severity;
		tiers |= 1u << t->tier;
		for (size_t s = 0; s < t->step_count; s++) {
			bool listed = false;
			assert_true(strlen(t->steps[s].name) > 0);
			for (size_t d = 0; d < t->dept_count; d++)
				listed |= strcmp(t->depts[d], t->steps[s].department) == 0;
			assert_true(listed);
		}
		/* every plan ends in the closed loop's check and review */
		assert_string_equal(t->steps[t->step_count - 1].name, "审核结案");
		if (t->severity == CITY_SEVERITY_CRITICAL)
			assert_string_equal(t->steps[0].department, "应急");
		if (strcmp(t->token, "water.main_burst") == 0) {
			found_burst = true;
			assert_string_equal(t->name, "供水主管爆管");
			assert_string_equal(t->category, "市政设施");
			assert_string_equal(t->subcategory, "供水");
			assert_int_equal(t->severity, CITY_SEVERITY_CRITICAL);
		}
	}
	assert_true(found_burst);
	assert_int_equal(severities, 0xf);
	assert_int_equal(tiers, 0x7);
}

/* ---- the stream ---- */

typedef struct tally {
	size_t shown, open, overdue, escalated, stages[5], levels[3];
} tally_t;

static void tally_at(const city_t *c, int64_t tick, tally_t *t)
{
	city_event_view_t *v;
	size_t n = city_events_at(c, tick, &v);
	memset(t, 0, sizeof *t);
	t->shown = n;
	for (size_t i = 0; i < n; i++) {
		bool open = v[i].stage != CITY_STAGE_CLOSED;
		t->open += open;
		t->overdue += open && tick > v[i].due_tick;
		t->escalated += v[i].escalation_count > 0;
		t->stages[v[i].stage]++;
		t->levels[v[i].level]++;
	}
	/* ids are unique: the views come oldest first, ids rise with arrival */
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(v[i - 1].id, v[i].id) < 0);
	free(v);
}

static void test_stream_counts(void **state)
{
	const city_t *c = *state;
	static const int64_t ticks[] = {0, 3 * 3600, 6 * 3600, 15 * 3600, 86400 * 3 + 7, 999999937};
	for (size_t k = 0; k < sizeof ticks / sizeof *ticks; k++) {
		tally_t t;
		tally_at(c, ticks[k], &t);
		assert_true(t.open >= 200);
		assert_true(t.overdue >= 5);
		assert_true(t.escalated >= 10);
		for (int s = 0; s < 5; s++)
			assert_true(t.stages[s] > 0);
		for (int l = 0; l < 3; l++)
			assert_true(t.levels[l] > 0);
	}
}

static bool same_views(const city_event_view_t *a, const city_event_view_t *b)
{
	return strcmp(a->id, b->id) == 0 && strcmp(a->type, b->type) == 0 &&
	       strcmp(a->street, b->street) == 0 && a->stage == b->stage &&
	       a->done == b->done && a->level == b->level && a->due_tick == b->due_tick &&
	       a->escalation_count == b->escalation_count;
}

static void test_stream_deterministic(void **state)
{
	const city_t *c = *state;
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	city_t *same = city_create_config(SEED, &cfg), *other = city_create_config(SEED + 1, &cfg);
	city_event_view_t *a, *b, *o;
	size_t na = city_events_at(c, 5000, &a), nb = city_events_at(same, 5000, &b);
	size_t no = city_events_at(other, 5000, &o);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++)
		assert_true(same_views(&a[i], &b[i]));
	size_t differ = no != na;
	for (size_t i = 0; i < na && i < no; i++)
		differ += !same_views(&a[i], &o[i]);
	assert_true(differ > 0);
	free(a);
	free(b);
	free(o);
	city_destroy(same);
	city_destroy(other);
}

static const city_event_view_t *find_id(const city_event_view_t *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

/* An event keeps its id, type, place and deadline while it is shown, and
 * only moves forward: steps, stage, escalations. */
static void test_stream_ids_stable(void **state)
{
	const city_t *c = *state;
	city_event_view_t *a, *b;
	size_t na = city_events_at(c, 40000, &a), nb = city_events_at(c, 40600, &b), kept = 0;
	for (size_t i = 0; i < na; i++) {
		const city_event_view_t *later = find_id(b, nb, a[i].id);
		if (!later)
			continue;
		kept++;
		assert_string_equal(later->type, a[i].type);
		assert_string_equal(later->street, a[i].street);
		assert_int_equal(later->opened_tick, a[i].opened_tick);
		assert_int_equal(later->due_tick, a[i].due_tick);
		assert_true(later->done >= a[i].done);
		assert_true(later->stage >= a[i].stage);
		assert_true(later->level >= a[i].level);
		assert_true(later->escalation_count >= a[i].escalation_count);
	}
	assert_true(kept * 10 >= na * 8);
	free(a);
	free(b);
}

/* One case from arrival to its leaving the list: through every stage in
 * order, then gone. */
static void test_stream_lifecycle(void **state)
{
	const city_t *c = *state;
	city_event_view_t *v;
	size_t n = city_events_at(c, 20000, &v);
	char id[CITY_EVENT_ID_MAX] = "";
	int64_t due = INT64_MAX;
	for (size_t i = 0; i < n; i++)
		if (v[i].stage == CITY_STAGE_SENSED && v[i].due_tick < due) {
			snprintf(id, sizeof id, "%s", v[i].id);
			due = v[i].due_tick;
		}
	free(v);
	assert_true(id[0]);
	unsigned seen = 0;
	int last = -1;
	int64_t t = 20000, closed_at = -1;
	for (; closed_at < 0; t += 20) {
		n = city_events_at(c, t, &v);
		const city_event_view_t *e = find_id(v, n, id);
		assert_non_null(e); /* shown until it has been closed a while */
		assert_true((int)e->stage >= last);
		last = (int)e->stage;
		seen |= 1u << e->stage;
		if (e->stage == CITY_STAGE_CLOSED)
			closed_at = e->updated_tick;
		free(v);
		assert_true(t < 20000 + city_events_window_seconds());
	}
	/* Listed half an hour after closing, then gone. */
	n = city_events_at(c, closed_at + 1799, &v);
	assert_non_null(find_id(v, n, id));
	free(v);
	n = city_events_at(c, closed_at + 1800, &v);
	assert_null(find_id(v, n, id));
	free(v);
	assert_int_equal(seen, 0x1f);
}

/* Escalations go up one tier at a time, at ticks inside the event's life;
 * an open case past its deadline has been handed up unless it is at the
 * city already. */
static void test_stream_escalations(void **state)
{
	const city_t *c = *state;
	int64_t tick = 50000;
	city_event_view_t *v;
	size_t n = city_events_at(c, tick, &v), by_time = 0;
	for (size_t i = 0; i < n; i++) {
		const city_event_view_t *e = &v[i];
		for (size_t j = 0; j < e->escalation_count; j++) {
			assert_int_equal(e->escalations[j].to, e->escalations[j].from + 1);
			assert_true(e->escalations[j].tick >= e->opened_tick);
			assert_true(e->escalations[j].tick <= tick);
			if (j)
				assert_int_equal(e->escalations[j].from, e->escalations[j - 1].to);
		}
		if (e->escalation_count)
			assert_int_equal(e->level, e->escalations[e->escalation_count - 1].to);
		if (e->stage != CITY_STAGE_CLOSED && tick > e->due_tick) {
			bool at_due = e->level == CITY_TIER_CITY;
			for (size_t j = 0; j < e->escalation_count; j++)
				at_due |= e->escalations[j].tick <= e->due_tick + 1;
			assert_true(at_due);
			by_time++;
		}
	}
	assert_true(by_time > 0);
	free(v);
}

/* The look-back is the same window at any tick: the cost of a tick does not
 * grow with time. */
static void test_stream_window_bounded(void **state)
{
	const city_t *c = *state;
	size_t early, late;
	size_t n1 = city_events_stream_at(c, 10, NULL, 0, &early);
	size_t n2 = city_events_stream_at(c, INT64_C(1000000000000), NULL, 0, &late);
	assert_int_equal(early, (size_t)city_events_window_seconds());
	assert_int_equal(late, early);
	assert_true(n1 > 200 && n2 > 200);
	assert_true(city_events_window_seconds() <= 86400);
}

/* ---- the demo ---- */

static void test_demo_templates_as_views(void **state)
{
	(void)state; /* the demo builds its own */
	city_t *c = city_create(7);
	unsigned stages = 0;
	for (int64_t t = 0; t < 600; t += 5) {
		city_event_view_t *v;
		size_t n = city_events_at(c, t, &v);
		assert_int_equal(n, city_event_count(c));
		for (size_t i = 0; i < n; i++) {
			assert_string_equal(v[i].type, city_event(c, i)->type);
			assert_non_null(v[i].type_name);
			assert_int_equal(v[i].step_count, v[i].total);
			assert_string_equal(city_tier_name(v[i].level), city_event(c, i)->level);
			stages |= 1u << v[i].stage;
		}
		free(v);
	}
	assert_int_equal(stages, 0x1f);
	city_destroy(c);
}

/* ---- the document, as citydash reads it ---- */

typedef struct seen {
	size_t events, with_plan, escalated, typed;
} seen_t;

static void on_event(void *ctx, const event_in_t *e)
{
	seen_t *s = ctx;
	s->events++;
	s->with_plan += e->plan_count >= 3 && e->plan_count == (size_t)e->steps_total;
	s->escalated += e->escalation_count > 0;
	s->typed += e->type_name && e->category && e->subcategory && e->due_ms > 0;
}

static void test_document_parses_in_citydash(void **state)
{
	const city_t *c = *state;
	city_json_time_t tm = {.tick = 30000, .tick0_ms = T0_MS, .tick_ms = 1000,
	                       .now_ms = T0_MS + 30000 * 1000LL};
	size_t len;
	char *doc = city_json_events(c, &tm, &len);
	seen_t seen = {0};
	feed_sink_t sink = {.ctx = &seen, .event = on_event};
	feed_stats_t stats;
	char *cause = NULL;
	assert_int_equal(protocol_v1_parse(doc, len, tm.now_ms, &sink, &stats, &cause), 0);
	city_event_view_t *v;
	size_t n = city_events_at(c, tm.tick, &v);
	free(v);
	assert_int_equal(stats.skipped, 0);
	assert_int_equal(seen.events, n);
	assert_int_equal(seen.with_plan, n);
	assert_int_equal(seen.typed, n);
	assert_true(seen.escalated > 0);
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_catalogue_size_and_tokens),
	    cmocka_unit_test(test_catalogue_hierarchy),
	    cmocka_unit_test(test_catalogue_types_complete),
	    cmocka_unit_test(test_stream_counts),
	    cmocka_unit_test(test_stream_deterministic),
	    cmocka_unit_test(test_stream_ids_stable),
	    cmocka_unit_test(test_stream_lifecycle),
	    cmocka_unit_test(test_stream_escalations),
	    cmocka_unit_test(test_stream_window_bounded),
	    cmocka_unit_test(test_demo_templates_as_views),
	    cmocka_unit_test(test_document_parses_in_citydash),
	};
	/* One city for all: building it is the costly part under valgrind. */
	return cmocka_run_group_tests(tests, setup_city, teardown);
}
