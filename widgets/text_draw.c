/* wcwidth() is an X/Open interface (ncursesw's pkg-config flags usually ask for it). */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "text_draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "text_ascii.h"
#include "glyphs.h"

static void td_put(WINDOW *win, int y, int x, const wchar_t *wc, attr_t attr)
{
	cchar_t cc;
	if (setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == OK)
		mvwadd_wch(win, y, x, &cc);
}

static void td_put_repeat(WINDOW *win, int y, int x, wchar_t ch, int cols, attr_t attr)
{
	const wchar_t wc[2] = {ch, L'\0'};
	for (int i = 0; i < cols; i++)
		td_put(win, y, x + i, wc, attr);
}

static bool td_drawable(wchar_t ch, int cols)
{
	if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
		return false;
	if (ch < 0x7f)
		return true;
	/* curses places characters by the C library's widths; where those
	 * disagree with ours (Unicode tables), draw placeholders so that
	 * nothing after this character shifts or overflows. */
	return wcwidth(ch) == cols;
}

static void td_cell_draw(WINDOW *win, int y, int x, const text_cell_t *c, attr_t attr)
{
	wchar_t wc[CCHARW_MAX + 1];
	int n = c->n < CCHARW_MAX ? c->n : CCHARW_MAX;
	for (int i = 0; i < n; i++)
		wc[i] = (wchar_t)c->cp[i];
	wc[n] = L'\0';
	if (!td_drawable(wc[0], c->cols)) {
		td_put_repeat(win, y, x, L'?', c->cols, attr);
		return;
	}
	cchar_t cc;
	if (setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == ERR) {
		wc[1] = L'\0'; /* curses refused a mark: keep the character */
		if (setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL) == ERR)
			return;
	}
	mvwadd_wch(win, y, x, &cc);
}

/* Draws s[0..len) (whole clusters that the caller checked fit); returns the columns used. */
static int td_run(WINDOW *win, int y, int x, const char *s, size_t len, attr_t attr)
{
	text_iter_t it = {.s = s};
	text_cell_t c;
	size_t pos = 0, used;
	int col = 0;
	while (pos < len && (used = text_iter_next(&it, &c)) > 0) {
		pos += used;
		if (c.n == 0)
			continue;
		td_cell_draw(win, y, x + col, &c, attr);
		col += c.cols;
	}
	return col;
}

/* The columns available from (y, x): maxcols clipped to the window; 0 if outside. */
static int td_room(WINDOW *win, int y, int x, int maxcols)
{
	if (win == NULL || maxcols <= 0 || y < 0 || x < 0 || y >= getmaxy(win) || x >= getmaxx(win))
		return 0;
	int room = getmaxx(win) - x;
	return maxcols < room ? maxcols : room;
}

/* s as this terminal is sent it: in ASCII mode spelled in ASCII, in a
 * string *owned that the caller frees; otherwise s itself. */
static const char *td_shown(const char *s, char **owned)
{
	*owned = NULL;
	if (!glyphs()->ascii || text_is_ascii(s))
		return s;
	return *owned = text_ascii(s);
}

/* text_draw on text already in the form the terminal is sent. */
static int td_draw_shown(WINDOW *win, int y, int x, int room, const char *s, attr_t attr)
{
	if (text_width(s) <= room)
		return td_run(win, y, x, s, strlen(s), attr);

	/* Cut: the prefix, a space for a wide character that would straddle the
	 * cut, and the ellipsis in the last column. */
	int cols = 0;
	size_t len = text_prefix_for_width(s, room - 1, &cols);
	cols = td_run(win, y, x, s, len, attr);
	text_fill(win, y, x + cols, room - 1 - cols, attr);
	const char *ell = glyphs()->ellipsis;
	td_run(win, y, x + room - 1, ell, strlen(ell), attr);
	return room;
}

int text_draw(WINDOW *win, int y, int x, int maxcols, const char *s, attr_t attr)
{
	int room = td_room(win, y, x, maxcols);
	if (room == 0 || s == NULL)
		return 0;
	char *owned;
	int cols = td_draw_shown(win, y, x, room, td_shown(s, &owned), attr);
	free(owned);
	return cols;
}

int text_draw_right(WINDOW *win, int y, int x, int maxcols, const char *s, attr_t attr)
{
	int room = td_room(win, y, x, maxcols);
	if (room == 0 || s == NULL)
		return 0;
	char *owned;
	const char *shown = td_shown(s, &owned);
	int w = text_width(shown);
	int cols = w >= room ? td_draw_shown(win, y, x, room, shown, attr)
	                     : td_draw_shown(win, y, x + room - w, w, shown, attr);
	free(owned);
	return cols;
}

int text_draw_width(const char *s)
{
	char *owned;
	int w = text_width(td_shown(s, &owned));
	free(owned);
	return w;
}

void text_fill(WINDOW *win, int y, int x, int cols, attr_t attr)
{
	int room = td_room(win, y, x, cols);
	td_put_repeat(win, y, x, L' ', room, attr);
}
