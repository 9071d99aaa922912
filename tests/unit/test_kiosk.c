/* kiosk: the wall's rotation and banner as a state machine, with injected
 * times — the pages and their order, each shown rotate_ms, held by a key,
 * a banner or a question; the banner raised by a new high-priority alarm,
 * ended by its acknowledgement or its time; page names refused with their
 * place in the configuration. Then the same with a real alarm engine, and
 * the banner drawn by the frame. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alarm_rig.h"
#include "banner.h"
#include "form.h"
#include "kiosk.h"
#include "screen_text.h"
#include "xalloc.h"

#define T0 1764057600000LL /* 2025-11-25T08:00:00Z */

static void display_with(display_cfg_t *d, const char *const *names, size_t n)
{
	display_cfg_defaults(d);
	if (!n)
		return;
	d->kiosk_pages = xcalloc(n, sizeof *d->kiosk_pages);
	for (size_t i = 0; i < n; i++)
		d->kiosk_pages[i] = xstrdup(names[i]);
	d->kiosk_page_count = n;
}

static void test_default_rotation(void **state)
{
	(void)state;
	display_cfg_t d;
	display_with(&d, NULL, 0);
	kiosk_t k;
	char *cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), 0);
	assert_int_equal(k.count, 5);
	const page_id_t want[] = {PAGE_OVERVIEW, PAGE_WALL, PAGE_KPIS, PAGE_EVENTS, PAGE_ALARMS};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(k.pages[i].page, want[i]);
	assert_int_equal(k.rotate_ms, DISPLAY_ROTATE_MS_DEFAULT);
	assert_int_equal(k.banner_ms, DISPLAY_BANNER_MS_DEFAULT);
	display_cfg_free(&d);
}

static void test_order_and_timing(void **state)
{
	(void)state;
	const char *const names[] = {"wall", "domain:power", "events"};
	display_cfg_t d;
	display_with(&d, names, 3);
	d.rotate_ms = 5000;
	kiosk_t k;
	char *cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), 0);
	nav_t nav = {.page = PAGE_OVERVIEW};
	kiosk_start(&k, &nav, T0);
	assert_true(nav.kiosk);
	assert_int_equal(nav.page, PAGE_WALL);
	assert_int_equal(kiosk_ms_until_due(&k, T0), 5000);
	assert_false(kiosk_rotate(&k, &nav, T0 + 4999));
	assert_int_equal(nav.page, PAGE_WALL);
	assert_int_equal(kiosk_ms_until_due(&k, T0 + 4999), 1);
	assert_true(kiosk_rotate(&k, &nav, T0 + 5000));
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_int_equal(nav.domain, DOMAIN_POWER);
	assert_true(kiosk_rotate(&k, &nav, T0 + 10000));
	assert_int_equal(nav.page, PAGE_EVENTS);
	/* Round and round. */
	assert_true(kiosk_rotate(&k, &nav, T0 + 15000));
	assert_int_equal(nav.page, PAGE_WALL);
	/* A late turn (the loop slept long) counts the period from then. */
	assert_true(kiosk_rotate(&k, &nav, T0 + 27000));
	assert_int_equal(nav.page, PAGE_DOMAIN);
	assert_false(kiosk_rotate(&k, &nav, T0 + 31999));
	/* A key holds the page another period. */
	kiosk_touch(&k, T0 + 31000);
	assert_false(kiosk_rotate(&k, &nav, T0 + 35999));
	assert_true(kiosk_rotate(&k, &nav, T0 + 36000));
	assert_int_equal(nav.page, PAGE_EVENTS);
	/* An overlay opened by hand is left at its time, back stack forgotten,
	 * and a filter left behind with it. */
	nav_open(&nav, PAGE_HELP);
	snprintf(nav.filter, sizeof nav.filter, "%s", "pump");
	nav.filter_editing = true;
	assert_true(nav.depth > 0);
	assert_true(kiosk_rotate(&k, &nav, T0 + 41000));
	assert_int_equal(nav.page, PAGE_WALL);
	assert_int_equal(nav.depth, 0);
	assert_string_equal(nav.filter, "");
	assert_false(nav.filter_editing);
	/* The quit question, unanswered a whole period, goes; the page holds
	 * one more period. */
	form_open_confirm_quit(&nav);
	assert_false(kiosk_rotate(&k, &nav, T0 + 45999));
	assert_true(kiosk_rotate(&k, &nav, T0 + 46000));
	assert_int_equal(nav.form.kind, NAV_FORM_NONE);
	assert_int_equal(nav.page, PAGE_WALL);
	assert_true(kiosk_rotate(&k, &nav, T0 + 51000));
	assert_int_equal(nav.page, PAGE_DOMAIN);
	display_cfg_free(&d);
}

