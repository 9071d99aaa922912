/* alarm_row: one alarm on one line (alarm_row.h). Columns, left to right:
 * state (glyph and tag), priority, level, since (and age), place, name,
 * the value beside it, and from ALARM_ROW_WHO_COLS the limit, the source
 * and who acted. */
#include "alarm_row.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glyphs.h"
#include "i18n.h"
#include "name_fit.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

/* Older than most of a day, the time of day alone would mislead: the age. */
#define OLD_MS (20LL * 3600 * 1000)

/* An alarm's age, whole minutes at the finest: "<1m" in its first minute.
 * The time of day beside it gives the second. Ticking every second on every
 * row, ages were motion that draws the eye for nothing (ISA-101) and most
 * of what the alarm pane wrote to the terminal in a flood. */
static void alarm_age(int64_t age_ms, char *buf, size_t size)
{
	if (age_ms < 60 * 1000)
		snprintf(buf, size, "<1m");
	else
		timefmt_format_age(age_ms, buf, size);
}

const char *alarm_row_state_glyph(isa_state_t state)
{
	static const char *const uni[ISA_STATE_COUNT] = {
	    [ISA_NORM] = "\xc2\xb7",      [ISA_UNACK] = "\xe2\x96\xb2", [ISA_ACKED] = "\xe2\x9c\x94",
	    [ISA_RTNUN] = "\xe2\x86\xba", [ISA_SHLVD] = "\xe2\x8f\xb8", [ISA_DSUPR] = "\xe2\x8a\x98",
	    [ISA_OOSRV] = "\xe2\x97\x8b",
	};
	static const char *const plain[ISA_STATE_COUNT] = {
	    [ISA_NORM] = ".",  [ISA_UNACK] = "!", [ISA_ACKED] = "+", [ISA_RTNUN] = "<",
	    [ISA_SHLVD] = "=", [ISA_DSUPR] = "/", [ISA_OOSRV] = "o",
	};
	if ((unsigned)state >= ISA_STATE_COUNT)
		return "?";
	return glyphs()->ascii ? plain[state] : uni[state];
}

/* The words below are short, ISA-18.2's tags in English; each language says
 * them its own way, so every column holding one is as wide as the widest
 * translation (alarm_row_*_cols), never the English word's width. */
const char *alarm_row_state_word(isa_state_t state)
{
	switch (state) {
	case ISA_NORM:
		return C_("alarm state, short", "NORM");
	case ISA_UNACK:
		return C_("alarm state, short", "UNACK");
	case ISA_ACKED:
		return C_("alarm state, short", "ACKED");
	case ISA_RTNUN:
		/* TRANSLATORS: returned to normal, not yet acknowledged. */
		return C_("alarm state, short", "RTNUN");
	case ISA_SHLVD:
		return C_("alarm state, short", "SHLVD");
	case ISA_DSUPR:
		/* TRANSLATORS: suppressed by design, under its source's comms alarm. */
		return C_("alarm state, short", "DSUPR");
	case ISA_OOSRV:
		return C_("alarm state, short", "OOSRV");
	default:
		return "?";
	}
}

const char *alarm_row_priority_word(alarm_priority_t p, bool narrow)
{
	if (p == ALARM_PRIORITY_HIGH)
		return narrow ? C_("alarm priority, narrow", "P1") : C_("alarm priority", "HIGH");
	if (p == ALARM_PRIORITY_MEDIUM)
		return narrow ? C_("alarm priority, narrow", "P2") : C_("alarm priority", "MED");
	return "";
}

const char *alarm_row_level_word(alarm_kind_t kind, alarm_level_t level)
{
	if (kind == ALARM_KIND_FAULT)
		/* TRANSLATORS: an instrument fault alarm, in the level column. */
		return C_("alarm level, short", "FLT");
	if (kind == ALARM_KIND_COMM)
		/* TRANSLATORS: a communications alarm, in the level column. */
		return C_("alarm level, short", "COMM");
	switch (level) {
	case ALARM_LO:
		return C_("alarm level, short", "LO");
	case ALARM_HI:
		return C_("alarm level, short", "HI");
	case ALARM_LOLO:
		return C_("alarm level, short", "LOLO");
	case ALARM_HIHI:
		return C_("alarm level, short", "HIHI");
	default:
		return "";
	}
}

const char *alarm_row_priority_tag(alarm_priority_t p)
{
	return alarm_row_priority_word(p, false);
}

