/* screen_text: frames as text for the page tests (screen_text.h). */
#include "screen_text.h"

#include <stdio.h>
#include <stdlib.h>

#include "frame.h"
#include "glyphs.h"
#include "snapshot.h"
#include "vscreen.h"

static void (*after_open)(void);

void screen_text_after_open(void (*hook)(void))
{
	after_open = hook;
}

/* The frame drawn and staged on a fresh virtual screen, read back by
 * `read` (from newscr, where the staged windows meet). */
static char *screen_read(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii,
                         bool color, const char *term, char *(*read)(WINDOW *win, bool ascii))
{
	vscreen_t *vs = vscreen_open(term, rows, cols, color);
	if (vs == NULL)
		return NULL;
	if (after_open)
		after_open();
	glyphs_set_ascii(ascii);
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	frame_draw(&f, ctx, nav);
	frame_stage(&f);
	char *text = read(newscr, ascii);
	glyphs_set_ascii(false);
	frame_free(&f);
	vscreen_close(vs);
	return text;
}

char *screen_text(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii)
{
	return screen_read(ctx, nav, cols, rows, ascii, false, "xterm-256color", snapshot_text);
}

char *screen_styled(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii, bool color,
                    const char *term)
{
	return screen_read(ctx, nav, cols, rows, ascii, color, term, snapshot_styled);
}

char *screen_drawn(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows,
                   char *(*read)(WINDOW *win, bool ascii))
{
	return screen_read(ctx, nav, cols, rows, false, true, "xterm-256color", read);
}

bool screen_golden(const ui_ctx_t *ctx, nav_t *nav, int cols, int rows, bool ascii,
                   const char *golden)
{
	char *text = screen_text(ctx, nav, cols, rows, ascii);
	if (text == NULL)
		return false;
	bool same = vscreen_golden(golden, text);
	if (!same)
		fprintf(stderr, "%s\n", text);
	free(text);
	return same;
}
