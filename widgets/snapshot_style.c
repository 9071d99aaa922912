/* snapshot_style: the grid of snapshot_grid plus every cell's colours and
 * attributes, as a run-length map per row and a legend resolving each
 * class to colour numbers (snapshot.h). For golden screens of themes. */
#include "snapshot.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "theme_color.h"
#include "xalloc.h"

/* The attributes a class names, with their letter and legend word; the
 * colour bits and A_ALTCHARSET (a glyph, already in the text) are not
 * styles. */
static const struct {
	attr_t attr;
	char letter;
	const char *word;
} style_attrs[] = {
    {A_BOLD, 'B', "bold"},         {A_DIM, 'D', "dim"},       {A_REVERSE, 'R', "reverse"},
    {A_UNDERLINE, 'U', "underline"}, {A_STANDOUT, 'S', "standout"}, {A_BLINK, 'K', "blink"},
    {A_ITALIC, 'I', "italic"},     {A_INVIS, 'V', "invisible"},
};
#define STYLE_ATTR_COUNT (sizeof style_attrs / sizeof style_attrs[0])

/* Appends a short formatted piece (every piece here is well under the
 * buffer: numbers, letters, one legend word). */
static void put(strbuf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(strbuf_t *b, const char *fmt, ...)
{
	char piece[96];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(piece, sizeof piece, fmt, ap);
	va_end(ap);
	if (n > 0)
		strbuf_put(b, piece, (size_t)n < sizeof piece ? (size_t)n : sizeof piece - 1);
}

typedef struct style {
	int pair;
	attr_t attrs; /* only those of style_attrs */
} style_t;

static style_t cell_style(WINDOW *win, int y, int x)
{
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1] = {0};
	attr_t attrs = 0;
	short pair = 0;
	style_t s = {0, 0};
	if (mvwin_wch(win, y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
		return s;
	s.pair = pair;
	for (size_t i = 0; i < STYLE_ATTR_COUNT; i++)
		if ((attrs & style_attrs[i].attr) == style_attrs[i].attr)
			s.attrs |= style_attrs[i].attr;
	return s;
}

static bool style_equal(style_t a, style_t b)
{
	return a.pair == b.pair && a.attrs == b.attrs;
}

static void put_class(strbuf_t *b, style_t s)
{
	put(b, "%d", s.pair);
	for (size_t i = 0; i < STYLE_ATTR_COUNT; i++)
		if (s.attrs & style_attrs[i].attr)
			put(b, "%c", style_attrs[i].letter);
}

/* A colour as the legend names it: "default" for -1 (the terminal's own);
 * on a truecolor terminal (COLORS past 256, where 8 and up are packed RGB)
 * #rrggbb; else its number, and for 16..255 the RGB of the xterm 256-colour
 * palette that terminals of that kind show (6×6×6 cube, then 24 greys):
 * curses's own colour_content would give its guesses, not the palette. */
static void put_colour(strbuf_t *b, int colour)
{
	if (colour < 0) {
		put(b, "default");
		return;
	}
	if (COLORS > 256 && colour >= 8) {
		put(b, "#%06x", (unsigned)colour & 0xffffffu);
		return;
	}
	put(b, "%d", colour);
	if (colour >= 16 && colour < 256)
		put(b, " #%06x", (unsigned)theme_index_rgb(colour));
}

static void put_legend_line(strbuf_t *b, style_t s)
{
	put_class(b, s);
	put(b, ": ");
	int fg = -1, bg = -1;
	if (s.pair == 0 || extended_pair_content(s.pair, &fg, &bg) != OK)
		fg = bg = -1; /* pair 0: the terminal's own colours */
	put(b, "fg ");
	put_colour(b, fg);
	put(b, " on bg ");
	put_colour(b, bg);
	for (size_t i = 0; i < STYLE_ATTR_COUNT; i++)
		if (s.attrs & style_attrs[i].attr)
			put(b, ", %s", style_attrs[i].word);
	put(b, "\n");
}

static int style_order(const void *pa, const void *pb)
{
	const style_t *a = pa, *b = pb;
	if (a->pair != b->pair)
		return a->pair < b->pair ? -1 : 1;
	return a->attrs < b->attrs ? -1 : a->attrs > b->attrs;
}

char *snapshot_styled(WINDOW *win, bool ascii)
{
	int rows, cols;
	getmaxyx(win, rows, cols);
	char *grid = snapshot_grid_faces(win, ascii);
	strbuf_t b = {0};
	strbuf_put(&b, grid, strlen(grid));
	free(grid);
	put(&b, "-- styles (row: CLASS*COLUMNS ...)\n");
	style_t *seen = NULL;
	size_t seen_count = 0, seen_cap = 0;
	for (int y = 0; y < rows; y++) {
		put(&b, "%2d:", y);
		int x = 0;
		while (x < cols) {
			style_t s = cell_style(win, y, x);
			int run = 1;
			while (x + run < cols && style_equal(cell_style(win, y, x + run), s))
				run++;
			put(&b, " ");
			put_class(&b, s);
			put(&b, "*%d", run);
			x += run;
			size_t i = 0;
			while (i < seen_count && !style_equal(seen[i], s))
				i++;
			if (i == seen_count) {
				if (seen_count == seen_cap)
					seen = xreallocarray(seen, seen_cap = seen_cap ? 2 * seen_cap : 16,
					                     sizeof *seen);
				seen[seen_count++] = s;
			}
		}
		put(&b, "\n");
	}
	put(&b, "-- legend (CLASS: colours and attributes as the terminal gets them)\n");
	if (seen_count > 0)
		qsort(seen, seen_count, sizeof *seen, style_order);
	for (size_t i = 0; i < seen_count; i++)
		put_legend_line(&b, seen[i]);
	free(seen);
	return b.data;
}
