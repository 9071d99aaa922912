/* find_rig: see find_rig.h. */
#include "find_rig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "filter.h"
#include "snapshot.h"
#include "vscreen.h"

void find_rig_open(find_rig_t *r, int rows, int cols)
{
	memset(r, 0, sizeof *r);
	r->st = store_create();
	store_add_source(r->st, "city", "http://127.0.0.1/", 1000, 60000);
	r->alarms = alarm_engine_create();
	alarm_engine_configure(r->alarms, NULL, NULL);
	view_init(&r->view);
	r->now = FIND_T0;
	r->vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(r->vs);
	frame_layout(&r->frame, rows, cols);
}

void find_rig_close(find_rig_t *r)
{
	frame_free(&r->frame);
	vscreen_close(r->vs);
	view_free(&r->view);
	alarm_engine_destroy(r->alarms);
	store_destroy(r->st);
}

void find_rig_poll(find_rig_t *r, int at_s, const find_put_t *puts, size_t n)
{
	int64_t at = FIND_T0 + at_s * 1000LL;
	r->now = at;
	store_begin_poll(r->st, 0, at);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = puts[i].id,
		    .name = puts[i].name ? puts[i].name : puts[i].id,
		    /* "p.…" is power, anything else water: two blocks when a
		     * test needs them (the overview shows only domains sent). */
		    .domain = strncmp(puts[i].id, "p.", 2) == 0 ? "power" : "water",
		    .district = puts[i].district,
		    .street = puts[i].street ? puts[i].street : "S",
		    .unit = "m",
		    .has_value = true,
		    .value = puts[i].value,
		    .has_ts = true,
		    .ts_ms = at,
		    .limits = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90},
		};
		store_put_reading(r->st, 0, &in, at);
	}
	store_end_poll(r->st, 0, &(poll_report_t){0}, at);
	alarm_engine_evaluate(r->alarms, r->st, at);
	view_update(&r->view, r->st, r->alarms, at);
	r->ctx = (ui_ctx_t){
	    .store = r->st, .alarms = r->alarms, .view = &r->view, .now_ms = at, .clock_ms = at};
}

char *find_rig_draw(find_rig_t *r, nav_t *nav)
{
	frame_draw(&r->frame, &r->ctx, nav);
	frame_stage(&r->frame);
	return snapshot_text(newscr, false);
}

const char *find_rig_selected(find_rig_t *r, nav_t *nav)
{
	assert_int_equal(nav->page, PAGE_DOMAIN);
	const domain_view_t *dv = &r->view.domains[nav->domain];
	filter_rows_t fr;
	filter_rows_readings(&fr, &r->ctx, nav->filter, dv->by_place, dv->total);
	assert_true(nav->selected >= 0 && (size_t)nav->selected < fr.count);
	const char *id = store_reading(r->st, fr.rows[nav->selected])->id;
	filter_rows_free(&fr);
	return id;
}
