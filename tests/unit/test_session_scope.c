/* The session's scope and gov view: session_set_scope makes the next step
 * evaluate at once (no new data, no pace), the view and the gov view follow
 * the scope, the gov view judges deadlines by the wall clock the session
 * reads (s->wall_ms), and session_ui_ctx hands the gov view to the pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "config.h"
#include "pages.h"
#include "session.h"

/* Never contacted: at mono time 0 no poll is due. */
#define UNPOLLED_SOURCE "water=http://127.0.0.1:9/never-polled"
#define WALL            INT64_C(1795658400000)

static int64_t fixed_wall(void)
{
	return WALL;
}

static void put_data(session_t *s, int64_t now_ms)
{
	static const char *const districts[] = {"江北区", "渝中区"};
	store_begin_poll(s->store, 0, now_ms);
	for (int i = 0; i < 2; i++) {
		reading_in_t in = {.id = districts[i],
		                   .domain = "water",
		                   .district = districts[i],
		                   .has_value = true,
		                   .value = 1.0};
		store_put_reading(s->store, 0, &in, now_ms);
		event_in_t ev = {.id = districts[i],
		                 .district = districts[i],
		                 .stage = STAGE_HANDLING,
		                 .due_ms = WALL - 1000 * i, /* 渝中区's has passed */
		                 .steps_done = -1,
		                 .steps_total = -1};
		store_put_event(s->store, 0, &ev, now_ms);
	}
	store_end_poll(s->store, 0, &(poll_report_t){.had_events = true}, now_ms);
}

static void test_scope_evaluates_at_once(void **state)
{
	(void)state;
	config_t cfg = {0};
	session_t s;
	char *cause = NULL;
	assert_int_equal(config_add_source_arg(&cfg, UNPOLLED_SOURCE, &cause), 0);
	assert_int_equal(session_open(&s, &cfg, &cause), 0);
	s.wall_ms = fixed_wall;
	const int64_t t = 10000;
	put_data(&s, t);
	session_evaluate(&s, t, 0);
	assert_int_equal(s.view.readings, 2);
	assert_int_equal(s.gov.event_count, 2);
	assert_int_equal(s.gov.summary.overdue, 1);
	assert_int_equal(s.gov.tier_count, 2);
	assert_true(scope_is_city(&s.gov.scope));

	/* Nothing new, well within the pace: no evaluation ... */
	assert_false(session_step(&s, t + 100, 0));
	/* ... but a new scope is evaluated at once. */
	scope_t sc;
	assert_int_equal(scope_parse(&sc, "江北区", NULL), 0);
	session_set_scope(&s, &sc);
	assert_int_equal(session_ms_until_evaluate(&s, t + 100), 0);
	assert_true(session_step(&s, t + 100, 0));
	assert_int_equal(s.view.readings, 1);
	assert_true(scope_equal(&s.gov.scope, &sc));
	assert_int_equal(s.gov.event_count, 1);
	assert_int_equal(s.gov.summary.overdue, 0);
	assert_false(session_step(&s, t + 200, 0)); /* once */

	ui_ctx_t ctx = {0};
	session_ui_ctx(&s, t + 200, WALL, &ctx);
	assert_ptr_equal(ctx.gov, &s.gov);
	assert_ptr_equal(ctx.view, &s.view);

	/* Back to the city (NULL), and --dump's evaluation keeps the scope. */
	session_set_scope(&s, NULL);
	assert_true(session_step(&s, t + 300, 0));
	assert_int_equal(s.view.readings, 2);
	session_set_scope(&s, &sc);
	session_evaluate(&s, t + 400, 0);
	assert_int_equal(s.view.readings, 1);
	assert_int_equal(session_ms_until_evaluate(&s, t + 400), -1);
	session_close(&s);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scope_evaluates_at_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
