#include "panel.h"

#include <limits.h>

#include "../themes/theme.h"
#include "glyphs.h"
#include "text_draw.h"

/* The box is drawn with the wide ACS characters (WACS_*): Unicode box lines
 * in a UTF-8 locale; in ASCII mode plain '+', '-' and '|', since a terminal
 * reached with LANG=C may not honour its line-drawing set. Each part is
 * clipped to the window, so a box larger than the window loses its far
 * edges rather than wrapping. */

static void panel_put(WINDOW *win, int y, int x, const cchar_t *c, const char *plain, attr_t attr)
{
	if (y < 0 || x < 0 || y >= getmaxy(win) || x >= getmaxx(win))
		return;
	if (plain) {
		mvwaddch(win, y, x, (chtype)(unsigned char)plain[0] | attr);
		return;
	}
	cchar_t cc = *c;
	/* Keep the glyph's own attributes (A_ALTCHARSET outside UTF-8). */
	attr_t a;
	short pair;
	wchar_t wc[CCHARW_MAX + 1];
	if (getcchar(&cc, wc, &a, &pair, NULL) == ERR)
		return;
	if (setcchar(&cc, wc, (a & A_ALTCHARSET) | (attr & ~A_COLOR), (short)PAIR_NUMBER(attr),
	             NULL) == ERR)
		return;
	mvwadd_wch(win, y, x, &cc);
}

static void panel_hline(WINDOW *win, int y, int x, int n, attr_t attr)
{
	int end = getmaxx(win) - x; /* no work past the window's edge */
	for (int i = 0; i < n && i < end; i++)
		panel_put(win, y, x + i, WACS_HLINE, glyphs()->box_h, attr);
}

static void panel_vline(WINDOW *win, int y, int x, int n, attr_t attr)
{
	int end = getmaxy(win) - y;
	for (int i = 0; i < n && i < end; i++)
		panel_put(win, y + i, x, WACS_VLINE, glyphs()->box_v, attr);
}

/* " Title " in the top border after "┌─", cut to leave "─┐" at the end. */
static void panel_title(WINDOW *win, int y, int x, int w, const char *title, bool focused)
{
	int room = w - 4;
	if (title == NULL || title[0] == '\0' || room < 3)
		return;
	/* Focus shows in the title itself (reversed), readable without colour. */
	attr_t attr = theme_attr(focused ? ROLE_SELECTED : ROLE_TITLE);
	text_draw(win, y, x + 2, 1, " ", attr);
	int cols = text_draw(win, y, x + 3, room - 2, title, attr);
	if (cols > 0)
		text_draw(win, y, x + 3 + cols, 1, " ", attr);
}

void panel_draw(WINDOW *win, int y, int x, int h, int w, const char *title, bool focused)
{
	if (win == NULL || h < 2 || w < 2 || x > INT_MAX - w || y > INT_MAX - h)
		return;
	attr_t attr = theme_attr(focused ? ROLE_BORDER_FOCUS : ROLE_BORDER);
	panel_put(win, y, x, WACS_ULCORNER, glyphs()->box_corner, attr);
	panel_hline(win, y, x + 1, w - 2, attr);
	panel_put(win, y, x + w - 1, WACS_URCORNER, glyphs()->box_corner, attr);
	panel_vline(win, y + 1, x, h - 2, attr);
	panel_vline(win, y + 1, x + w - 1, h - 2, attr);
	panel_put(win, y + h - 1, x, WACS_LLCORNER, glyphs()->box_corner, attr);
	panel_hline(win, y + h - 1, x + 1, w - 2, attr);
	panel_put(win, y + h - 1, x + w - 1, WACS_LRCORNER, glyphs()->box_corner, attr);
	panel_title(win, y, x, w, title, focused);
}
