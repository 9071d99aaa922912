/* lang_frame: a frame drawn in a language, as text (see lang_frame.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lang_frame.h"

#include <stdio.h>
#include <stdlib.h>

#include "frame.h"
#include "snapshot.h"
#include "test_lang.h"
#include "vscreen.h"

char *lang_frame_text(const char *lang, const ui_ctx_t *ctx, nav_t *nav, int cols, int rows)
{
	vscreen_t *vs = vscreen_open("xterm-256color", rows, cols, false);
	assert_non_null(vs);
	test_lang_use(lang); /* after vscreen_open, which sets the whole locale */
	frame_t f = {0};
	frame_layout(&f, rows, cols);
	frame_draw(&f, ctx, nav);
	frame_stage(&f);
	char *text = snapshot_text(newscr, false);
	frame_free(&f);
	vscreen_close(vs);
	test_lang_use("en");
	assert_non_null(text);
	if (getenv("SHOW_FRAMES"))
		fputs(text, stderr);
	return text;
}
