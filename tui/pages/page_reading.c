/* The reading page (L4): one reading (nav->reading: store index and serial)
 * as a large chart of its last ten minutes at one second (the store's
 * per-second history) with its limit lines and their deadbands, then what
 * is known of it (reading_facts.c) and the alarm engine's record of its
 * level changes. A slot whose serial changed holds another reading now:
 * the page says the reading is gone rather than show a stranger.
 *
 * Layout: the chart takes what the facts and the history leave; on a wide
 * body (120 columns and more) the history sits right of the facts, else
 * under them. */
#include "pages.h"

#include <math.h>
#include <stdio.h>

#include "alarm_row.h"
#include "chart.h"
#include "format.h"
#include "glyphs.h"
#include "i18n.h"
#include "panel.h"
#include "reading_facts.h"
#include "text_draw.h"
#include "shown_age.h"
#include "theme.h"
#include "timefmt.h"

#define READING_CHART_SECONDS 600
#define READING_WIDE_COLS     120
#define READING_MIN_CHART     6

/* The reading the page is about, or NULL if its slot holds another now. */
static const reading_t *page_reading_of(const ui_ctx_t *ctx, const nav_t *nav)
{
	const reading_t *r = store_reading(ctx->store, nav->reading.index);
	return r != NULL && r->serial == nav->reading.serial ? r : NULL;
}

/* Limit lines (LOLO/LO/HI/HIHI) and the deadband on the normal side of
 * each: where a value must come back to before its level is left. */
static size_t chart_limits(const reading_t *r, chart_line_t lines[4], chart_band_t bands[4],
                           char labels[4][48], size_t *band_count)
{
	static const struct {
		unsigned bit;
		alarm_level_t level; /* its name, as the alarm rows write it */
		int inward; /* the side of the normal band: +1 above, -1 below */
		theme_role_t line, band;
	} kinds[] = {
	    {LIMIT_LOLO, ALARM_LOLO, +1, ROLE_ALARM, ROLE_GAUGE_ALARM_BAND},
	    {LIMIT_LO, ALARM_LO, +1, ROLE_WARN, ROLE_GAUGE_WARN_BAND},
	    {LIMIT_HI, ALARM_HI, -1, ROLE_WARN, ROLE_GAUGE_WARN_BAND},
	    {LIMIT_HIHI, ALARM_HIHI, -1, ROLE_ALARM, ROLE_GAUGE_ALARM_BAND},
	};
	const double at[] = {r->limits.lolo, r->limits.lo, r->limits.hi, r->limits.hihi};
	size_t n = 0;
	*band_count = 0;
	for (size_t k = 0; k < 4; k++) {
		if (!(r->limits.mask & kinds[k].bit) || !isfinite(at[k]))
			continue;
		snprintf(labels[n], sizeof labels[n], "%s %.4g",
		         alarm_row_level_word(ALARM_KIND_LIMIT, kinds[k].level), at[k]);
		lines[n] = (chart_line_t){at[k], kinds[k].line, labels[n]};
		n++;
		if (r->deadband > 0 && isfinite(r->deadband)) {
			double other = at[k] + kinds[k].inward * r->deadband;
			bands[(*band_count)++] =
			    (chart_band_t){at[k] < other ? at[k] : other,
			                   at[k] < other ? other : at[k], kinds[k].band};
		}
	}
	return n;
}

static void draw_chart(WINDOW *win, int y, int x, int h, int w, const ui_ctx_t *ctx,
                       const reading_t *r)
{
	float values[READING_CHART_SECONDS];
	size_t n = reading_history_seconds(r, ctx->now_ms, values, READING_CHART_SECONDS);
	chart_line_t lines[4];
	chart_band_t bands[4];
	char labels[4][48];
	size_t band_count = 0;
	size_t line_count = chart_limits(r, lines, bands, labels, &band_count);
	chart_t c = {
	    .values = values,
	    .n = n,
	    .lines = lines,
	    .line_count = line_count,
	    .bands = bands,
	    .band_count = band_count,
	    .left = _("-10m"),
	    .right = _("now"),
	    .unit = r->unit[0] ? r->unit : NULL,
	    .ascii = glyphs()->ascii,
	};
	chart_draw(win, y, x, h, w, &c);
}

