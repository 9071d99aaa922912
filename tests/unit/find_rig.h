/* find_rig: a store, alarms and a view filled by hand at fixed times, a
 * virtual 80x24 screen and a frame, for the finding-things-fast tests
 * (test_find.c, test_mouse.c). */
#ifndef CITYDASH_FIND_RIG_H
#define CITYDASH_FIND_RIG_H

#include "frame.h"

#define FIND_T0 1764057600000LL /* 2025-11-25T08:00:00Z */

typedef struct find_rig {
	store_t *st;
	alarm_engine_t *alarms;
	view_t view;
	ui_ctx_t ctx;
	int64_t now;
	struct vscreen *vs;
	frame_t frame;
} find_rig_t;

typedef struct find_put {
	const char *id, *name, *district, *street;
	double value;
} find_put_t;

void find_rig_open(find_rig_t *r, int rows, int cols);
void find_rig_close(find_rig_t *r);
/* One document at FIND_T0 + at_s seconds: these water readings (limits
 * 10/20/80/90), then alarms and view. */
void find_rig_poll(find_rig_t *r, int at_s, const find_put_t *puts, size_t n);
/* Draws the frame; returns the screen as text (the caller frees it). */
char *find_rig_draw(find_rig_t *r, nav_t *nav);
/* The id of the reading selected on the domain page (filtered rows). */
const char *find_rig_selected(find_rig_t *r, nav_t *nav);

#endif
