/* session_alerts: the alarms handed to Alertmanager after each evaluation
 * (session_alarms.h, am_client.h): every alarm whose condition is active,
 * with its labels from the store (the same labels alarm_ops matches
 * silences against: alarm.h's engine builds them alike) and its value and
 * crossed limit as annotations.
 *
 * Out of service alarms are not posted (taken out in the configuration);
 * neither are alarms suppressed by design under a communications alarm:
 * the communications alarm is posted in their place, so a dead source pages
 * on-call staff once, not once per reading (docs/alarms.md). Shelved and
 * acknowledged alarms are posted: their silences keep them quiet there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_alarms.h"
#include "xalloc.h"

typedef struct alert_buf {
	char value[64], limit[48];
} alert_buf_t;

static bool posted(const alarm_info_t *a)
{
	return a->active && a->state != ISA_OOSRV && a->state != ISA_DSUPR;
}

static double limit_value(const limits_t *l, alarm_level_t level)
{
	switch (level) {
	case ALARM_LOLO:
		return l->lolo;
	case ALARM_LO:
		return l->lo;
	case ALARM_HI:
		return l->hi;
	default:
		return l->hihi;
	}
}

/* The reading an alarm is of, if the store still holds it. */
static const reading_t *reading_of(const store_t *st, const alarm_info_t *a)
{
	if (a->kind == ALARM_KIND_COMM)
		return NULL;
	const reading_t *r = store_reading(st, a->index);
	return r && r->serial == a->serial ? r : NULL;
}

static void fill(const store_t *st, const alarm_info_t *a, am_alert_t *al, alert_buf_t *b)
{
	const reading_t *r = reading_of(st, a);
	const source_status_t *src = a->source >= 0 && (size_t)a->source < store_source_count(st)
	                                 ? store_source(st, a->source)
	                                 : NULL;
	b->value[0] = b->limit[0] = '\0';
	*al = (am_alert_t){
	    .alarm_id = a->id,
	    .kind = alarm_kind_name(a->kind),
	    .domain = r ? r->domain_token : "",
	    .district = r ? r->district : "",
	    .street = r ? r->street : "",
	    .priority = alarm_priority_name(a->priority),
	    .source = src && src->name ? src->name : "",
	    .value = b->value,
	    .limit = b->limit,
	    .name = r ? r->name : src && src->name ? src->name : "",
	    .state = isa_state_tag(a->state),
	    .starts_ms = a->since_ms,
	};
	if (r && a->kind == ALARM_KIND_LIMIT) {
		if (r->has_value)
			snprintf(b->value, sizeof b->value, "%g%s%s", r->value, r->unit[0] ? " " : "",
			         r->unit);
		alarm_level_t level = a->level != ALARM_NONE ? a->level : a->peak;
		if (level != ALARM_NONE)
			snprintf(b->limit, sizeof b->limit, "%s %g%s%s", alarm_level_tag(level),
			         limit_value(&r->limits, level), r->unit[0] ? " " : "", r->unit);
	} else if (r) {
		snprintf(b->value, sizeof b->value, "%s", "bad quality");
	} else if (src) {
		snprintf(b->value, sizeof b->value, "%s",
		         src->error ? src->error : "no fresh data");
	}
}

void session_alerts_post(session_t *s)
{
	if (!s->am)
		return;
	size_t total = alarm_engine_alarm_count(s->alarms), n = 0;
	for (size_t i = 0; i < total; i++)
		n += posted(alarm_engine_alarm(s->alarms, i));
	am_alert_t *alerts = n ? xcalloc(n, sizeof *alerts) : NULL;
	alert_buf_t *bufs = n ? xcalloc(n, sizeof *bufs) : NULL;
	size_t k = 0;
	for (size_t i = 0; i < total && k < n; i++) {
		const alarm_info_t *a = alarm_engine_alarm(s->alarms, i);
		if (posted(a)) {
			fill(s->store, a, &alerts[k], &bufs[k]);
			k++;
		}
	}
	am_client_set_alerts(s->am, alerts, k); /* copied */
	free(alerts);
	free(bufs);
}
