/* PLACEHOLDER: replaced wholesale by the owner of alarm_kpi (issue 9). */
#include "alarm_kpi.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct alarm_kpi {
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
	*dst = *src;
}

void alarm_kpi_arrival(alarm_kpi_t *k, int64_t now_ms)
{
	(void)now_ms;
	k->counts.last_10min++;
}

void alarm_kpi_advance(alarm_kpi_t *k, int64_t now_ms)
{
	(void)k;
	(void)now_ms;
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
	(void)c;
	(void)now_ms;
	return false;
}

bool alarm_chatter_is(const alarm_chatter_t *c, int64_t now_ms)
{
	(void)c;
	(void)now_ms;
	return false;
}
