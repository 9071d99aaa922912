/* alarm_kpis: EEMUA 191 figures as the alarms page and the flood banner
 * say them (alarm_kpis.h). */
#include "alarm_kpis.h"

#include <stdio.h>

#include "i18n.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

/* "7 (>2 manageable)", "1 (acceptable)", "2 (manageable)"; "8192+" when
 * the kept arrivals ran out. Returns whether it is over manageable. */
static bool rate_text(unsigned n, bool saturated, unsigned acceptable, unsigned manageable,
                      char *buf, size_t size)
{
	const char *plus = saturated ? "+" : "";
	if (n <= acceptable)
		snprintf(buf, size, _("%u%s (acceptable)"), n, plus);
	else if (n <= manageable)
		snprintf(buf, size, _("%u%s (manageable)"), n, plus);
	else
		snprintf(buf, size, _("%u%s (>%u manageable)"), n, plus, manageable);
	return n > manageable;
}

bool alarm_kpis_strip(const alarm_kpi_counts_t *k, char *buf, size_t size)
{
	char ten[48], hour[48];
	bool over = rate_text(k->last_10min, k->saturated, ALARM_KPI_ACCEPTABLE_10MIN,
	                      ALARM_KPI_MANAGEABLE_10MIN, ten, sizeof ten);
	over |= rate_text(k->last_hour, k->saturated, ALARM_KPI_ACCEPTABLE_HOUR,
	                  ALARM_KPI_MANAGEABLE_HOUR, hour, sizeof hour);
	snprintf(buf, size,
	         _("10 min: %s  hour: %s  unacked %u  chattering %u  stale %u  high %u med %u"), ten,
	         hour, k->unacked, k->chattering, k->stale, k->by_priority[ALARM_PRIORITY_HIGH],
	         k->by_priority[ALARM_PRIORITY_MEDIUM]);
	return over;
}

/* The short form, for narrow screens: "10 min: 7 (>2)  hour: 7 (ok)  unacked
 * 4  chatter 0  stale 0  high 3 med 2". */
static void strip_short(const alarm_kpi_counts_t *k, char *buf, size_t size)
{
	char ten[32], hour[32];
	const char *plus = k->saturated ? "+" : "";
	/* Over the manageable rate: "7 (>2)". */
	if (k->last_10min > ALARM_KPI_MANAGEABLE_10MIN)
		snprintf(ten, sizeof ten, _("%u%s (>%d)"), k->last_10min, plus,
		         ALARM_KPI_MANAGEABLE_10MIN);
	else
		snprintf(ten, sizeof ten, _("%u (ok)"), k->last_10min);
	if (k->last_hour > ALARM_KPI_MANAGEABLE_HOUR)
		snprintf(hour, sizeof hour, _("%u%s (>%d)"), k->last_hour, plus,
		         ALARM_KPI_MANAGEABLE_HOUR);
	else
		snprintf(hour, sizeof hour, _("%u (ok)"), k->last_hour);
	snprintf(buf, size, _("10 min: %s  hour: %s  unacked %u  chatter %u  stale %u  high %u med %u"),
	         ten, hour, k->unacked, k->chattering, k->stale, k->by_priority[ALARM_PRIORITY_HIGH],
	         k->by_priority[ALARM_PRIORITY_MEDIUM]);
}

void alarm_kpis_strip_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx)
{
	const alarm_kpi_counts_t *k = ctx->alarms ? alarm_engine_kpi(ctx->alarms) : NULL;
	if (!k)
		return;
	char buf[320];
	bool over = alarm_kpis_strip(k, buf, sizeof buf);
	attr_t a = theme_attr(over ? ROLE_KPI_OFF : ROLE_LABEL);
	if (6 + text_draw_width(buf) <= w) {
		text_draw(win, y, x, w, "EEMUA", theme_attr(ROLE_DIM));
		text_draw(win, y, x + 6, w - 6, buf, a);
	} else {
		strip_short(k, buf, sizeof buf);
		text_draw(win, y, x, w, buf, a);
	}
}

bool alarm_kpis_flood(const ui_ctx_t *ctx, char *buf, size_t size)
{
	buf[0] = '\0';
	const alarm_kpi_counts_t *k = ctx->alarms ? alarm_engine_kpi(ctx->alarms) : NULL;
	if (!k || !k->flood)
		return false;
	char since[16];
	timefmt_format_clock(k->flood_since_ms, since, sizeof since);
	snprintf(buf, size,
	         _("ALARM FLOOD: %u%s alarms in 10 min since %s \xe2\x80\x94 %u unacknowledged; high priority "
	           "first (a: alarm list)"),
	         k->last_10min, k->saturated ? "+" : "", since, k->unacked);
	return true;
}
