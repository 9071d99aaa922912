/* filter: the current page's text filter (/, n, N) — which rows of a list
 * match what the operator typed, and the prompt that edits it.
 *
 * Matching: the filter is split into words at spaces; a row matches when
 * every word is found in one of its fields (name, id, place: district,
 * street). Both sides are case-folded by utf8proc (Unicode simple and full
 * case folding), so "JB" finds "jb" and "STRASSE" finds "Straße"; Chinese
 * has no case and matches as typed. An empty filter matches everything.
 *
 * Owned by the "finding things fast" work: pages call the row helpers
 * (filter_reading, filter_alarm, ...) where they build their lists; the
 * event loop hands keys to filter_key while nav.filter_editing. */
#ifndef CITYDASH_FILTER_H
#define CITYDASH_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "pages.h"

/* ---- matching (filter.c) ---- */

/* True if every word of `filter` is in one of fields[0..n) (NULL fields
 * are skipped). */
bool filter_fields(const char *filter, const char *const *fields, int n);
/* One field. */
bool filter_text(const char *filter, const char *text);

/* The row kinds: true if the row matches (always, with an empty filter). */
/* A reading by store index: its name, id, district, street and domain. */
bool filter_reading(const ui_ctx_t *ctx, const char *filter, size_t reading);
/* An alarm: its id, and its reading's fields (a limit or fault alarm) or
 * its source's name (a communications alarm). */
bool filter_alarm(const ui_ctx_t *ctx, const char *filter, const alarm_info_t *a);
/* A KPI: its name, id, category, district and street. */
bool filter_kpi(const char *filter, const kpi_t *k);
/* An event: its title, id, type, category, district and street. */
bool filter_event(const char *filter, const event_t *e);
/* A source by index: its name and url. */
bool filter_source(const ui_ctx_t *ctx, const char *filter, int source);

/* A list of store indices of readings, narrowed to the matching ones.
 * `rows` is the list itself when the filter is empty (nothing copied), else
 * `owned`, which filter_rows_free frees. */
typedef struct filter_rows {
	const size_t *rows;
	size_t count; /* rows shown */
	size_t total; /* rows before the filter */
	size_t *owned;
} filter_rows_t;

void filter_rows_readings(filter_rows_t *fr, const ui_ctx_t *ctx, const char *filter,
                          const size_t *list, size_t n);
void filter_rows_free(filter_rows_t *fr);

/* The same for a list of gov view references to events (gov_event). */
typedef struct filter_refs {
	const gov_ref_t *refs;
	size_t count, total;
	gov_ref_t *owned;
} filter_refs_t;

void filter_refs_events(filter_refs_t *fr, const store_t *st, const char *filter,
                        const gov_ref_t *list, size_t n);
void filter_refs_free(filter_refs_t *fr);

/* " (3 of 120 match)" (after a title) while a filter is set; "" without.
 * Written into buf (always terminated). */
void filter_title_note(const nav_t *nav, size_t shown, size_t total, char *buf, size_t size);

/* ---- the prompt and the keys (filter_prompt.c) ---- */

/* True on the pages that filter their list (the key bar offers /, and /
 * opens the prompt there; elsewhere it says there is no list). */
bool filter_page_has_list(page_id_t page);
/* The actions the filter owns: / opens the prompt, n and N step through
 * the matches (wrapping), Esc on a filtered list clears the filter. Returns
 * true if it used `act`; called by nav_key before the page. */
bool filter_action(action_t act, const ui_ctx_t *ctx, nav_t *nav);
/* One key while nav.filter_editing: text narrows as typed, Backspace
 * deletes a character, Ctrl-U the whole text, Enter keeps the filter, Esc
 * clears it; both close the prompt. Returns false for keys it leaves to the
 * page (arrows, PgUp/PgDn, the mouse): they move in the narrowed list. */
bool filter_key(nav_t *nav, wint_t ch, bool code);
/* The prompt in one row of `win` from x, w columns: "Filter: text▏". */
void filter_draw_prompt(WINDOW *win, int y, int x, int w, const nav_t *nav);

#endif
