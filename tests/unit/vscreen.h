/* vscreen: a virtual curses screen for widget tests, and golden-file checks.
 *
 * The screen is a real ncurses SCREEN on /dev/null with a fixed size, so
 * tests need neither a TTY nor TERM. Cells are read back with mvwin_wch. */
#ifndef CITYDASH_VSCREEN_H
#define CITYDASH_VSCREEN_H

#include <stdbool.h>
#include <curses.h>

typedef struct vscreen {
	SCREEN *scr;
	FILE *out, *in;
	WINDOW *win; /* rows x cols at (0, 0), filled with '.' so untouched cells show */
} vscreen_t;

/* Opens a screen of terminal type `term` (C.UTF-8 locale), inits the theme
 * with `color` and Unicode glyphs. Returns NULL on failure. Free with
 * vscreen_close. */
vscreen_t *vscreen_open(const char *term, int rows, int cols, bool color);
void vscreen_close(vscreen_t *vs);

/* The window as UTF-8 text, one line per row ending in "|\n" (so trailing
 * spaces are visible); a wide character is written once. Caller frees. */
char *vscreen_text(WINDOW *win);

/* The cell at (y, x): its first code point, attributes and colour pair;
 * the number of code points in the cell is returned. */
int vscreen_cell(WINDOW *win, int y, int x, wchar_t *wc0, attr_t *attr, short *pair);

/* Compares text with tests/golden/<name>.txt; with UPDATE_GOLDEN=1 in the
 * environment, writes it instead. Returns true on a match (or update). */
bool vscreen_golden(const char *name, const char *text);

#endif
