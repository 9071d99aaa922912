#include "alarm_row.h"

#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "i18n.h"
#include "name_fit.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

void alarm_row_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx, const alarm_info_t *a,
                    bool selected)
{
	/* PLACEHOLDER (issue 9): limit alarms only, until the row is redone. */
	if (!a || a->kind == ALARM_KIND_COMM)
		return;
	size_t idx = a->index;
	const reading_t *r = store_reading(ctx->store, idx);
	if (!r)
		return;
	alarm_state_t s = alarm_engine_state(ctx->alarms, idx);
	bool crit = alarm_level_is_critical(s.level);
	attr_t tag_attr = theme_attr(crit ? ROLE_ALARM : ROLE_WARN);
	attr_t label = theme_attr(selected ? ROLE_SELECTED : ROLE_LABEL);
	attr_t dim = theme_attr(selected ? ROLE_SELECTED : ROLE_DIM);
	text_fill(win, y, x, w, selected ? label : theme_attr(ROLE_NORMAL));
	int cx = x, end = x + w;
	char buf[64];
	snprintf(buf, sizeof buf, "%-4s", alarm_level_tag(s.level));
	cx += text_draw(win, y, cx, end - cx, buf, tag_attr) + 1;
	char clock[16], age[16];
	timefmt_format_clock(s.since_ms, clock, sizeof clock);
	timefmt_format_age(ctx->now_ms - s.since_ms, age, sizeof age);
	/* Older than most of a day, the time of day alone would mislead: the age. */
	bool old = ctx->now_ms - s.since_ms > 20LL * 3600 * 1000;
	if (old)
		snprintf(buf, sizeof buf, w >= 100 ? "%8s %4s" : "%8s", age, "");
	else
		snprintf(buf, sizeof buf, w >= 100 ? "%s %4s" : "%s", clock, age);
	cx += text_draw(win, y, cx, end - cx, buf, dim) + 1;
	char value[64];
	format_reading_value(r, value, sizeof value);
	int vw = 14;
	int place_w = w >= 100 ? 24 : 16;
	char place[256];
	format_reading_place(r, place, sizeof place);
	if (place[0] && end - cx > place_w + vw + 8) {
		text_draw(win, y, cx, place_w, place, label);
		cx += place_w + 1;
	}
	int name_w = end - cx - vw - 1;
	/* What makes the alarm doubtful, in words: its data is old, or the
	 * instrument is unsure of it. The alarm stays an alarm either way. */
	bool uncertain = r->quality == QUALITY_UNCERTAIN;
	if (s.stale || uncertain) {
		if (s.stale && uncertain)
			snprintf(buf, sizeof buf, "(%s, %s) ", _("stale"), _("uncertain"));
		else
			snprintf(buf, sizeof buf, "(%s) ", s.stale ? _("stale") : _("uncertain"));
		int n = text_draw(win, y, cx, name_w, buf,
		                  theme_attr(s.stale ? ROLE_STALE : ROLE_LABEL));
		cx += n;
		name_w -= n;
	}
	/* Head and tail: the measure stays when the name is cut. */
	char *name = name_fit(format_reading_label(r), name_w);
	text_draw(win, y, cx, name_w, name, label);
	free(name);
	text_draw_right(win, y, end - vw, vw, value, tag_attr);
}