const char *alarm_row_level_tag(const alarm_info_t *a)
{
	return alarm_row_level_word(a->kind, a->level != ALARM_NONE ? a->level : a->peak);
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

int alarm_row_state_width(isa_state_t state)
{
	return text_draw_width(alarm_row_state_glyph(state)) + 1 +
	       text_draw_width(alarm_row_state_word(state));
}

int alarm_row_state_cols(void)
{
	int cols = 0;
	for (int s = 0; s < ISA_STATE_COUNT; s++)
		cols = max_int(cols, alarm_row_state_width((isa_state_t)s));
	return cols;
}

int alarm_row_priority_cols(bool narrow)
{
	int cols = 0;
	for (int p = 0; p < ALARM_PRIORITY_COUNT; p++)
		cols = max_int(
		    cols, text_draw_width(alarm_row_priority_word((alarm_priority_t)p, narrow)));
	return cols;
}

int alarm_row_level_cols(void)
{
	static const alarm_level_t levels[] = {ALARM_LO, ALARM_HI, ALARM_LOLO, ALARM_HIHI};
	int cols = max_int(text_draw_width(alarm_row_level_word(ALARM_KIND_FAULT, ALARM_NONE)),
	                   text_draw_width(alarm_row_level_word(ALARM_KIND_COMM, ALARM_NONE)));
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		cols = max_int(cols,
		               text_draw_width(alarm_row_level_word(ALARM_KIND_LIMIT, levels[i])));
	return cols;
}

void alarm_row_draw_state(WINDOW *win, int y, int x, int cols, isa_state_t state, attr_t attr)
{
	if (cols <= 0)
		return;
	text_fill(win, y, x, cols, attr);
	int g = text_draw(win, y, x, cols, alarm_row_state_glyph(state), attr);
	if (g + 1 < cols)
		text_draw(win, y, x + g + 1, cols - g - 1, alarm_row_state_word(state), attr);
}

void alarm_row_draw_prio_level(WINDOW *win, int y, int x, int cols, int word_cols,
                               const char *prio, const char *level, attr_t attr)
{
	text_fill(win, y, x, cols, attr);
	text_draw(win, y, x, word_cols < cols ? word_cols : cols, prio, attr);
	text_draw(win, y, x + word_cols + 1, cols - word_cols - 1, level, attr);
}

/* The reading a LIMIT or FAULT alarm is on, if its slot still holds it. */
static const reading_t *reading_of(const ui_ctx_t *ctx, const alarm_info_t *a)
{
	if (a->kind == ALARM_KIND_COMM || !ctx->store || a->index >= store_reading_count(ctx->store))
		return NULL;
	const reading_t *r = store_reading(ctx->store, a->index);
	return r && r->serial == a->serial ? r : NULL;
}

/* The tag's look: unacknowledged alarms in reverse, high priority in the
 * alarm colour; the rest plain or dim (the glyph and word carry the state). */
static attr_t tag_attr(const alarm_info_t *a)
{
	bool high = a->priority == ALARM_PRIORITY_HIGH;
	if (isa_state_unacked(a->state))
		return high ? theme_attr(ROLE_ALARM) : theme_attr(ROLE_WARN) | A_REVERSE;
	if (a->state == ISA_ACKED)
		return theme_attr(high ? ROLE_ALARM_ACKED : ROLE_WARN) & ~(attr_t)A_REVERSE;
	if (a->state == ISA_SHLVD || a->state == ISA_DSUPR || a->state == ISA_OOSRV)
		return theme_attr(ROLE_SHELVED);
	return theme_attr(ROLE_DIM);
}

/* "> 90.00" / "< 10.00": the limit of the level shown. */
static void limit_text(const reading_t *r, const alarm_info_t *a, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!r || a->kind != ALARM_KIND_LIMIT)
		return;
	alarm_level_t lv = a->level != ALARM_NONE ? a->level : a->peak;
	double lim = lv == ALARM_HIHI ? r->limits.hihi
	             : lv == ALARM_HI ? r->limits.hi
	             : lv == ALARM_LO ? r->limits.lo
	                              : r->limits.lolo;
	if (lv == ALARM_NONE)
		return;
	snprintf(buf, size, "%s %.4g", lv == ALARM_HI || lv == ALARM_HIHI ? ">" : "<", lim);
}

/* "⏸ bob@h till 14:00 maintenance" or "✔ alice@h 13:02": who acted. */
static void who_text(const alarm_info_t *a, char *buf, size_t size)
{
	char at[16];
	buf[0] = '\0';
	if (a->state == ISA_SHLVD && a->shelve.at_ms) {
		timefmt_format_clock(a->shelve.until_ms, at, sizeof at);
		snprintf(buf, size, _("%s till %s: %s"), a->shelve.by, at, a->shelve.reason);
	} else if (a->ack.at_ms && a->state == ISA_ACKED) {
		timefmt_format_clock(a->ack.at_ms, at, sizeof at);
		snprintf(buf, size, _("%s at %s"), a->ack.by, at);
	}
}

