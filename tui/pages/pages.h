/* pages: what fills the screen between the title line and the status bar.
 * Pages are a table of classes (draw + key), so adding a page (KPI board,
 * events, L1–L4 levels) is one more file and one more row. */
#ifndef CITYDASH_PAGES_H
#define CITYDASH_PAGES_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>

#include "alarm.h"
#include "alarm_status.h"
#include "gov_view.h"
#include "keymap.h"
#include "scope.h"
#include "store.h"
#include "view.h"

typedef enum page_id {
	PAGE_OVERVIEW,
	PAGE_DOMAIN,
	PAGE_KPIS,    /* the KPI board */
	PAGE_KPI,     /* one KPI */
	PAGE_EVENTS,  /* the events board */
	PAGE_EVENT,   /* one event */
	PAGE_TIERS,   /* the scope's districts or streets (a street: its readings) */
	PAGE_READING, /* one reading (L4) */
	PAGE_SCOPE,   /* the scope picker */
	PAGE_ALARMS,
	PAGE_ALARM_LOG, /* the alarm history: the last transitions, who acted */
	PAGE_SOURCES,
	PAGE_HELP,
	PAGE_WALL, /* the headline figures in large digits, for the wall */
	PAGE_COUNT
} page_id_t;

/* What the pages read: all of it read-only. */
typedef struct ui_ctx {
	const store_t *store;
	const alarm_engine_t *alarms;
	const view_t *view;
	const gov_view_t *gov; /* KPI board, indices, events, tiers; its scope is
	                          the scope of everything drawn */
	int64_t now_ms;        /* steady time of this frame: ages, staleness (clock_steady_ms) */
	int64_t clock_ms;      /* the wall clock, only to be shown as the time of day */
	const alarm_status_t *alarm_status; /* journal and Alertmanager; NULL: none */
} ui_ctx_t;

/* An operator's action on alarms that a page asks for: the event loop
 * carries it out (session_alarm_act: journal first, fsync'd) and puts the
 * outcome in nav->message. Pages never change alarm state themselves. */
typedef enum nav_request_kind {
	NAV_REQ_NONE,
	NAV_REQ_ACK,      /* acknowledge `alarms` */
	NAV_REQ_SHELVE,   /* shelve `alarms` for duration_ms, with reason */
	NAV_REQ_UNSHELVE, /* unshelve `alarms` */
	NAV_REQ_QUIT,     /* the wall (--kiosk): quitting was confirmed */
} nav_request_kind_t;

typedef struct nav_request {
	nav_request_kind_t kind;
	char **alarms;      /* alarm ids, owned (nav_request_clear frees) */
	size_t count;
	int64_t duration_ms;
	char reason[JOURNAL_REASON_MAX + 1];
	uint64_t select_after; /* once done, the alarms page selects this alarm
	                          (nav_name_key of its id); 0: it stays */
} nav_request_t;

void nav_request_clear(nav_request_t *r);

/* A small modal form over the page (tui/form.h): the shelve form, the
 * confirmation of acknowledging every visible alarm. While one is open,
 * every key goes to it (form_key), not to the page. */
typedef enum nav_form_kind {
	NAV_FORM_NONE,
	NAV_FORM_SHELVE,
	NAV_FORM_CONFIRM_ACK_ALL,
	NAV_FORM_CONFIRM_QUIT, /* the wall (--kiosk): "Quit the wall display? y/n" */
} nav_form_kind_t;

#define NAV_FORM_TEXT_MAX 200 /* bytes of one text field */

typedef struct nav_form {
	nav_form_kind_t kind;
	int field;                              /* focused field */
	char duration[32];                      /* shelve: "2h", "30m", "1d" */
	char reason[NAV_FORM_TEXT_MAX + 1];     /* shelve: UTF-8, as typed */
	char error[128];                        /* what is wrong with the input */
	nav_request_t pending;                  /* what it will ask for when confirmed */
} nav_form_t;

