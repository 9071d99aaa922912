/* Poll bookkeeping: opening and closing a poll (with the sweep of items the
 * document no longer carries), failures, and 304 Not Modified. */
#include "store_private.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

void store_begin_poll(store_t *st, int source, int64_t now_ms)
{
	/* Skip 0 on wrap-around: fresh items carry seen_poll 0. */
	if (++st->poll_seq == 0)
		st->poll_seq = 1;
	st->open_source = source;
}

/* Drops the source's KPIs this poll did not carry. Swap-with-last keeps the
 * array compact (order changes); the moved item is re-pointed in the index. */
static void kpis_sweep(store_t *st, int source)
{
	for (size_t i = 0; i < st->kpi_count;) {
		kpi_t *k = &st->kpis[i];
		if (k->source != source || k->seen_poll == st->poll_seq) {
			i++;
			continue;
		}
		keyindex_remove(&st->kpi_ix, k->source, k->id);
		store_kpi_free(k);
		*k = st->kpis[--st->kpi_count];
		if (i < st->kpi_count)
			keyindex_put(&st->kpi_ix, k->source, k->id, i);
	}
}

static void events_sweep(store_t *st, int source)
{
	for (size_t i = 0; i < st->event_count;) {
		event_t *e = &st->events[i];
		if (e->source != source || e->seen_poll == st->poll_seq) {
			i++;
			continue;
		}
		keyindex_remove(&st->event_ix, e->source, e->id);
		store_event_free(e);
		*e = st->events[--st->event_count];
		if (i < st->event_count)
			keyindex_put(&st->event_ix, e->source, e->id, i);
	}
}

static void status_ok(source_status_t *s, int64_t now_ms)
{
	s->ever_ok = true;
	s->failing = false;
	free(s->error);
	free(s->error_detail);
	s->error = s->error_detail = NULL;
	s->last_ok_ms = now_ms;
	s->last_attempt_ms = now_ms;
	s->consecutive_failures = 0;
}

void store_end_poll(store_t *st, int source, const poll_report_t *rep, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	if (st->open_source == source) {
		if (rep && rep->had_kpis)
			kpis_sweep(st, source);
		if (rep && rep->had_events)
			events_sweep(st, source);
	}
	if (st->open_source == source)
		s->applied_poll = st->poll_seq;
	st->open_source = -1;
	status_ok(s, now_ms);
	s->skipped = rep ? rep->skipped : 0;
	s->duplicates = rep ? rep->duplicates : 0;
	s->limits_ignored = rep ? rep->limits_ignored : 0;
	free(s->first_bad_limits);
	s->first_bad_limits = rep && rep->first_bad_limits && rep->first_bad_limits[0]
	                          ? xstrdup(rep->first_bad_limits)
	                          : NULL;
	free(s->last_skip_reason);
	s->last_skip_reason = NULL;
	if (rep && rep->first_skip_reason && rep->first_skip_reason[0])
		s->last_skip_reason = xstrdup(rep->first_skip_reason);
	s->polls_ok++;
	st->generation++;
}

void store_poll_failed(store_t *st, int source, const char *reason, int64_t now_ms)
{
	store_poll_failed_detail(st, source, reason, NULL, now_ms);
}

/* Reasons come from libraries and servers: they are sanitized here, once,
 * like every other text that reaches the screen or stderr. */
static char *clean_copy(const char *text)
{
	return text && text[0] ? text_sanitize(text, strlen(text)) : NULL;
}

void store_poll_failed_detail(store_t *st, int source, const char *reason, const char *detail,
                              int64_t now_ms)
{
	if (st->open_source == source)
		st->open_source = -1;
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	s->failing = true;
	free(s->error);
	free(s->error_detail);
	s->error = clean_copy(reason);
	if (!s->error)
		s->error = xstrdup("?");
	s->error_detail = clean_copy(detail);
	s->last_attempt_ms = now_ms;
	s->consecutive_failures++;
	s->polls_failed++;
	st->generation++;
}

/* 304: the producer says the last document is still current, so its data is
 * as fresh as if it had been sent again. History is not touched (no new
 * sample was observed). Counted in not_modified, not in polls_ok. */
void store_poll_not_modified(store_t *st, int source, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	uint32_t last = st->sources[source].applied_poll;
	for (size_t i = 0; i < st->reading_count; i++)
		if (st->readings[i].source == source && st->readings[i].seen_poll == last)
			st->readings[i].received_ms = now_ms;
	for (size_t i = 0; i < st->kpi_count; i++)
		if (st->kpis[i].source == source && st->kpis[i].seen_poll == last)
			st->kpis[i].received_ms = now_ms;
	for (size_t i = 0; i < st->event_count; i++)
		if (st->events[i].source == source && st->events[i].seen_poll == last)
			st->events[i].received_ms = now_ms;
	status_ok(&st->sources[source], now_ms);
	st->sources[source].not_modified++;
	st->generation++;
}

void store_source_next_try(store_t *st, int source, int64_t at_ms)
{
	if (source >= 0 && (size_t)source < st->source_count)
		st->sources[source].next_try_ms = at_ms;
}