static void test_unknown_pages(void **state)
{
	(void)state;
	const char *const bad[] = {"overview", "wall", "nowhere"};
	display_cfg_t d;
	display_with(&d, bad, 3);
	kiosk_t k;
	char *cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), -1);
	assert_non_null(strstr(cause, "/display/kiosk/pages/2: "));
	assert_non_null(strstr(cause, "\"nowhere\""));
	free(cause);
	display_cfg_free(&d);

	const char *const domain[] = {"domain:sewage"};
	display_with(&d, domain, 1);
	cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), -1);
	assert_non_null(strstr(cause, "/display/kiosk/pages/0: "));
	free(cause);
	display_cfg_free(&d);

	/* An item's page may not be there: refused. */
	const char *const item[] = {"kpis", "kpi:gdp"};
	display_with(&d, item, 2);
	cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), -1);
	assert_non_null(strstr(cause, "/display/kiosk/pages/1: "));
	assert_non_null(strstr(cause, "kpi:gdp"));
	free(cause);
	display_cfg_free(&d);
}

static void test_banner_raise_ack_expire(void **state)
{
	(void)state;
	display_cfg_t d;
	display_with(&d, NULL, 0);
	d.rotate_ms = 10000;
	d.banner_ms = 30000;
	kiosk_t k;
	char *cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), 0);
	nav_t nav = {0};
	kiosk_start(&k, &nav, T0);
	/* What stood at start is no news; then each arrival is. */
	assert_false(alarm_bell_due(&k.arrivals, 4, true, 0, T0));
	assert_false(alarm_bell_due(&k.arrivals, 4, true, 0, T0));
	assert_true(alarm_bell_due(&k.arrivals, 5, true, 0, T0));
	assert_false(alarm_bell_due(&k.arrivals, 5, true, 0, T0));

	kiosk_banner_raise(&k, &nav, "w.p1", "NEW\nPump 1\nJiangbei", T0 + 2000);
	assert_string_equal(nav.banner, "NEW\nPump 1\nJiangbei");
	/* It ends at banner_ms: the loop wakes for it. */
	assert_int_equal(kiosk_ms_until_due(&k, T0 + 2000), 8000);
	/* The rotation holds the page it interrupted. */
	assert_false(kiosk_rotate(&k, &nav, T0 + 10000));
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	assert_int_equal(kiosk_ms_until_due(&k, T0 + 19000), 1000);
	assert_false(kiosk_rotate(&k, &nav, T0 + 25000));
	assert_int_equal(kiosk_ms_until_due(&k, T0 + 30000), 2000);
	assert_false(kiosk_banner_check(&k, &nav, true, T0 + 31999));
	assert_string_equal(nav.banner, "NEW\nPump 1\nJiangbei");
	/* Time over: gone, and the page shows a whole period more. */
	assert_true(kiosk_banner_check(&k, &nav, true, T0 + 32000));
	assert_string_equal(nav.banner, "");
	assert_false(kiosk_rotate(&k, &nav, T0 + 41999));
	assert_true(kiosk_rotate(&k, &nav, T0 + 42000));
	assert_int_equal(nav.page, PAGE_WALL);

	/* Acknowledged: gone at once. */
	kiosk_banner_raise(&k, &nav, "w.p2", "NEW\nPump 2\nYubei", T0 + 50000);
	assert_false(kiosk_banner_check(&k, &nav, true, T0 + 50001));
	assert_true(kiosk_banner_check(&k, &nav, false, T0 + 50002));
	assert_string_equal(nav.banner, "");
	assert_false(kiosk_banner_check(&k, &nav, false, T0 + 50003));

	/* banner_ms 0: until acknowledged, however long. */
	k.banner_ms = 0;
	kiosk_banner_raise(&k, &nav, "w.p3", "NEW\nPump 3\nYubei", T0 + 60000);
	assert_false(kiosk_banner_check(&k, &nav, true, T0 + 86400000LL * 3));
	assert_true(kiosk_ms_until_due(&k, T0 + 60000) <= k.rotate_ms);
	assert_true(kiosk_banner_check(&k, &nav, false, T0 + 86400000LL * 3));
	display_cfg_free(&d);
}

/* ---- with an alarm engine ---- */

typedef struct scene {
	rig_t rig;
	view_t view;
	ui_ctx_t ctx;
} scene_t;

