#include "glyphs.h"

static const glyphs_t glyphs_unicode = {
    .ascii = false,
    .ellipsis = "…",
    .spark = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"},
    .gauge_fill = "█",
    .gauge_empty = "·",
    .gauge_mark = "┃",
    .limit_tick = "╎",
    .arrow_up = "▲",
    .arrow_down = "▼",
    .ok_mark = "✔",
    .fail_mark = "✖",
    .separator = "│",
    .crumb = "›",
};

/* The lowest spark level is '_' rather than a space so that a low sample can
 * still be told from a gap (NAN) in ASCII mode. */
static const glyphs_t glyphs_ascii = {
    .ascii = true,
    .ellipsis = ">",
    .spark = {"_", ".", ":", "-", "=", "+", "*", "#"},
    .gauge_fill = "#",
    .gauge_empty = ".",
    .gauge_mark = "|",
    .limit_tick = ":",
    .arrow_up = "^",
    .arrow_down = "v",
    .ok_mark = "+",
    .fail_mark = "!",
    .separator = "|",
    .crumb = ">",
    .box_h = "-",
    .box_v = "|",
    .box_corner = "+",
};

static const glyphs_t *glyphs_current = &glyphs_unicode;

void glyphs_set_ascii(bool ascii)
{
	glyphs_current = ascii ? &glyphs_ascii : &glyphs_unicode;
}

const glyphs_t *glyphs(void)
{
	return glyphs_current;
}
