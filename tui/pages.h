/* pages: what fills the screen between the title line and the status bar.
 * Pages are a table of classes (draw + key), so adding a page (KPI board,
 * events, L1–L4 levels) is one more file and one more row. */
#ifndef CITYDASH_PAGES_H
#define CITYDASH_PAGES_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>

#include "alarm.h"
#include "keymap.h"
#include "store.h"
#include "view.h"

typedef enum page_id {
	PAGE_OVERVIEW,
	PAGE_DOMAIN,
	PAGE_ALARMS,
	PAGE_SOURCES,
	PAGE_HELP,
	PAGE_COUNT
} page_id_t;

/* What the pages read: all of it read-only. */
typedef struct ui_ctx {
	const store_t *store;
	const alarm_engine_t *alarms;
	const view_t *view;
	int64_t now_ms;   /* steady time of this frame: ages, staleness (clock_steady_ms) */
	int64_t clock_ms; /* the wall clock, only to be shown as the time of day */
} ui_ctx_t;

/* Where the operator is: the only state pages change. */
typedef struct nav {
	page_id_t page;
	page_id_t back;                   /* where Esc goes from help, sources or alarms */
	int focus;                        /* overview: focused block, 0..5 = domains */
	domain_t domain;                  /* domain page: which domain */
	int selected, scroll;             /* domain page: selected row, first row shown */
	int sources_scroll;               /* sources page: first source shown */
	int alarm_selected, alarm_scroll; /* alarms page */
	int body_rows, body_cols;         /* size of the last drawn body, for paging */
} nav_t;

typedef struct page_class {
	const char *title; /* N_() */
	void (*draw)(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav);
	/* Returns true if the page used the action. */
	bool (*key)(action_t action, const ui_ctx_t *ctx, nav_t *nav);
} page_class_t;

extern const page_class_t page_overview;
extern const page_class_t page_domain;
extern const page_class_t page_alarms;
extern const page_class_t page_alarms;
extern const page_class_t page_sources;
extern const page_class_t page_help;

const page_class_t *page_get(page_id_t id);
/* Help, sources and alarms: opened over another page, Esc goes back to it. */
bool page_is_overlay(page_id_t id);

#endif
