/* screen_text: the whole frame drawn onto a virtual screen and read back
 * as text, for the page tests (golden screens). */
#ifndef CITYDASH_TEST_SCREEN_TEXT_H
#define CITYDASH_TEST_SCREEN_TEXT_H

#include <stdbool.h>

#include "pages.h"

/* Called right after each virtual screen is opened, before the frame is
 * drawn (NULL: nothing): vscreen_open sets the whole locale, so a test in
 * another language switches its messages back here (test_lang_use). */
void screen_text_after_open(void (*hook)(void));

/* The frame at cols x rows (Unicode or ASCII glyphs), as text; the caller
 * frees. The nav is the one the draw leaves (pages keep their selection in
 * it). */
char *screen_text(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii);
/* Compares that text with tests/golden/<golden>.txt (printing it when it
 * differs); returns whether it matched. */
bool screen_golden(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii,
                   const char *golden);

/* The frame as snapshot_styled gives it (text, each cell's colours and
 * attributes, the legend), on a screen of terminal type `term` (as
 * "xterm-256color") with colour when `color` (in the theme theme_use
 * chose), else attributes only as with NO_COLOR. The caller frees; NULL if
 * the screen cannot be made. */
char *screen_styled(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii, bool color,
                    const char *term);

/* The frame drawn (Unicode glyphs, colour) on a fresh xterm-256color screen
 * and handed to `read` as newscr, where the staged windows meet; returns
 * what `read` returns (NULL also when the screen cannot be made). */
char *screen_drawn(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows,
                   char *(*read)(WINDOW *win, bool ascii));

#endif
