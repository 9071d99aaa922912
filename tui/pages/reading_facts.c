#include "reading_facts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alarm_row.h"
#include "format.h"
#include "i18n.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

/* Facts in pairs before the limits' own row. */
#define FACT_PAIRS 8
/* Columns between a label's start and its value beyond the widest label. */
#define LABEL_GAP 2

typedef struct fact {
	const char *label; /* N_() */
	char value[160];
	theme_role_t role;
} fact_t;

int reading_facts_rows(int cols)
{
	cols = cols < 1 ? 1 : cols > 2 ? 2 : cols;
	return (FACT_PAIRS + cols - 1) / cols + 1;
}

/* The feed's quality in words (model.c's token is the protocol's). */
static const char *quality_word(quality_t q)
{
	switch (q) {
	case QUALITY_GOOD:
		return C_("quality", "good");
	case QUALITY_UNCERTAIN:
		return C_("quality", "uncertain");
	case QUALITY_BAD:
		return C_("quality", "bad");
	default:
		return quality_token(q);
	}
}

/* "alarm HIHI, stale" — every state in words, worst first; "ok" if none. */
static void states_words(view_states_t s, alarm_level_t level, char *buf, size_t size)
{
	static const char *const words[VS_COUNT] = {
	    [VS_ALARM] = N_("alarm"),         [VS_WARNING] = N_("warning"),
	    [VS_BAD] = N_("fault"),           [VS_LIMITS_INVALID] = N_("limits invalid"),
	    [VS_STALE] = N_("stale"),         [VS_NOVALUE] = N_("no value"),
	    [VS_UNCERTAIN] = N_("uncertain"),
	};
	size_t len = 0;
	buf[0] = '\0';
	for (int k = 0; k < VS_COUNT && len < size; k++) {
		if (!(s & VIEW_BIT(k)))
			continue;
		bool tagged = (k == VS_ALARM || k == VS_WARNING) && level != ALARM_NONE;
		const char *tag = tagged ? alarm_row_level_word(ALARM_KIND_LIMIT, level) : "";
		int n = snprintf(buf + len, size - len, "%s%s%s%s", len ? ", " : "", _(words[k]),
		                 tagged ? " " : "", tag);
		len = n > 0 ? len + (size_t)n : len;
	}
	if (len == 0)
		snprintf(buf, size, "%s", _("ok"));
}

static void limits_text(const reading_t *r, char *buf, size_t size)
{
	if (r->limits_invalid) {
		snprintf(buf, size, "%s", _("sent out of order: none applies"));
		return;
	}
	static const struct {
		unsigned bit;
		alarm_level_t level; /* its name, as the alarm rows write it */
	} kinds[] = {{LIMIT_LOLO, ALARM_LOLO},
	             {LIMIT_LO, ALARM_LO},
	             {LIMIT_HI, ALARM_HI},
	             {LIMIT_HIHI, ALARM_HIHI}};
	const double at[] = {r->limits.lolo, r->limits.lo, r->limits.hi, r->limits.hihi};
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < 4 && len < size; k++) {
		if (!(r->limits.mask & kinds[k].bit))
			continue;
		int n = snprintf(buf + len, size - len, "%s%s %.4g", len ? "  " : "",
		                 alarm_row_level_word(ALARM_KIND_LIMIT, kinds[k].level), at[k]);
		len = n > 0 ? len + (size_t)n : len;
	}
	if (len == 0) {
		snprintf(buf, size, "%s", _("none"));
		return;
	}
	if (r->deadband > 0 && len < size)
		snprintf(buf + len, size - len, "  %s %.4g", _("deadband"), r->deadband);
}

