/* lang_frame: the whole frame (title, page, key bar, status) drawn in a
 * language, as text, for the tests of translated screens. */
#ifndef CITYDASH_LANG_FRAME_H
#define CITYDASH_LANG_FRAME_H

#include "pages.h"

/* The frame of `nav` drawn from `ctx` at cols x rows in `lang` ("zh_CN"),
 * without colour, as snapshot_text writes it; the language is back to
 * English afterwards. SHOW_FRAMES=1 prints it. The caller frees. */
char *lang_frame_text(const char *lang, const ui_ctx_t *ctx, nav_t *nav, int cols, int rows);

#endif
