/* Poll bookkeeping: opening and closing a poll (with the sweep of items the
 * document no longer carries and the retention of readings), the source's
 * data time, failures, and 304 Not Modified. */
#include "store_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "url_redact.h"
#include "xalloc.h"

void store_begin_poll(store_t *st, int source, int64_t now_ms)
{
	/* Skip 0 on wrap-around: fresh items carry seen_poll 0. */
	if (++st->poll_seq == 0)
		st->poll_seq = 1;
	st->open_source = source;
	st->open_delta = false;
	st->poll_carried = st->poll_carried_prev = st->poll_refused = st->poll_ahead = 0;
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
		st->sources[source].bytes_held -= k->cost;
		store_kpi_free(k);
		*k = st->kpis[--st->kpi_count];
		if (i < st->kpi_count)
			keyindex_put(&st->kpi_ix, k->source, k->id, i);
		st->kpi_stamp = store_stamp_new();
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
		st->sources[source].bytes_held -= e->cost;
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

static void reading_remove(store_t *st, size_t i)
{
	reading_t *r = &st->readings[i];
	source_status_t *s = &st->sources[r->source];
	keyindex_remove(&st->reading_ix, r->source, r->id);
	s->readings_held--;
	s->bytes_held -= r->cost;
	store_reading_free(r);
	memset(r, 0, sizeof *r); /* free: no id */
	if (st->free_count == st->free_cap) {
		st->free_cap = st->free_cap ? 2 * st->free_cap : 64;
		st->free_slots =
		    xreallocarray(st->free_slots, st->free_cap, sizeof *st->free_slots);
	}
	st->free_slots[st->free_count++] = i;
	st->generation++;
}

/* One pass over the source's readings the current document left out: those
 * the previous document (prev_poll, confirmed until prev_confirmed_ms) still
 * carried left it just now; every one is removed retention_ms after it was
 * last sent or confirmed. Then the next such time is noted. */
static void readings_sweep(store_t *st, int source, int64_t now_ms, uint32_t prev_poll,
                           int64_t prev_confirmed_ms)
{
	source_status_t *s = &st->sources[source];
	int64_t due = INT64_MAX;
	for (size_t i = 0; i < st->reading_count; i++) {
		reading_t *r = &st->readings[i];
		if (!r->id || r->source != source || r->seen_poll == s->applied_poll)
			continue;
		if (prev_poll && r->seen_poll == prev_poll && r->confirmed_ms < prev_confirmed_ms)
			r->confirmed_ms = prev_confirmed_ms;
		int64_t expires = r->confirmed_ms + s->retention_ms;
		if (now_ms >= expires)
			reading_remove(st, i);
		else if (expires < due)
			due = expires;
	}
	s->vanish_due_ms = due;
}

void store_expire_readings(store_t *st, int source, int64_t now_ms)
{
	if (source >= 0 && (size_t)source < st->source_count &&
	    now_ms >= st->sources[source].vanish_due_ms)
		readings_sweep(st, source, now_ms, 0, 0);
}

/* The time the new document stands for on our clock (store.h, "Age"):
 * generated_at, moved back by however much it lagged behind our clock beyond
 * the tolerance; a time ahead of ours is not believed (receipt is used); a
 * document no newer than the previous one keeps the previous time. */
void store_source_data_time(source_status_t *s, const poll_report_t *rep, bool had_doc,
                            int64_t now_ms)
{
	int64_t t = now_ms;
	s->clock_lag_ms = 0;
	if (rep && rep->dated) {
		s->clock_lag_ms = rep->lag_ms;
		if (rep->lag_ms > s->clock_skew_ms)
			t = now_ms - (rep->lag_ms - s->clock_skew_ms);
		if (had_doc && s->doc_dated && rep->generated_ms <= s->doc_generated_ms &&
		    s->data_ms < t)
			t = s->data_ms;
		s->doc_generated_ms = rep->generated_ms;
	}
	s->doc_dated = rep && rep->dated;
	s->data_ms = t;
}

void store_end_poll(store_t *st, int source, const poll_report_t *rep, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	if (st->open_source == source && st->open_delta) {
		store_end_delta(st, source, rep, now_ms);
	} else if (st->open_source == source) {
		if (rep && rep->had_kpis)
			kpis_sweep(st, source);
		if (rep && rep->had_events)
			events_sweep(st, source);
		uint32_t prev_poll = s->applied_poll;
		int64_t prev_confirmed = s->doc_confirmed_ms;
		bool left_out = st->poll_carried_prev < s->doc_readings;
		store_source_data_time(s, rep, prev_poll != 0, now_ms);
		s->applied_poll = st->poll_seq;
		s->doc_readings = st->poll_carried;
		s->doc_confirmed_ms = now_ms;
		s->refused = st->poll_refused;
		s->ahead_of_clock = st->poll_ahead;
		if (left_out) /* readings left the feed just now: note when, and when they expire */
			readings_sweep(st, source, now_ms, prev_poll, prev_confirmed);
	}
	st->open_source = -1;
	st->open_delta = false;
	s->vouching = rep && rep->vouches;
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
	/* Shown on screen: sanitized here too, whatever the adapter did. */
	free(s->warning);
	s->warning = rep && rep->warning && rep->warning[0]
	                 ? text_sanitize(rep->warning, strlen(rep->warning))
	                 : NULL;
	s->polls_ok++;
	store_expire_readings(st, source, now_ms);
	st->generation++;
}

void store_poll_failed(store_t *st, int source, const char *reason, int64_t now_ms)
{
	store_poll_failed_detail(st, source, reason, NULL, now_ms);
}

/* Reasons come from libraries and servers: they are sanitized here, once,
 * like every other text that reaches the screen or stderr, and a URL in
 * them (curl's message may hold one) loses its credentials. */
static char *clean_copy(const char *text)
{
	if (!text || !text[0])
		return NULL;
	char *clean = text_sanitize(text, strlen(text));
	char *shown = url_redact(clean);
	free(clean);
	return shown;
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
	/* Readings the feed had already left out still expire on time; those of
	 * its last document stay, ageing, while it cannot be reached. */
	store_expire_readings(st, source, now_ms);
	st->generation++;
}

/* 304: the producer says its last document is still current. That makes
 * the source healthy and the document's readings count as sent now (for
 * retention), but nothing younger: the data still stands for the time that
 * document was generated (data_ms, each reading's age are left alone).
 * History is not touched (no new sample was observed). Counted in
 * not_modified, not in polls_ok. */
void store_poll_not_modified(store_t *st, int source, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return;
	source_status_t *s = &st->sources[source];
	if (s->applied_poll)
		s->doc_confirmed_ms = now_ms;
	status_ok(s, now_ms);
	s->not_modified++;
	store_expire_readings(st, source, now_ms);
	st->generation++;
}

void store_source_next_try(store_t *st, int source, int64_t at_ms)
{
	if (source >= 0 && (size_t)source < st->source_count)
		st->sources[source].next_try_ms = at_ms;
}