static void gather(const ui_ctx_t *ctx, size_t idx, fact_t f[FACT_PAIRS + 1])
{
	const reading_t *r = store_reading(ctx->store, idx);
	view_states_t s = view_states(ctx->view, idx);
	theme_role_t role = (theme_role_t)format_states_role(s);

	f[0] = (fact_t){.label = N_("value"), .role = role == ROLE_LABEL ? ROLE_VALUE : role};
	format_reading_value(r, f[0].value, sizeof f[0].value);
	f[1] = (fact_t){.label = N_("state"), .role = role};
	states_words(s, alarm_engine_state(ctx->alarms, idx).level, f[1].value, sizeof f[1].value);
	f[2] = (fact_t){.label = N_("quality"),
	                .role = r->quality == QUALITY_GOOD  ? ROLE_LABEL
	                        : r->quality == QUALITY_BAD ? ROLE_BAD
	                                                    : ROLE_WARN};
	snprintf(f[2].value, sizeof f[2].value, "%s", quality_word(r->quality));
	f[3] = (fact_t){.label = N_("age"),
	                .role = (s & VIEW_BIT(VS_STALE)) ? ROLE_STALE : ROLE_LABEL};
	char age[16], at[16];
	timefmt_format_age(store_reading_vouched_age(ctx->store, r, ctx->now_ms), age, sizeof age);
	if (r->dated && r->ts_ms > 0) {
		timefmt_format_clock(r->ts_ms, at, sizeof at);
		snprintf(f[3].value, sizeof f[3].value, _("%s (observed %s)"), age, at);
	} else {
		snprintf(f[3].value, sizeof f[3].value, "%s", age);
	}
	f[4] = (fact_t){.label = N_("place"), .role = ROLE_LABEL};
	format_reading_place(r, f[4].value, sizeof f[4].value);
	if (!f[4].value[0])
		snprintf(f[4].value, sizeof f[4].value, "-");
	f[5] = (fact_t){.label = N_("id"), .role = ROLE_LABEL};
	snprintf(f[5].value, sizeof f[5].value, "%s", r->id);
	f[6] = (fact_t){.label = N_("source"), .role = ROLE_LABEL};
	const source_status_t *src = store_source(ctx->store, r->source);
	snprintf(f[6].value, sizeof f[6].value, "%s%s", src ? src->name : "?",
	         src && src->failing ? _(" (failing)") : "");
	f[7] = (fact_t){.label = N_("range"), .role = ROLE_LABEL};
	snprintf(f[7].value, sizeof f[7].value, "%.4g .. %.4g%s%s", r->range_min, r->range_max,
	         r->unit[0] ? " " : "", r->unit);
	f[8] = (fact_t){.label = N_("limits"), .role = r->limits_invalid ? ROLE_WARN : ROLE_LABEL};
	limits_text(r, f[8].value, sizeof f[8].value);
}

/* The label column: the widest label as drawn, in the language shown, and
 * the gap ("quality" and two spaces in English). */
static int label_cols(const fact_t *f, int count)
{
	int most = 0;
	for (int i = 0; i < count; i++) {
		int w = text_draw_width(_(f[i].label));
		most = w > most ? w : most;
	}
	return most + LABEL_GAP;
}

static void draw_fact(WINDOW *win, int y, int x, int width, int label_w, const fact_t *f)
{
	if (width <= label_w)
		return;
	text_draw(win, y, x, label_w - 1, _(f->label), theme_attr(ROLE_DIM));
	attr_t a = theme_attr(f->role);
	if (f->role == ROLE_VALUE || f->role == ROLE_ALARM || f->role == ROLE_WARN)
		a |= A_BOLD;
	text_draw(win, y, x + label_w, width - label_w, f->value, a);
}

void reading_facts_draw(WINDOW *win, int y, int x, int width, int cols, const ui_ctx_t *ctx,
                        size_t reading)
{
	cols = cols < 1 ? 1 : cols > 2 ? 2 : cols;
	fact_t f[FACT_PAIRS + 1];
	gather(ctx, reading, f);
	int col_w = width / cols, label_w = label_cols(f, FACT_PAIRS + 1);
	for (int i = 0; i < FACT_PAIRS; i++)
		draw_fact(win, y + i / cols, x + (i % cols) * col_w, col_w - 1, label_w, &f[i]);
	draw_fact(win, y + (FACT_PAIRS + cols - 1) / cols, x, width, label_w, &f[FACT_PAIRS]);
}
