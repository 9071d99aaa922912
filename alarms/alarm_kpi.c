/* alarm_kpi: EEMUA 191 figures, live (alarm_kpi.h). Arrivals are a ring of
 * their times, oldest first, pruned to the last hour at each advance; when
 * more than ALARM_KPI_ARRIVALS arrive within an hour the oldest are dropped
 * and the counts say they are lower bounds (saturated) for as long as a
 * dropped arrival would still be inside the hour. */
#include "alarm_kpi.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define HOUR_MS (3600LL * 1000)
#define TEN_MIN_MS (600LL * 1000)

struct alarm_kpi {
	int64_t at[ALARM_KPI_ARRIVALS]; /* arrival times, a ring */
	size_t head, count;             /* oldest at at[head] */
	bool dropped;                   /* an arrival was dropped ... */
	int64_t dropped_ms;             /* ... the newest such, at this time */
	alarm_kpi_counts_t counts;
};

alarm_kpi_t *alarm_kpi_create(void)
{
	return xcalloc(1, sizeof(alarm_kpi_t));
}

void alarm_kpi_destroy(alarm_kpi_t *k)
{
	free(k);
}

void alarm_kpi_copy(alarm_kpi_t *dst, const alarm_kpi_t *src)
{
	if (dst != src)
		memcpy(dst, src, sizeof *dst);
}

void alarm_kpi_arrival(alarm_kpi_t *k, int64_t now_ms)
{
	if (k->count == ALARM_KPI_ARRIVALS) {
		k->dropped = true;
		k->dropped_ms = k->at[k->head];
		k->head = (k->head + 1) % ALARM_KPI_ARRIVALS;
		k->count--;
	}
	k->at[(k->head + k->count) % ALARM_KPI_ARRIVALS] = now_ms;
	k->count++;
}

void alarm_kpi_advance(alarm_kpi_t *k, int64_t now_ms)
{
	while (k->count && k->at[k->head] <= now_ms - HOUR_MS) {
		k->head = (k->head + 1) % ALARM_KPI_ARRIVALS;
		k->count--;
	}
	unsigned recent = 0; /* newest first, until one is older than 10 min */
	while (recent < k->count &&
	       k->at[(k->head + k->count - 1 - recent) % ALARM_KPI_ARRIVALS] > now_ms - TEN_MIN_MS)
		recent++;
	alarm_kpi_counts_t *c = &k->counts;
	bool flood = c->flood;
	int64_t since = c->flood_since_ms;
	/* The engine refills the per-alarm figures after each advance. */
	memset(c, 0, sizeof *c);
	c->last_hour = (unsigned)k->count;
	c->last_10min = recent;
	c->saturated = k->dropped && k->dropped_ms > now_ms - HOUR_MS;
	/* Hysteresis: a flood starts above ALARM_KPI_FLOOD_START and ends only
	 * below ALARM_KPI_FLOOD_END, so the banner does not flicker. */
	if (!flood && recent > ALARM_KPI_FLOOD_START) {
		flood = true;
		since = now_ms;
	} else if (flood && recent < ALARM_KPI_FLOOD_END) {
		flood = false;
		since = 0;
	}
	c->flood = flood;
	c->flood_since_ms = since;
}

alarm_kpi_counts_t *alarm_kpi_counts(alarm_kpi_t *k)
{
	return &k->counts;
}

const alarm_kpi_counts_t *alarm_kpi_read(const alarm_kpi_t *k)
{
	return &k->counts;
}

bool alarm_chatter_note(alarm_chatter_t *c, int64_t now_ms)
{
	c->at[c->head] = now_ms;
	c->head = (unsigned char)((c->head + 1) % ALARM_KPI_CHATTER_COUNT);
	if (c->count < ALARM_KPI_CHATTER_COUNT)
		c->count++;
	return alarm_chatter_is(c, now_ms);
}

bool alarm_chatter_is(const alarm_chatter_t *c, int64_t now_ms)
{
	if (c->count < ALARM_KPI_CHATTER_COUNT)
		return false;
	/* Full ring: the oldest of the last activations is next to go. */
	return now_ms - c->at[c->head] <= ALARM_KPI_CHATTER_WINDOW_MS;
}
