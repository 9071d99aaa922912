/* event_row: one open event on one line of the events board — severity,
 * title, place, owning tier (and the way it was handed up), stage on the
 * closed loop, plan steps, departments, age, deadline — laid out for the
 * width there is: columns are dropped by priority (severity, deadline,
 * title, stage and age stay longest) and widen where there is room. */
#ifndef CITYDASH_EVENT_ROW_H
#define CITYDASH_EVENT_ROW_H

#include <stdbool.h>
#include <stdint.h>
#include <curses.h>

#include "store.h"

/* Widths of the columns shown (0: dropped); computed once per frame for
 * every row (event_row_layout), so the rows line up. */
typedef struct event_row_layout {
	int severity, title, place, tier, stage, steps, depts, age, deadline;
	bool depts_named;    /* "水务● 城管◐" rather than "1/2 depts" */
	int stage_form;      /* stage_bar_form_t */
	bool severity_short; /* the short word ("红色"), not the whole ("红色·特别重大") */
} event_row_layout_t;

/* What the layout must make room for: the widest cell of the rows. */
typedef struct event_row_need {
	int title, place, tier, depts_named;
} event_row_need_t;

/* Widens `need` to hold event e's cells. */
void event_row_measure(event_row_need_t *need, const event_t *e);
/* The columns for rows of `width` columns. */
void event_row_layout(event_row_layout_t *lay, int width, const event_row_need_t *need);

/* The column titles. */
void event_row_header(WINDOW *win, int y, int x, const event_row_layout_t *lay);
/* Event e as one row at (y, x); clock_ms is the wall clock (age, deadline). */
void event_row_draw(WINDOW *win, int y, int x, const event_row_layout_t *lay, const event_t *e,
                    int64_t clock_ms, bool selected);

#endif
