/* kiosk_alarm: the banner's side of the kiosk that reads the alarms
 * (kiosk.h): which alarm is new, what to call it and where it is. The
 * alarms are the view's active list, so a scoped wall (--scope) bannners
 * only what is in its scope (a communications alarm is in every scope). */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_row.h"
#include "format.h"
#include "glyphs.h"
#include "i18n.h"
#include "text.h"
#include "timefmt.h"
#include "xalloc.h"

/* The newest high-priority alarm waiting for acknowledgement, and how many
 * such there are. */
static const alarm_info_t *newest_high_unack(const view_t *v, size_t *count)
{
	const alarm_info_t *newest = NULL;
	*count = 0;
	for (size_t i = 0; i < view_alarm_count(v); i++) {
		const alarm_info_t *a = view_alarm(v, i);
		if (!a || a->priority != ALARM_PRIORITY_HIGH || a->state != ISA_UNACK)
			continue;
		(*count)++;
		if (!newest || a->since_ms > newest->since_ms)
			newest = a;
	}
	return newest;
}

static const alarm_info_t *find_alarm(const view_t *v, const char *id)
{
	for (size_t i = 0; i < view_alarm_count(v); i++) {
		const alarm_info_t *a = view_alarm(v, i);
		if (a && strcmp(a->id, id) == 0)
			return a;
	}
	return NULL;
}

static const reading_t *reading_of(const ui_ctx_t *ctx, const alarm_info_t *a)
{
	if (a->kind == ALARM_KIND_COMM || !ctx->store || a->index >= store_reading_count(ctx->store))
		return NULL;
	const reading_t *r = store_reading(ctx->store, a->index);
	return r && r->serial == a->serial ? r : NULL;
}

void kiosk_banner_text(const ui_ctx_t *ctx, const alarm_info_t *a, size_t others, char *buf,
                       size_t size)
{
	char head[256], more[64] = "", at[16], name[ALARM_ID_MAX + 64], place[256] = "";
	timefmt_format_clock(a->since_ms, at, sizeof at);
	if (others)
		snprintf(more, sizeof more,
		         P_("  (+%zu more unacknowledged)", "  (+%zu more unacknowledged)", others),
		         others);
	snprintf(head, sizeof head, "%s %s", alarm_row_state_glyph(ISA_UNACK),
	         _("NEW HIGH-PRIORITY ALARM"));
	char detail[160];
	snprintf(detail, sizeof detail, "%s %s %s%s", alarm_row_level_tag(a),
	         alarm_row_state_word(a->state), at, more);
	const reading_t *r = reading_of(ctx, a);
	const source_status_t *src = a->kind == ALARM_KIND_COMM && ctx->store
	                                 ? store_source(ctx->store, a->source)
	                                 : NULL;
	if (a->kind == ALARM_KIND_COMM)
		snprintf(name, sizeof name, _("no data from source %s"), src ? src->name : a->id);
	else if (r)
		snprintf(name, sizeof name, "%s%s", a->kind == ALARM_KIND_FAULT ? _("fault: ") : "",
		         format_reading_label(r));
	else
		snprintf(name, sizeof name, "%s", a->id);
	if (r)
		format_reading_place(r, place, sizeof place);
	if (src && src->url)
		snprintf(place, sizeof place, "%s", src->url);
	if (!place[0])
		snprintf(place, sizeof place, "%s", a->id);
	/* Cut to fit whole, never inside a character (Chinese is three bytes
	 * each). */
	char *whole = xasprintf("%s\n%s\n%s\n%s", head, name, place, detail);
	text_copy_cut(buf, size, whole);
	free(whole);
}

bool kiosk_step(kiosk_t *k, nav_t *nav, const ui_ctx_t *ctx)
{
	bool changed = false;
	int64_t now = ctx->now_ms;
	/* Until the first data is all in, its alarms are what stands. */
	bool settled = k->arrivals.started || (ctx->view && view_all_there(ctx->view)) ||
	               now - k->started_ms >= KIOSK_SETTLE_MS;
	if (ctx->alarms && ctx->view && settled) {
		if (alarm_bell_due(&k->arrivals, alarm_engine_high_arrivals(ctx->alarms), true, 0,
		                   now)) {
			size_t count;
			const alarm_info_t *a = newest_high_unack(ctx->view, &count);
			if (a) {
				char text[NAV_BANNER_MAX + 1];
				kiosk_banner_text(ctx, a, count - 1, text, sizeof text);
				kiosk_banner_raise(k, nav, a->id, text, now);
				changed = true;
			}
		}
		if (k->banner_id[0]) {
			const alarm_info_t *a = find_alarm(ctx->view, k->banner_id);
			changed |= kiosk_banner_check(k, nav, a && isa_state_unacked(a->state), now);
		}
	}
	changed |= kiosk_rotate(k, nav, now);
	return changed;
}
