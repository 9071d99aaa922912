/* bigdigits: see bigdigits.h. Two fonts, each a table of glyphs written as
 * rows of cells: the three-row font in half blocks ('#' "█", '^' "▀",
 * '_' "▄") or, in ASCII, as written; the pixel font on a 3×5 grid ('#' on),
 * scaled. Reverse video is taken off the attribute: a reversed "█" would
 * read as a hole, and the shape is what carries the figure. */
#include "bigdigits.h"

#include <string.h>

#include "glyphs.h"
#include "text_draw.h"

#define SMALL_ROWS 3
#define PIXEL_ROWS 5
#define PIXEL_SCALE_MAX 8 /* 40 rows: more than any terminal wall needs */

typedef struct glyph3 {
	char c;
	const char *rows[SMALL_ROWS];
} glyph3_t;

typedef struct glyph5 {
	char c;
	const char *rows[PIXEL_ROWS];
} glyph5_t;

static const glyph3_t small_unicode[] = {
    {'0', {"#^#", "# #", "^^^"}}, {'1', {"^# ", " # ", "^^^"}}, {'2', {"^^#", "#^^", "^^^"}},
    {'3', {"^^#", " ^#", "^^^"}}, {'4', {"# #", "^^#", "  ^"}}, {'5', {"#^^", "^^#", "^^^"}},
    {'6', {"#^^", "#^#", "^^^"}}, {'7', {"^^#", "  #", "  ^"}}, {'8', {"#^#", "#^#", "^^^"}},
    {'9', {"#^#", "^^#", "^^^"}}, {'.', {" ", " ", "^"}},       {'-', {"   ", "^^^", "   "}},
    {'+', {" _ ", "^#^", "   "}}, {' ', {" ", " ", " "}},
};

static const glyph3_t small_ascii[] = {
    {'0', {" _ ", "| |", "|_|"}}, {'1', {"   ", "  |", "  |"}}, {'2', {" _ ", " _|", "|_ "}},
    {'3', {" _ ", " _|", " _|"}}, {'4', {"   ", "|_|", "  |"}}, {'5', {" _ ", "|_ ", " _|"}},
    {'6', {" _ ", "|_ ", "|_|"}}, {'7', {" _ ", "  |", "  |"}}, {'8', {" _ ", "|_|", "|_|"}},
    {'9', {" _ ", "|_|", " _|"}}, {'.', {" ", " ", "."}},       {'-', {"   ", " _ ", "   "}},
    {'+', {"   ", "_|_", " | "}}, {' ', {" ", " ", " "}},
};

