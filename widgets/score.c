#include "score.h"

#include <string.h>

#include "glyphs.h"
#include "text_draw.h"

/* Each glyph: three rows of cells; in the Unicode font '#' is "█", '^' is
 * "▀" and ' ' a blank, the ASCII font is drawn as written. */
typedef struct big_glyph {
	char c;
	const char *rows[SCORE_ROWS];
} big_glyph_t;

static const big_glyph_t font_unicode[] = {
    {'0', {"#^#", "# #", "^^^"}}, {'1', {"^# ", " # ", "^^^"}}, {'2', {"^^#", "#^^", "^^^"}},
    {'3', {"^^#", " ^#", "^^^"}}, {'4', {"# #", "^^#", "  ^"}}, {'5', {"#^^", "^^#", "^^^"}},
    {'6', {"#^^", "#^#", "^^^"}}, {'7', {"^^#", "  #", "  ^"}}, {'8', {"#^#", "#^#", "^^^"}},
    {'9', {"#^#", "^^#", "^^^"}}, {'.', {" ", " ", "^"}},       {'-', {"   ", "^^^", "   "}},
    {' ', {" ", " ", " "}},
};

static const big_glyph_t font_ascii[] = {
    {'0', {" _ ", "| |", "|_|"}}, {'1', {"   ", "  |", "  |"}}, {'2', {" _ ", " _|", "|_ "}},
    {'3', {" _ ", " _|", " _|"}}, {'4', {"   ", "|_|", "  |"}}, {'5', {" _ ", "|_ ", " _|"}},
    {'6', {" _ ", "|_ ", "|_|"}}, {'7', {" _ ", "  |", "  |"}}, {'8', {" _ ", "|_|", "|_|"}},
    {'9', {" _ ", "|_|", " _|"}}, {'.', {" ", " ", "."}},       {'-', {"   ", " _ ", "   "}},
    {' ', {" ", " ", " "}},
};

static const big_glyph_t *glyph_of(char c)
{
	bool ascii = glyphs()->ascii;
	const big_glyph_t *font = ascii ? font_ascii : font_unicode;
	size_t n = ascii ? sizeof font_ascii / sizeof font_ascii[0]
	                 : sizeof font_unicode / sizeof font_unicode[0];
	for (size_t i = 0; i < n; i++)
		if (font[i].c == c)
			return &font[i];
	return &font[n - 1]; /* ' ' */
}

int score_width(const char *text)
{
	int w = 0;
	for (const char *p = text; *p; p++)
		w += (int)strlen(glyph_of(*p)->rows[0]) + 1;
	return w > 0 ? w - 1 : 0;
}

int score_draw(WINDOW *win, int y, int x, int maxcols, const char *text, attr_t attr)
{
	bool ascii = glyphs()->ascii;
	int cx = 0;
	for (const char *p = text; *p; p++) {
		const big_glyph_t *g = glyph_of(*p);
		int gw = (int)strlen(g->rows[0]);
		if (cx + gw > maxcols)
			break;
		for (int r = 0; r < SCORE_ROWS; r++) {
			for (int i = 0; i < gw; i++) {
				char c = g->rows[r][i];
				const char *s = ascii      ? (char[2]){c, '\0'}
				                : c == '#' ? "█"
				                : c == '^' ? "▀"
				                           : " ";
				text_draw(win, y + r, x + cx + i, 1, s, attr);
			}
		}
		cx += gw;
		if (p[1] && cx < maxcols) { /* the gap */
			for (int r = 0; r < SCORE_ROWS; r++)
				text_fill(win, y + r, x + cx, 1, attr);
			cx++;
		}
	}
	return cx;
}