static void scene_eval(scene_t *s, int64_t now)
{
	rig_eval(&s->rig, now);
	view_update(&s->view, s->rig.st, s->rig.eng, now);
	s->ctx = (ui_ctx_t){.store = s->rig.st,
	                    .alarms = s->rig.eng,
	                    .view = &s->view,
	                    .now_ms = now,
	                    .clock_ms = now};
}

static void test_step_with_engine(void **state)
{
	(void)state;
	scene_t s;
	memset(&s, 0, sizeof s);
	rig_open(&s.rig);
	view_init(&s.view);
	/* A high alarm that stood at start: no banner for it. */
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 50, 0}, {"w.med", 50, 0}}, 3,
	         T0);
	scene_eval(&s, T0);
	display_cfg_t d;
	display_with(&d, NULL, 0);
	d.rotate_ms = 20000;
	d.banner_ms = 0;
	kiosk_t k;
	char *cause = NULL;
	assert_int_equal(kiosk_setup(&k, &d, &cause), 0);
	nav_t nav = {0};
	kiosk_start(&k, &nav, T0);
	assert_false(kiosk_step(&k, &nav, &s.ctx));
	assert_string_equal(nav.banner, "");

	/* A medium one: no banner. */
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 50, 0}, {"w.med", 85, 0}}, 3,
	         T0 + 1000);
	scene_eval(&s, T0 + 1000);
	kiosk_step(&k, &nav, &s.ctx);
	assert_string_equal(nav.banner, "");

	/* A new high one: its banner, naming it. */
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 5, 0}, {"w.med", 85, 0}}, 3,
	         T0 + 2000);
	scene_eval(&s, T0 + 2000);
	assert_true(kiosk_step(&k, &nav, &s.ctx));
	assert_non_null(strstr(nav.banner, "NEW HIGH-PRIORITY ALARM"));
	assert_non_null(strstr(nav.banner, "LOLO"));
	assert_non_null(strstr(nav.banner, "w.new"));
	assert_non_null(strstr(nav.banner, "+1 more unacknowledged"));
	assert_string_equal(k.banner_id, "w.new");

	/* It holds the rotation while unacknowledged (banner_ms 0). */
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 5, 0}, {"w.med", 85, 0}}, 3,
	         T0 + 60000);
	scene_eval(&s, T0 + 60000);
	kiosk_step(&k, &nav, &s.ctx);
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	assert_non_null(strstr(nav.banner, "w.new"));

	/* Acknowledged: it goes. */
	rig_ack(&s.rig, "w.new", T0 + 61000);
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 5, 0}, {"w.med", 85, 0}}, 3,
	         T0 + 61000);
	scene_eval(&s, T0 + 61000);
	assert_true(kiosk_step(&k, &nav, &s.ctx));
	assert_string_equal(nav.banner, "");
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	rig_poll(&s.rig, 0, (rig_put_t[]){{"w.old", 95, 0}, {"w.new", 5, 0}, {"w.med", 85, 0}}, 3,
	         T0 + 81000);
	scene_eval(&s, T0 + 81000);
	assert_true(kiosk_step(&k, &nav, &s.ctx));
	assert_int_equal(nav.page, PAGE_WALL);

	/* The banner across the frame: three rows on a big screen, one at 80x24. */
	kiosk_banner_raise(&k, &nav, "w.new", "NEW ALARM\nPump\nJiangbei", T0 + 82000);
	char *big = screen_text(&s.ctx, &nav, 160, 48, false);
	assert_non_null(strstr(big, "\n NEW ALARM\n"));
	assert_non_null(strstr(big, "\n Pump\n"));
	assert_non_null(strstr(big, "\n Jiangbei\n"));
	assert_null(strstr(big, "q quit")); /* no key hints on the wall */
	free(big);
	char *small = screen_text(&s.ctx, &nav, 80, 24, false);
	assert_non_null(strstr(small, "\n NEW ALARM \xe2\x94\x82 Pump \xe2\x94\x82 Jiangbei"));
	/* No key hints on the wall. */
	assert_null(strstr(small, "q quit"));
	free(small);
	assert_int_equal(banner_rows("", 50), 0);
	assert_int_equal(banner_rows("x", BANNER_TALL_BODY_ROWS), 3);
	assert_int_equal(banner_rows("x", BANNER_TALL_BODY_ROWS - 1), 1);

	display_cfg_free(&d);
	view_free(&s.view);
	rig_close(&s.rig);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_rotation),
	    cmocka_unit_test(test_order_and_timing),
	    cmocka_unit_test(test_unknown_pages),
	    cmocka_unit_test(test_banner_raise_ack_expire),
	    cmocka_unit_test(test_step_with_engine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