/* The name column: what the alarm is about. */
static void name_text(const ui_ctx_t *ctx, const alarm_info_t *a, const reading_t *r, char *buf,
                      size_t size)
{
	(void)ctx;
	if (a->kind == ALARM_KIND_COMM) {
		snprintf(buf, size, "%s  %s", a->id, _("communications"));
		return;
	}
	const char *label = r ? format_reading_label(r) : a->id;
	/* What makes the alarm doubtful, in words: its data is old, or the
	 * instrument is unsure of it. The alarm stays an alarm either way. */
	bool uncertain = r && r->quality == QUALITY_UNCERTAIN;
	char doubt[64] = "";
	if (a->stale && uncertain)
		snprintf(doubt, sizeof doubt, C_("before an alarm's name", "(%s, %s) "), _("stale"),
		         _("uncertain"));
	else if (a->stale || uncertain)
		snprintf(doubt, sizeof doubt, C_("before an alarm's name", "(%s) "),
		         a->stale ? _("stale") : _("uncertain"));
	if (a->kind == ALARM_KIND_FAULT)
		/* TRANSLATORS: the doubt ("(stale) " or nothing), then the reading. */
		snprintf(buf, size, _("%sfault: %s"), doubt, label);
	else
		snprintf(buf, size, "%s%s", doubt, label);
}

/* The value column: the reading's value; COMM: what it holds down. */
static void value_text(const alarm_info_t *a, const reading_t *r, char *buf, size_t size)
{
	buf[0] = '\0';
	if (a->kind == ALARM_KIND_COMM) {
		if (a->suppressed)
			snprintf(buf, size, _("+%u suppressed"), a->suppressed);
	} else if (r) {
		format_reading_value(r, buf, size);
	}
}

alarm_row_cols_t alarm_row_cols(int w)
{
	return alarm_row_cols_fit(w, NULL);
}

/* The columns with the priority as a word or, `narrow`, as ISA numbers
 * it; *cut: a name shown needs more than its column. */
static alarm_row_cols_t plan(int w, const alarm_row_need_t *need, bool narrow, bool *cut)
{
	bool wide = w >= ALARM_ROW_AGE_COLS, widest = w >= ALARM_ROW_WHO_COLS;
	bool limit = w >= ALARM_ROW_LIMIT_COLS;
	/* The state and level words as wide as the widest translation ("▲
	 * UNACK", "HIGH HIHI" or "P1 HIHI"); the state only as wide as those of
	 * the rows shown when measured (a long word, as a returned alarm's, takes
	 * its columns only while one is shown). */
	alarm_row_cols_t c = {
	    .tag = need && need->state > 0 ? need->state : alarm_row_state_cols(),
	    .prio_word = alarm_row_priority_cols(narrow),
	    .prio_narrow = narrow,
	    .time = wide ? 13 : 8, /* "08:00:00  10s" or "08:00:00" */
	    .value = wide ? 14 : 13, /* "+1 suppressed" */
	    .limit = limit ? 9 : 0,
	    .source = widest ? ALARM_ROW_SOURCE : 0,
	    .who = widest ? 30 : 0,
	};
	c.prio = c.prio_word + 1 + alarm_row_level_cols();
	if (need && need->value > 0 && need->value < c.value)
		c.value = need->value; /* the widest value shown: none far from its name */
	int rest = w - (c.tag + 1) - (c.prio + 1) - (c.time + 1) - c.value;
	if (limit)
		rest -= c.limit + 1;
	if (widest)
		rest -= c.source + 1 + c.who + 1;
	rest -= 1; /* the space between name and value */
	/* The place when the name keeps 12 columns. */
	int place = wide ? 24 : 16;
	if (rest - place - 1 >= 12) {
		c.place = place;
		rest -= place + 1;
	}
	c.name = rest > 0 ? rest : 0;
	int name_need = 0;
	*cut = false;
	if (need) /* a row without a place writes its name from the place's column */
		name_need = need->name > need->whole - c.place - 1 ? need->name
		                                                    : need->whole - c.place - 1;
	*cut = name_need > c.name;
	int cap = name_need > 0 ? (name_need > 12 ? name_need : 12) : widest ? ALARM_ROW_NAME_MAX : 0;
	if (cap > ALARM_ROW_NAME_MAX && widest)
		cap = ALARM_ROW_NAME_MAX;
	if (cap && c.name > cap) {
		/* Room beyond the name: to who acted and why (up to 56); what
		 * is left stays blank at the right, not between name and value. */
		int more = c.name - cap;
		c.name = cap;
		c.who += c.who && more > 0 ? (more < 56 - c.who ? more : 56 - c.who) : 0;
	}
	return c;
}

alarm_row_cols_t alarm_row_cols_fit(int w, const alarm_row_need_t *need)
{
	bool wide = w >= ALARM_ROW_AGE_COLS, cut;
	alarm_row_cols_t c = plan(w, need, !wide, &cut);
	/* The priority word gives way to the names when they would be cut and
	 * "P1" frees more than two columns (Chinese "高优先级": six). */
	if (wide && cut && alarm_row_priority_cols(false) > alarm_row_priority_cols(true) + 2)
		c = plan(w, need, true, &cut);
	return c;
}

