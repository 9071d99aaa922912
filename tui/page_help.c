/* The help page: keys (generated from the key map, every binding) and what
 * the symbols mean. */
#include "pages.h"

#include <stdio.h>

#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"

static void help_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx;
	int h, w;
	getmaxyx(win, h, w);
	nav->body_rows = h;
	nav->body_cols = w;
	panel_draw(win, 0, 0, h, w, _("Help"), true);
	int y = 1, x = 2, iw = w - 4;
	int count;
	const key_binding_t *keys = keymap_table(&count);
	bool ascii = glyphs()->ascii;
	/* The key column is as wide as the widest line's keys, up to half the width. */
	int key_w = 0;
	for (int i = 0; i < count;) {
		char names[96];
		i = keymap_help_line(i, ascii, names, sizeof names);
		int nw = text_width(names);
		key_w = nw > key_w ? nw : key_w;
	}
	if (key_w > iw / 2)
		key_w = iw / 2;
	text_draw(win, y++, x, iw, _("Keys"), theme_attr(ROLE_TITLE));
	for (int i = 0; i < count && y < h - 1;) {
		char names[96];
		const char *help = keys[i].help;
		i = keymap_help_line(i, ascii, names, sizeof names);
		text_draw(win, y, x + 1, key_w, names, theme_attr(ROLE_KEY));
		text_draw(win, y++, x + key_w + 3, iw - key_w - 3, help ? _(help) : "",
		          theme_attr(ROLE_LABEL));
	}
	static const struct {
		const char *sym;
		theme_role_t role;
		const char *text;
	} legend[] = {
	    {"!!", ROLE_ALARM, N_("alarm: beyond LOLO or HIHI")},
	    {"! ", ROLE_WARN, N_("warning: beyond LO or HI")},
	    {"~ ", ROLE_STALE, N_("stale: no fresh data")},
	    {"x ", ROLE_BAD, N_("bad: the instrument is faulty")},
	    {"- ", ROLE_DIM, N_("null: no value now")},
	    {"? ", ROLE_LABEL, N_("uncertain: a doubtful value")},
	    {"# ", ROLE_WARN, N_("limits invalid: out of order")},
	    {"!!~", ROLE_ALARM, N_("marks add up: a stale alarm")},
	};
	enum { N = sizeof legend / sizeof legend[0] };
	if (y < h - 2)
		y++;
	if (y < h - 1)
		text_draw(win, y++, x, iw, _("Symbols"), theme_attr(ROLE_TITLE));
	/* Two columns when there is room, so help fits 80x24 whole. */
	int cols = iw >= 70 ? 2 : 1, col_w = iw / cols, per_col = (N + cols - 1) / cols;
	for (int i = 0; i < N; i++) {
		int row = y + i % per_col, cx = x + (i / per_col) * col_w;
		if (row >= h - 1)
			continue;
		text_draw(win, row, cx + 1, 3, legend[i].sym, theme_attr(legend[i].role));
		text_draw(win, row, cx + 5, col_w - 6, _(legend[i].text), theme_attr(ROLE_LABEL));
	}
	y += per_col;
	if (y < h - 1) {
		const glyphs_t *g = glyphs();
		char gauge[160];
		snprintf(gauge, sizeof gauge,
		         _("Gauges: %s fills to the value %s; %s marks a limit; colour, the zones "
		           "beyond"),
		         g->gauge_fill, g->gauge_mark, g->limit_tick);
		text_draw(win, y++, x + 1, iw - 1, gauge, theme_attr(ROLE_DIM));
	}
}

static bool help_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)act; /* Esc and ? are handled by nav_key */
	(void)ctx;
	(void)nav;
	return false;
}

const page_class_t page_help = {
    .title = N_("Help"),
    .draw = help_draw,
    .key = help_key,
};