/* Where Esc goes back to: a page, its scope and, for the domain page, its
 * domain and selection; for a detail page (KPI, event, reading), which item. */
typedef struct nav_place {
	page_id_t page;
	domain_t domain;
	int selected, scroll;
	uint64_t selected_serial;
	scope_t scope;
	uint64_t item_serial;
	size_t item_index;
} nav_place_t;

/* Deep enough for every path (each overlay is on the stack at most once);
 * when full, the oldest place is forgotten. */
#define NAV_BACK_MAX 8

/* Where the operator is: the only state pages change. A list's selection
 * is kept by identity: the selected reading's serial (reading_t.serial),
 * found again after every update (nav_find_row); the row number is only
 * where it was, so that when it vanished the nearest row is selected. */
#define NAV_FILTER_MAX 96 /* bytes of the text filter (UTF-8) */
#define NAV_BANNER_MAX 320 /* bytes of the wall's alarm banner */
#define NAV_HITS_MAX 160   /* rows a click can select, noted per frame */

typedef struct nav {
	page_id_t page;
	int focus;                        /* overview: focused block, 0..5 = domains */
	domain_t domain;                  /* domain page: which domain */
	int selected, scroll;             /* domain page: selected row, first row shown */
	uint64_t selected_serial;         /* domain page: the selected reading; 0: none */
	int sources_scroll;               /* sources page: first source shown */
	int help_scroll;                  /* help page: first content row shown */
	int alarm_selected, alarm_scroll; /* alarms page */
	uint64_t alarm_serial;            /* alarms page: hash of the selected alarm's id
	                                     (nav_name_key) */
	int alarm_tab;                    /* alarms page: view_alarm_list_t shown */
	int alarm_source;                 /* alarms page, Suppressed tab: only the alarms
	                                     under this source's communications alarm
	                                     (source index + 1); 0: all */
	nav_form_t form;                  /* a modal form, if open */
	nav_request_t request;            /* an action for the event loop, if any */
	/* The outcome of the last action, shown on the status line for a while:
	 * "Acknowledged water.jb.p1" or why it failed. */
	char message[200];
	bool message_error;
	int64_t message_ms;               /* steady time it was set; 0: none */
	int body_rows, body_cols;         /* size of the last drawn body, for paging */
	/* The scope the operator chose (--scope, the picker, a tier drill-down):
	 * the session follows it, and the gov view says when it has. */
	scope_t scope;
	/* One list's place: selection kept by identity (serial), row and scroll
	 * where they were. */
	struct nav_list {
		int selected, scroll;
		uint64_t serial;
	} kpis, events, tiers, picker, alarm_log; /* alarm_log: the alarm history page */
	/* Scope picker: the district whose streets it lists ("": the districts). */
	char picker_district[SCOPE_NAME_MAX + 1];
	/* KPI board: folded categories, by a hash of their name. */
	uint32_t kpi_folded[64];
	int kpi_folded_count;
	/* Detail pages: the item shown (store index and serial), and scroll. */
	struct nav_item {
		size_t index;
		uint64_t serial;
		int scroll;
	} kpi, event, reading;
	nav_place_t back[NAV_BACK_MAX]; /* the back stack: back[depth - 1] is next */
	int depth;
	/* Finding things (tui/filter.h): the current page's text filter, UTF-8,
	 * sanitized as typed; "": none. While `filter_editing`, keys go to the
	 * filter's prompt. */
	char filter[NAV_FILTER_MAX + 1];
	bool filter_editing;
	/* Set by the page while it draws: the steady time (clock_steady_ms) at
	 * which the oldest data it shows was received; 0: it shows none. The
	 * status bar says how old that is. */
	int64_t oldest_shown_ms;
	/* Where the page drew what a click can select (tui/mouse.h): each a
	 * screen rectangle and the list row (overview: the block) it holds;
	 * `selected` the row selected then (-1: none). The frame empties it
	 * before the page draws; pages add to it with mouse_note_row. */
	struct nav_hits {
		int count, selected;
		struct nav_hit {
			short y0, y1, x0, x1; /* screen cells, inclusive */
			int row;
		} at[NAV_HITS_MAX];
	} hits;
	/* The wall display (--kiosk, tui/kiosk.h): no key bar, q asks first. */
	bool kiosk;
	/* A new high-priority alarm's banner across the top of the body
	 * (tui/kiosk.h sets it, the frame draws it); "": none. */
	char banner[NAV_BANNER_MAX + 1];
} nav_t;

