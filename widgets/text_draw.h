/* text_draw: draws sanitized UTF-8 into a window by terminal columns.
 * The only way widgets and pages put text on screen, so width handling,
 * truncation and the ASCII fallback live in one place. */
#ifndef CITYDASH_TEXT_DRAW_H
#define CITYDASH_TEXT_DRAW_H

#include <curses.h>

/* Draws s at (y, x) in at most maxcols columns with attributes `attr`
 * (colour pair included, as from theme_attr). A string too wide is cut
 * between grapheme clusters and ends with the ellipsis glyph. A double-width
 * character that would straddle the limit is replaced by a space.
 * In ASCII mode s is drawn as text_ascii() spells it (°C as degC, 电 as
 * U+7535), never as '?'. Returns the number of columns drawn. */
int text_draw(WINDOW *win, int y, int x, int maxcols, const char *s, attr_t attr);

/* Same, right-aligned so the text ends at column x + maxcols - 1. */
int text_draw_right(WINDOW *win, int y, int x, int maxcols, const char *s, attr_t attr);

/* Columns text_draw takes for s when it is not cut: text_width(s), or in
 * ASCII mode the width of its ASCII spelling. What layouts measure with. */
int text_draw_width(const char *s);

/* Fills `cols` cells from (y, x) with spaces in `attr`. */
void text_fill(WINDOW *win, int y, int x, int cols, attr_t attr);

#endif