void alarm_row_measure(const ui_ctx_t *ctx, const alarm_info_t *a, alarm_row_need_t *need)
{
	char buf[320], place[256] = "";
	const reading_t *r = reading_of(ctx, a);
	name_text(ctx, a, r, buf, sizeof buf);
	if (r)
		format_reading_place(r, place, sizeof place);
	int w = alarm_row_state_width(a->state);
	if (w > need->state)
		need->state = w;
	w = text_draw_width(buf);
	int *into = place[0] ? &need->name : &need->whole;
	if (w > *into)
		*into = w;
	value_text(a, r, buf, sizeof buf);
	w = text_draw_width(buf);
	if (w > need->value)
		need->value = w;
}

/* Columns from x for a part `want` wide, no further than end. */
static int room(int x, int want, int end)
{
	int left = end - x;
	return want < left ? want : left > 0 ? left : 0;
}

void alarm_row_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx, const alarm_info_t *a,
                    bool selected)
{
	alarm_row_cols_t c = alarm_row_cols(w);
	alarm_row_draw_cols(win, y, x, w, ctx, a, selected, &c);
}

void alarm_row_draw_cols(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx,
                         const alarm_info_t *a, bool selected, const alarm_row_cols_t *cols)
{
	if (!a || w <= 0)
		return;
	const reading_t *r = reading_of(ctx, a);
	bool unacked = isa_state_unacked(a->state);
	attr_t base = theme_attr(selected ? ROLE_SELECTED : ROLE_NORMAL);
	attr_t label = selected ? base : theme_attr(ROLE_LABEL) | (unacked ? A_BOLD : 0);
	attr_t dim = theme_attr(selected ? ROLE_SELECTED : ROLE_DIM);
	attr_t level = selected ? base : tag_attr(a) & ~(attr_t)A_REVERSE;
	alarm_row_cols_t c = *cols;
	text_fill(win, y, x, w, base);
	int cx = x, end = x + w;
	char buf[320];

	alarm_row_draw_state(win, y, cx, room(cx, c.tag, end), a->state, tag_attr(a));
	cx += c.tag + 1;
	/* Narrow: the priority as ISA numbers it, "P1" high, "P2" medium. */
	alarm_row_draw_prio_level(win, y, cx, room(cx, c.prio, end), c.prio_word,
	                          alarm_row_priority_word(a->priority, c.prio_narrow),
	                          alarm_row_level_tag(a), level);
	cx += c.prio + 1;

	char clock[16], age[16];
	timefmt_format_clock(a->since_ms, clock, sizeof clock);
	alarm_age(ctx->now_ms - a->since_ms, age, sizeof age);
	bool old = ctx->now_ms - a->since_ms > OLD_MS;
	if (w >= ALARM_ROW_AGE_COLS)
		snprintf(buf, sizeof buf, "%8s %4s", old ? "" : clock, age);
	else
		snprintf(buf, sizeof buf, "%8s", old ? age : clock);
	text_draw(win, y, cx, end - cx, buf, dim);
	cx += c.time + 1;

	char place[256] = "";
	if (c.place && r)
		format_reading_place(r, place, sizeof place);
	if (c.place && !place[0]) {
		/* No place to say (a source's alarm; ASCII and a Chinese place):
		 * the name starts there, its value stays in line. */
		c.name += c.place + 1;
	} else if (c.place) {
		text_draw(win, y, cx, c.place, place, selected ? base : theme_attr(ROLE_LABEL));
		cx += c.place + 1;
	}
	if (c.name > 0) {
		name_text(ctx, a, r, buf, sizeof buf);
		/* Head and tail: the measure stays when the name is cut. */
		char *name = name_fit(buf, c.name);
		text_draw(win, y, cx, c.name, name, label);
		free(name);
	}
	cx += c.name + 1;
	/* The value right beside the name, its digits aligned on the right. */
	value_text(a, r, buf, sizeof buf);
	text_draw_right(win, y, cx, end - cx < c.value ? end - cx : c.value, buf, level);
	cx += c.value + 1;
	if (c.limit) {
		limit_text(r, a, buf, sizeof buf);
		text_draw_right(win, y, cx, c.limit, buf, dim);
		cx += c.limit + 1;
	}
	if (c.source) {
		const source_status_t *src = ctx->store ? store_source(ctx->store, a->source) : NULL;
		text_draw(win, y, cx, c.source, src && src->name ? src->name : "", dim);
		cx += c.source + 1;
	}
	if (c.who) {
		who_text(a, buf, sizeof buf);
		text_draw(win, y, cx, c.who, buf, dim);
	}
}
