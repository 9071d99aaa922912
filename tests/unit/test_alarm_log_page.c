/* The alarm history page (H) over the real engine's transition log: newest
 * first, from → to with glyph and tag, who and why when an operator acted;
 * it scrolls; --page alarm-log names it; H opens and closes it. Golden
 * files: UPDATE_GOLDEN=1 rewrites them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_rig.h"
#include "page_names.h"
#include "screen_text.h"

#define T0 1764057600000LL /* 2025-11-25T08:00:00Z */

typedef struct scene {
	rig_t rig;
	view_t view;
	ui_ctx_t ctx;
} scene_t;

static void step(scene_t *s, const char *id, double value, int64_t now)
{
	rig_step(&s->rig, id, value, now);
	view_update(&s->view, s->rig.st, s->rig.eng, now);
	s->ctx = (ui_ctx_t){.store = s->rig.st,
	                    .alarms = s->rig.eng,
	                    .view = &s->view,
	                    .now_ms = now,
	                    .clock_ms = now};
}

/* p.1: NORM → UNACK → ACKED (ana, "seen") → NORM; p.2: → UNACK → SHLVD
 * (ana, "valve swap"). */
static void scene_open(scene_t *s)
{
	memset(s, 0, sizeof *s);
	rig_open(&s->rig);
	view_init(&s->view);
	step(s, "p.1", 95, T0);
	rig_ack(&s->rig, "p.1", T0 + 1000);
	step(s, "p.1", 95, T0 + 1000);
	step(s, "p.2", 5, T0 + 2000);
	rig_shelve(&s->rig, "p.2", T0 + 3000, T0 + 3600 * 1000, "valve swap");
	step(s, "p.2", 5, T0 + 3000);
	step(s, "p.1", 50, T0 + 4000);
}

static void scene_close(scene_t *s)
{
	view_free(&s->view);
	rig_close(&s->rig);
}

static const char *line_with(const char *text, const char *what, char *buf, size_t size)
{
	const char *at = strstr(text, what);
	if (!at)
		return NULL;
	const char *start = at;
	while (start > text && start[-1] != '\n')
		start--;
	const char *end = strchr(at, '\n');
	snprintf(buf, size, "%.*s", (int)(end ? end - start : (long)strlen(start)), start);
	return buf;
}

static void test_rows_newest_first(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	const alarm_log_t *log = alarm_engine_log(s.rig.eng);
	assert_true(alarm_log_count(log) >= 5);
	nav_t nav = {.page = PAGE_ALARM_LOG};
	assert_true(screen_golden(&s.ctx, &nav, 80, 24, false, "alarms_log_80x24"));
	assert_true(screen_golden(&s.ctx, &nav, 160, 48, false, "alarms_log_160x48"));
	char *text = screen_text(&s.ctx, &nav, 160, 48, false);
	char row[1024];
	assert_non_null(line_with(text, "▲ UNACK → ✔ ACKED", row, sizeof row));
	assert_non_null(strstr(row, "p.1"));
	assert_non_null(strstr(row, ": seen"));
	assert_non_null(line_with(text, "→ ⏸ SHLVD", row, sizeof row));
	assert_non_null(strstr(row, "p.2"));
	assert_non_null(strstr(row, "valve swap"));
	/* Newest first: p.1 back to normal (08:00:04) above its ack (08:00:01). */
	const char *clear = strstr(text, "✔ ACKED → · NORM");
	const char *ack = strstr(text, "▲ UNACK → ✔ ACKED");
	assert_non_null(clear);
	assert_true(clear < ack);
	free(text);
	text = screen_text(&s.ctx, &nav, 80, 24, true);
	assert_non_null(strstr(text, "! UNACK -> + ACKED"));
	free(text);
	scene_close(&s);
}

/* More transitions than rows: it scrolls, and says where it is. */
static void test_scrolls(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	int64_t t = T0 + 10000;
	for (int i = 0; i < 30; i++, t += 1000) /* ANY activations: UNACK <-> RTNUN */
		step(&s, "p.3", i % 2 ? 50 : 95, t);
	nav_t nav = {.page = PAGE_ALARM_LOG};
	char *text = screen_text(&s.ctx, &nav, 80, 24, false);
	size_t total = alarm_log_count(alarm_engine_log(s.rig.eng));
	if (getenv("LOG_DEBUG"))
		fprintf(stderr, "%s", text);
	/* 15 activations in a minute, the first standing (no arrival): a flood,
	 * its banner takes a line. */
	assert_non_null(strstr(text, "ALARM FLOOD: 14 alarms in 10 min since 08:00:32"));
	char pos[64];
	snprintf(pos, sizeof pos, " 1-18/%zu ", total); /* the key bar takes a row */
	assert_non_null(strstr(text, pos));
	free(text);
	nav_key(ACT_END, &s.ctx, &nav);
	text = screen_text(&s.ctx, &nav, 80, 24, false);
	snprintf(pos, sizeof pos, " %zu-%zu/%zu ", total - 17, total, total);
	assert_non_null(strstr(text, pos));
	assert_non_null(strstr(text, "· NORM  → ▲ UNACK")); /* the oldest: p.1's first */
	free(text);
	scene_close(&s);
}

static void test_key_and_name(void **state)
{
	(void)state;
	scene_t s;
	scene_open(&s);
	nav_t nav = {.page = PAGE_OVERVIEW};
	nav_key(ACT_ALARM_LOG, &s.ctx, &nav);
	assert_int_equal(nav.page, PAGE_ALARM_LOG);
	nav_key(ACT_ALARM_LOG, &s.ctx, &nav); /* its own key closes it */
	assert_int_equal(nav.page, PAGE_OVERVIEW);
	page_request_t req;
	char *cause = NULL;
	assert_int_equal(page_name_parse(&req, "alarm-log", &cause), 0);
	assert_int_equal(req.page, PAGE_ALARM_LOG);
	scene_close(&s);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rows_newest_first),
	    cmocka_unit_test(test_scrolls),
	    cmocka_unit_test(test_key_and_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