/* The alarm engine's record, newest first, in `rows` rows from (y, x). */
static void draw_history(WINDOW *win, int y, int x, int rows, int w, const ui_ctx_t *ctx,
                         size_t reading)
{
	if (rows <= 0)
		return;
	alarm_transition_t t[ALARM_HISTORY];
	size_t n = alarm_engine_history(ctx->alarms, reading, t, ALARM_HISTORY);
	text_draw(win, y, x, w, _("Alarm history"), theme_attr(ROLE_TITLE));
	if (n == 0) {
		if (rows > 1)
			text_draw(win, y + 1, x, w, _("no level change seen"),
			          theme_attr(ROLE_DIM));
		return;
	}
	const char *arrow = glyphs()->ascii ? "->" : "→";
	/* The "from" column: as wide as the widest word it holds ("normal" in
	 * English, six columns), so the arrows line up. */
	int from_w = text_draw_width(_("normal"));
	for (size_t i = 0; i < n; i++)
		if (t[i].from != ALARM_NONE && text_draw_width(alarm_row_level_word(ALARM_KIND_LIMIT, t[i].from)) > from_w)
			from_w = text_draw_width(alarm_row_level_word(ALARM_KIND_LIMIT, t[i].from));
	for (int i = 1; i < rows && (size_t)i <= n; i++) {
		const alarm_transition_t *tr = &t[n - (size_t)i];
		char when[16], line[160];
		timefmt_format_clock(tr->at_ms, when, sizeof when);
		const char *from = tr->from == ALARM_NONE ? _("normal")
		                   : alarm_row_level_word(ALARM_KIND_LIMIT, tr->from);
		const char *to =
		    tr->to == ALARM_NONE ? _("normal") : alarm_row_level_word(ALARM_KIND_LIMIT, tr->to);
		int pad = from_w - text_draw_width(from); /* in columns, not bytes */
		snprintf(line, sizeof line, "%s  %s%*s %s %s", when, from, pad > 0 ? pad : 0, "",
		         arrow, to);
		theme_role_t role = alarm_level_is_critical(tr->to) ? ROLE_ALARM
		                    : tr->to != ALARM_NONE          ? ROLE_WARN
		                                                    : ROLE_LABEL;
		text_draw(win, y + i, x, w, line, theme_attr(role));
	}
}

static void reading_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	nav->body_rows = h;
	nav->body_cols = w;
	const reading_t *r = page_reading_of(ctx, nav);
	if (r == NULL) {
		panel_draw(win, 0, 0, h, w, _("Reading"), true);
		if (h > 2)
			text_draw(win, 1, 2, w - 4, _("This reading is no longer reported."),
			          theme_attr(ROLE_DIM));
		return;
	}
	shown_age_reading(nav, ctx, nav->reading.index);
	char title[320];
	snprintf(title, sizeof title, "%s %s %s", format_reading_label(r), glyphs()->separator,
	         r->domain == DOMAIN_OTHER ? r->domain_token : _(domain_title(r->domain)));
	panel_draw(win, 0, 0, h, w, title, true);
	int ih = h - 2, iw = w - 4, x = 2;
	if (ih < 3 || iw < 10)
		return;

	bool wide = iw >= READING_WIDE_COLS;
	int fact_cols = wide ? 2 : (iw >= 60 ? 2 : 1);
	int fact_w = wide ? iw * 2 / 3 : iw;
	int fact_rows = reading_facts_rows(fact_cols);
	alarm_transition_t t[ALARM_HISTORY];
	int changes = (int)alarm_engine_history(ctx->alarms, nav->reading.index, t, ALARM_HISTORY);
	int hist_rows = 1 + (changes > 0 ? changes : 1);
	int below = wide ? (fact_rows > hist_rows ? fact_rows : hist_rows) : fact_rows + hist_rows;
	int chart_h = ih - below - 1; /* a blank row between chart and facts */
	int chart_min = ih / 2 > READING_MIN_CHART ? ih / 2 : READING_MIN_CHART;
	if (!wide && chart_h < chart_min) {
		/* The chart comes first: the history gives way to its newest
		 * changes, then to none. */
		hist_rows -= chart_min - chart_h;
		if (hist_rows < 2)
			hist_rows = 0;
		chart_h = ih - fact_rows - hist_rows - 1;
	}
	int y = 1;
	if (chart_h >= 3) {
		draw_chart(win, y, x, chart_h, iw, ctx, r);
		y += chart_h + 1;
	}
	reading_facts_draw(win, y, x, fact_w, fact_cols, ctx, nav->reading.index);
	if (wide)
		draw_history(win, y, x + fact_w + 2, h - 1 - y, iw - fact_w - 2, ctx,
		             nav->reading.index);
	else
		draw_history(win, y + fact_rows, x, h - 1 - y - fact_rows, iw, ctx,
		             nav->reading.index);
}

static bool reading_key(action_t action, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)action;
	(void)ctx;
	(void)nav;
	return false; /* nothing to move: Esc / Backspace go back (nav_key) */
}

const page_class_t page_reading = {
    .title = N_("Reading"),
    .draw = reading_draw,
    .key = reading_key,
};
