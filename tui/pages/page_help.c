/* The help page: keys (generated from the key map, every binding), the
 * pages, and what the symbols mean (the alarm states' glyphs too). When it is taller than the screen
 * (80x24 holds the keys, not all of it), it scrolls: the keys come first. */
#include "pages.h"

#include <stdio.h>
#include <string.h>

#include "alarm_row.h"
#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"

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
    {"! ", ROLE_KPI_OFF, N_("KPI off target (KPI pages)")},
    {NULL, ROLE_OVERDUE, N_("event overdue: past its deadline")}, /* the fail mark */
};
enum { LEGEND_COUNT = sizeof legend / sizeof legend[0] };

/* An alarm state in the colour its rows use (alarm_row.c's tag). */
static theme_role_t state_role(isa_state_t st)
{
	switch (st) {
	case ISA_UNACK:
	case ISA_RTNUN:
		return ROLE_ALARM;
	case ISA_ACKED:
		return ROLE_ALARM_ACKED;
	case ISA_SHLVD:
	case ISA_DSUPR:
	case ISA_OOSRV:
		return ROLE_SHELVED;
	default:
		return ROLE_LABEL;
	}
}

/* The pages and how to reach them: what the key lines do not say. */
static const char *const pages_text[] = {
    N_("1 overview, 2 KPI board, 3 events board, 4 tiers (city, district, street),"),
    N_("5 alarms, 6 alarm history, 7 sources, 8 wall, 9 scope; F2 to F9 alike."),
    N_("Enter opens a domain, a reading, a KPI or an event on its own page."),
    N_("citydash --dump --page NAME prints any of them as text (names: --help)."),
};
enum { PAGES_COUNT = sizeof pages_text / sizeof pages_text[0] };

/* Draws rows of the page's content: content row `y` goes to window row
 * y - scroll, when that is inside the panel. */
typedef struct help_pen {
	WINDOW *win;
	int scroll, first, last; /* window rows first..last are inside */
} help_pen_t;

static void pen_text(const help_pen_t *p, int y, int x, int w, const char *s, attr_t attr)
{
	int row = y - p->scroll;
	if (row >= p->first && row <= p->last && w > 0)
		text_draw(p->win, row, x, w, s, attr);
}

/* The key column: as wide as the widest line's keys, up to half the width. */
static int key_column_width(int iw, bool ascii)
{
	int count, key_w = 0;
	keymap_table(&count);
	for (int i = 0; i < count;) {
		char names[96];
		i = keymap_help_line(i, ascii, names, sizeof names);
		int nw = text_width(names);
		key_w = nw > key_w ? nw : key_w;
	}
	return key_w > iw / 2 ? iw / 2 : key_w;
}

/* Draws (or only measures, with p->win NULL) everything from content row
 * 0; returns the number of rows. */