typedef struct page_class {
	const char *title; /* N_() */
	void (*draw)(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav);
	/* Returns true if the page used the action. */
	bool (*key)(action_t action, const ui_ctx_t *ctx, nav_t *nav);
} page_class_t;

extern const page_class_t page_overview;
extern const page_class_t page_domain;
extern const page_class_t page_kpis;
extern const page_class_t page_kpi;
extern const page_class_t page_events;
extern const page_class_t page_event;
extern const page_class_t page_tiers;
extern const page_class_t page_reading;
extern const page_class_t page_scope;
extern const page_class_t page_alarms;
extern const page_class_t page_alarm_log;
extern const page_class_t page_sources;
extern const page_class_t page_help;
extern const page_class_t page_wall;

const page_class_t *page_get(page_id_t id);
/* Help, sources, alarms, the alarm history and the scope picker: opened
 * over another page,
 * closed by their own key as by Esc. */
bool page_is_overlay(page_id_t id);
/* Overview, KPI board, events board, tier page and wall: the top-level pages,
 * reached by their own keys; going to one forgets the back stack (the
 * scope stays). */
bool page_is_top(page_id_t id);
/* Opens the detail page of a reading / KPI / event (pushes the current
 * place, as Enter does). */
void nav_open_reading(nav_t *nav, const store_t *st, size_t reading);
void nav_open_kpi(nav_t *nav, gov_ref_t ref);
void nav_open_event(nav_t *nav, gov_ref_t ref);
/* Goes one tier down into `name` (a district of the city, a street of a
 * district) on the tier page, remembering the current place for Backspace. */
void nav_scope_down(nav_t *nav, const char *name);

/* Applies one action: Esc goes back, the overlay keys open or close their
 * page, anything else goes to the current page. Returns true if used. */
bool nav_key(action_t act, const ui_ctx_t *ctx, nav_t *nav);
/* Goes to `page`, remembering the current place for Esc; if `page` is an
 * overlay already on the back stack, goes back to it instead. */
void nav_open(nav_t *nav, page_id_t page);
/* Back to the last remembered place, or to the overview. */
void nav_back(nav_t *nav);
/* The event loop is through with nav->request: carried out (`done`) or
 * refused. Done, the selection it asked for (select_after) is made; then
 * the request is cleared. */
void nav_request_done(nav_t *nav, bool done);

/* The row of a list of `total` store indices (row_reading gives the one at
 * a row) that holds the reading `*serial`; if it is gone (or *serial is 0),
 * `row` clamped to the list. *serial is set to the reading at the row
 * returned (unchanged when the list is empty). */
typedef size_t (*nav_row_reading_fn)(const void *list, size_t row);
int nav_find_row(const store_t *st, const void *list, nav_row_reading_fn row_reading, int total,
                 int row, uint64_t *serial);
/* Moves a list's selection by one of the movement actions (up, down, page
 * up/down — which also scroll by `page` — home, end), clamped to `total`
 * rows. Returns false, changing nothing, for any other action. */
bool nav_list_move(struct nav_list *l, action_t act, int total, int page);
/* A row's identity when it has no serial (a district, a street): FNV-1a of
 * its name, never 0. */
uint64_t nav_name_key(const char *name);

/* The serial of the reading at store index `reading` (0 for a free slot). */
uint64_t nav_serial(const store_t *st, size_t reading);

#endif
