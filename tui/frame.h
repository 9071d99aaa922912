/* frame: the parts of the screen around the page — the title line at the top
 * and the source status bar at the bottom — and the whole-frame draw: while
 * an alarm flood lasts, a banner under the title on every page; over the
 * page, an open form (form.h). */
#ifndef CITYDASH_FRAME_H
#define CITYDASH_FRAME_H

#include <curses.h>

#include "pages.h"

/* The smallest screen citydash draws on; below it, a notice. */
#define FRAME_MIN_COLS 80
#define FRAME_MIN_ROWS 24

typedef struct frame {
	WINDOW *title, *body, *status; /* NULL when the screen is too small */
	WINDOW *under_banner; /* the body below its first under_top rows, while
	                         the flood line and the alarm banner (banner.h)
	                         take them (a subwindow of body) */
	int under_top;
	WINDOW *keybar;       /* the key bar above the status bar (keybar.h); NULL
	                         on the wall (nav.kiosk), where the body takes its row */
	bool no_keybar;       /* laid out without it: frame_draw follows nav.kiosk */
	int rows, cols;
} frame_t;

/* (Re)creates the windows for a screen of rows × cols. */
void frame_layout(frame_t *f, int rows, int cols);
void frame_free(frame_t *f);

/* Draws everything into the windows (no refresh), or the too-small notice
 * onto stdscr. */
void frame_draw(frame_t *f, const ui_ctx_t *ctx, nav_t *nav);

/* Copies the windows to the virtual screen (wnoutrefresh each); the caller
 * calls doupdate() once. */
void frame_stage(frame_t *f);

#endif