static int help_content(const help_pen_t *p, int x, int iw)
{
	int y = 0, count;
	const key_binding_t *keys = keymap_table(&count);
	bool ascii = glyphs()->ascii, draw = p->win != NULL;
	int key_w = key_column_width(iw, ascii);
	if (draw)
		pen_text(p, y, x, iw, _("Keys"), theme_attr(ROLE_TITLE));
	y++;
	for (int i = 0; i < count;) {
		char names[96];
		const char *help = keys[i].help;
		i = keymap_help_line(i, ascii, names, sizeof names);
		if (draw) {
			pen_text(p, y, x + 1, key_w, names, theme_attr(ROLE_KEY));
			pen_text(p, y, x + key_w + 3, iw - key_w - 3, help ? _(help) : "",
			         theme_attr(ROLE_LABEL));
		}
		y++;
	}
	y++;
	if (draw)
		pen_text(p, y, x, iw, _("Symbols"), theme_attr(ROLE_TITLE));
	y++;
	/* Two columns when there is room. */
	int cols = iw >= 70 ? 2 : 1, col_w = iw / cols, per_col = (LEGEND_COUNT + cols - 1) / cols;
	for (int i = 0; draw && i < LEGEND_COUNT; i++) {
		int row = y + i % per_col, cx = x + (i / per_col) * col_w;
		const char *sym = legend[i].sym ? legend[i].sym : glyphs()->fail_mark;
		pen_text(p, row, cx + 1, 3, sym, theme_attr(legend[i].role));
		pen_text(p, row, cx + 5, col_w - 6, _(legend[i].text), theme_attr(ROLE_LABEL));
	}
	y += per_col;
	if (draw) {
		const glyphs_t *g = glyphs();
		char gauge[160];
		snprintf(gauge, sizeof gauge,
		         _("Gauges: %s fills to the value %s; %s marks a limit; colour, the zones "
		           "beyond"),
		         g->gauge_fill, g->gauge_mark, g->limit_tick);
		pen_text(p, y, x + 1, iw - 1, gauge, theme_attr(ROLE_DIM));
	}
	y++;
	/* Alarm states, as every alarm list shows them: glyph and ISA tag. */
	for (int st = ISA_UNACK; st < ISA_STATE_COUNT; st++) {
		int row = y + (st - ISA_UNACK) % 3, cx = x + ((st - ISA_UNACK) / 3) * (iw / 2);
		/* The tag as the lists write it, explained in words when it is an
		 * ISA code ("UNACK unacknowledged"; Chinese lists write 未确认). */
		const char *tag = alarm_row_state_word((isa_state_t)st);
		bool code = tag[strspn(tag, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")] == '\0';
		char buf[96];
		snprintf(buf, sizeof buf, "%s %s%s%s", alarm_row_state_glyph((isa_state_t)st), tag,
		         code ? " " : "", code ? _(isa_state_word((isa_state_t)st)) : "");
		if (draw)
			pen_text(p, row, cx + 1, iw / 2 - 2, buf,
			         theme_attr(state_role((isa_state_t)st)));
	}
	y += 4;
	if (draw)
		pen_text(p, y, x, iw, _("Pages"), theme_attr(ROLE_TITLE));
	y++;
	for (int i = 0; i < PAGES_COUNT; i++, y++)
		if (draw)
			pen_text(p, y, x + 1, iw - 1, _(pages_text[i]), theme_attr(ROLE_LABEL));
	return y;
}

static void help_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx;
	int h, w;
	getmaxyx(win, h, w);
	nav->body_rows = h;
	nav->body_cols = w;
	int x = 2, iw = w - 4, inner = h - 2;
	help_pen_t pen = {.win = NULL};
	int total = help_content(&pen, x, iw);
	int max_scroll = total > inner ? total - inner : 0;
	if (nav->help_scroll > max_scroll)
		nav->help_scroll = max_scroll;
	if (nav->help_scroll < 0)
		nav->help_scroll = 0;
	const char *title = nav->help_scroll < max_scroll ? _("Help (more below: PgDn)")
	                    : nav->help_scroll > 0        ? _("Help (more above: PgUp)")
	                                                  : _("Help");
	panel_draw(win, 0, 0, h, w, title, true);
	pen = (help_pen_t){.win = win, .scroll = nav->help_scroll - 1, .first = 1, .last = h - 2};
	help_content(&pen, x, iw);
}

static bool help_key(action_t act, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx; /* Esc and ? are handled by nav_key; the scroll is clamped when drawn */
	int page = nav->body_rows > 3 ? nav->body_rows - 3 : 1;
	switch (act) {
	case ACT_UP:
		nav->help_scroll--;
		return true;
	case ACT_DOWN:
		nav->help_scroll++;
		return true;
	case ACT_PAGE_UP:
		nav->help_scroll -= page;
		return true;
	case ACT_PAGE_DOWN:
		nav->help_scroll += page;
		return true;
	case ACT_HOME:
		nav->help_scroll = 0;
		return true;
	case ACT_END:
		nav->help_scroll = 1 << 20;
		return true;
	default:
		return false;
	}
}

const page_class_t page_help = {
    .title = N_("Help"),
    .draw = help_draw,
    .key = help_key,
};
