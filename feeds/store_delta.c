/* Report by exception in the store (docs/protocol.md, "Report by
 * exception"): deltas amend a source's image, removed ids leave it, and a
 * document with a cursor vouches for the readings the source still holds.
 *
 * The image of a source is the readings whose seen_poll is the source's
 * applied_poll: a whole document makes its own; a delta's readings join the
 * one it amends (store_image_seq), so nothing it leaves out starts ageing
 * towards retention, and its cost is that of what it lists. */
#include "store_private.h"

#include <stdlib.h>

uint32_t store_image_seq(const store_t *st, const source_status_t *s)
{
	return st->open_delta && s->applied_poll ? s->applied_poll : st->poll_seq;
}

void store_begin_delta(store_t *st, int source, int64_t now_ms)
{
	store_begin_poll(st, source, now_ms);
	st->open_delta = true;
}

void store_end_delta(store_t *st, int source, const poll_report_t *rep, int64_t now_ms)
{
	source_status_t *s = &st->sources[source];
	store_source_data_time(s, rep, s->applied_poll != 0, now_ms);
	if (!s->applied_poll) /* a delta with nothing before it: its own image */
		s->applied_poll = st->poll_seq;
	/* New readings and those that rejoined (left out earlier, still kept). */
	s->doc_readings += st->poll_carried - st->poll_carried_prev;
	s->doc_confirmed_ms = now_ms;
	s->refused = st->poll_refused;
	s->ahead_of_clock = st->poll_ahead;
	s->deltas++;
}

bool store_withdraw_reading(store_t *st, int source, const char *id, int64_t now_ms)
{
	if (source < 0 || (size_t)source >= st->source_count)
		return false;
	long pos = keyindex_find(&st->reading_ix, source, id);
	if (pos < 0)
		return false;
	source_status_t *s = &st->sources[source];
	reading_t *r = &st->readings[pos];
	if (s->applied_poll && r->seen_poll == s->applied_poll) {
		/* Out of the image: confirmed until now, removed retention_ms later. */
		r->seen_poll = 0;
		r->confirmed_ms = now_ms;
		if (s->doc_readings)
			s->doc_readings--;
		if (now_ms + s->retention_ms < s->vanish_due_ms)
			s->vanish_due_ms = now_ms + s->retention_ms;
	}
	st->generation++;
	return true;
}

bool store_withdraw_kpi(store_t *st, int source, const char *id)
{
	long pos = keyindex_find(&st->kpi_ix, source, id);
	if (pos < 0 || source < 0 || (size_t)source >= st->source_count)
		return false;
	kpi_t *k = &st->kpis[pos];
	keyindex_remove(&st->kpi_ix, source, k->id);
	st->sources[source].bytes_held -= k->cost;
	store_kpi_free(k);
	*k = st->kpis[--st->kpi_count]; /* the last one moves in: re-pointed */
	if ((size_t)pos < st->kpi_count)
		keyindex_put(&st->kpi_ix, k->source, k->id, (size_t)pos);
	st->generation++;
	st->kpi_stamp = store_stamp_new();
	return true;
}

bool store_withdraw_event(store_t *st, int source, const char *id)
{
	long pos = keyindex_find(&st->event_ix, source, id);
	if (pos < 0 || source < 0 || (size_t)source >= st->source_count)
		return false;
	event_t *e = &st->events[pos];
	keyindex_remove(&st->event_ix, source, e->id);
	st->sources[source].bytes_held -= e->cost;
	store_event_free(e);
	*e = st->events[--st->event_count];
	if ((size_t)pos < st->event_count)
		keyindex_put(&st->event_ix, e->source, e->id, (size_t)pos);
	st->generation++;
	return true;
}

int64_t store_reading_vouched_age(const store_t *st, const reading_t *r, int64_t now_ms)
{
	int64_t age = store_reading_age(r, now_ms);
	const source_status_t *s = store_source(st, r->source);
	if (s && s->vouching && s->applied_poll && r->seen_poll == s->applied_poll) {
		int64_t vouched = source_data_age(s, now_ms) + r->behind_doc_ms;
		if (vouched >= 0 && vouched < age)
			age = vouched;
	}
	return age;
}