static const glyph5_t pixel_font[] = {
    {'0', {"###", "# #", "# #", "# #", "###"}}, {'1', {" # ", "## ", " # ", " # ", "###"}},
    {'2', {"###", "  #", "###", "#  ", "###"}}, {'3', {"###", "  #", " ##", "  #", "###"}},
    {'4', {"# #", "# #", "###", "  #", "  #"}}, {'5', {"###", "#  ", "###", "  #", "###"}},
    {'6', {"###", "#  ", "###", "# #", "###"}}, {'7', {"###", "  #", "  #", "  #", "  #"}},
    {'8', {"###", "# #", "###", "# #", "###"}}, {'9', {"###", "# #", "###", "  #", "###"}},
    {'.', {" ", " ", " ", " ", "#"}},           {'-', {"   ", "   ", "###", "   ", "   "}},
    {'+', {"   ", " # ", "###", " # ", "   "}}, {' ', {" ", " ", " ", " ", " "}},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const glyph3_t *small_glyph(char c)
{
	bool ascii = glyphs()->ascii;
	const glyph3_t *font = ascii ? small_ascii : small_unicode;
	size_t n = ascii ? COUNT(small_ascii) : COUNT(small_unicode);
	for (size_t i = 0; i < n; i++)
		if (font[i].c == c)
			return &font[i];
	return NULL;
}

static const glyph5_t *pixel_glyph(char c)
{
	for (size_t i = 0; i < COUNT(pixel_font); i++)
		if (pixel_font[i].c == c)
			return &pixel_font[i];
	return NULL;
}

int bigdigits_is_size(int rows)
{
	return rows == BIGDIGITS_PLAIN || rows == SMALL_ROWS ||
	       (rows >= PIXEL_ROWS && rows % PIXEL_ROWS == 0 &&
	        rows / PIXEL_ROWS <= PIXEL_SCALE_MAX);
}

/* Cells of one glyph at a size, or -1 if it has none there. */
static int glyph_cols(char c, int rows)
{
	if (rows == SMALL_ROWS) {
		const glyph3_t *g = small_glyph(c);
		return g ? (int)strlen(g->rows[0]) : -1;
	}
	const glyph5_t *g = pixel_glyph(c);
	return g ? (int)strlen(g->rows[0]) * 2 * (rows / PIXEL_ROWS) : -1;
}

/* The blank between two characters. */
static int gap_cols(int rows)
{
	return rows == SMALL_ROWS ? 1 : rows / PIXEL_ROWS;
}

int bigdigits_width(const char *text, int rows)
{
	if (!bigdigits_is_size(rows))
		return -1;
	if (rows == BIGDIGITS_PLAIN)
		return text_draw_width(text);
	int w = 0;
	for (const char *p = text; *p; p++) {
		int gw = glyph_cols(*p, rows);
		if (gw < 0)
			return -1;
		w += gw + (p[1] ? gap_cols(rows) : 0);
	}
	return w;
}

int bigdigits_fit(const char *text, int max_rows, int cols)
{
	if (max_rows < 1 || cols < 1)
		return 0;
	int top = max_rows / PIXEL_ROWS;
	if (top > PIXEL_SCALE_MAX)
		top = PIXEL_SCALE_MAX;
	for (int k = top; k >= 1; k--) {
		int w = bigdigits_width(text, k * PIXEL_ROWS);
		if (w >= 0 && w <= cols)
			return k * PIXEL_ROWS;
	}
	if (max_rows >= SMALL_ROWS) {
		int w = bigdigits_width(text, SMALL_ROWS);
		if (w >= 0 && w <= cols)
			return SMALL_ROWS;
	}
	return BIGDIGITS_PLAIN;
}

/* One cell of the three-row font. */
static const char *small_cell(char c, bool ascii, char buf[2])
{
	if (ascii) {
		buf[0] = c;
		buf[1] = '\0';
		return buf;
	}
	return c == '#' ? "\xe2\x96\x88" /* █ */
	       : c == '^' ? "\xe2\x96\x80" /* ▀ */
	       : c == '_' ? "\xe2\x96\x84" /* ▄ */
	                  : " ";
}

static void draw_small(WINDOW *win, int y, int x, const glyph3_t *g, attr_t attr)
{
	bool ascii = glyphs()->ascii;
	int gw = (int)strlen(g->rows[0]);
	for (int r = 0; r < SMALL_ROWS; r++) {
		for (int i = 0; i < gw; i++) {
			char buf[2];
			text_draw(win, y + r, x + i, 1, small_cell(g->rows[r][i], ascii, buf), attr);
		}
	}
}

static void draw_pixels(WINDOW *win, int y, int x, int scale, const glyph5_t *g, attr_t attr)
{
	const char *on = glyphs()->ascii ? "#" : "\xe2\x96\x88"; /* █ */
	int gw = (int)strlen(g->rows[0]);
	int pw = 2 * scale;
	for (int r = 0; r < PIXEL_ROWS * scale; r++) {
		const char *row = g->rows[r / scale];
		for (int i = 0; i < gw; i++) {
			int cx = x + i * pw;
			if (row[i] == '#') {
				for (int k = 0; k < pw; k++)
					text_draw(win, y + r, cx + k, 1, on, attr);
			} else {
				text_fill(win, y + r, cx, pw, attr);
			}
		}
	}
}

int bigdigits_draw(WINDOW *win, int y, int x, int rows, int maxcols, const char *text, attr_t attr)
{
	if (maxcols <= 0)
		return 0;
	int w = bigdigits_width(text, rows);
	if (rows == BIGDIGITS_PLAIN || w < 0 || w > maxcols)
		return text_draw(win, y, x, maxcols, text, attr);
	attr &= ~(attr_t)A_REVERSE;
	int cx = x;
	for (const char *p = text; *p; p++) {
		if (rows == SMALL_ROWS)
			draw_small(win, y, cx, small_glyph(*p), attr);
		else
			draw_pixels(win, y, cx, rows / PIXEL_ROWS, pixel_glyph(*p), attr);
		cx += glyph_cols(*p, rows);
		if (p[1]) {
			for (int r = 0; r < rows; r++)
				text_fill(win, y + r, cx, gap_cols(rows), attr);
			cx += gap_cols(rows);
		}
	}
	return cx - x;
}
