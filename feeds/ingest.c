#include "ingest.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

struct ingest_doc {
	feed_sink_t sink; /* ctx is the struct itself */
	store_t *st;
	int source;
	int64_t now_ms;
	bool begun;
	bool delta; /* the document is a delta (report by exception) */
	unsigned duplicates;
	unsigned refused; /* items beyond the source's max_readings or max_bytes */
	char refused_reason[200];
};
typedef struct ingest_doc ingest_ctx_t;

/* The poll is opened at the first element, so a rejection before any element
 * (see the adapter contract above) leaves no trace in the store. */
static void ingest_begin(ingest_ctx_t *c)
{
	if (!c->begun) {
		if (c->delta)
			store_begin_delta(c->st, c->source, c->now_ms);
		else
			store_begin_poll(c->st, c->source, c->now_ms);
		c->begun = true;
	}
}

/* Report by exception: a delta amends instead of replacing, and its removed
 * ids leave the store (store.h). */
static void sink_header(void *ctx, const feed_stats_t *stats)
{
	ingest_ctx_t *c = ctx;
	if (!c->begun)
		c->delta = stats->delta;
}

static void sink_removed(void *ctx, feed_item_t kind, const char *id)
{
	ingest_ctx_t *c = ctx;
	ingest_begin(c);
	if (kind == FEED_ITEM_READING)
		store_withdraw_reading(c->st, c->source, id, c->now_ms);
	else if (kind == FEED_ITEM_KPI)
		store_withdraw_kpi(c->st, c->source, id);
	else
		store_withdraw_event(c->st, c->source, id);
}

/* Counts a refusal; the first one of the document names the limit. */
static void refused(ingest_ctx_t *c, store_put_t put, const char *what, const char *id)
{
	if (put != STORE_PUT_REFUSED && put != STORE_PUT_OVER_BUDGET)
		return;
	if (c->refused++)
		return;
	const source_status_t *s = store_source(c->st, c->source);
	if (put == STORE_PUT_REFUSED)
		snprintf(c->refused_reason, sizeof c->refused_reason,
		         _("%s \"%s\": refused, the source holds its limit of %zu readings "
		           "(max_readings)"),
		         _(what), id, s ? s->max_readings : 0);
	else
		snprintf(c->refused_reason, sizeof c->refused_reason,
		         _("%s \"%s\": refused, the source holds its limit of %zu bytes "
		           "(max_bytes)"),
		         _(what), id, s ? s->max_bytes : 0);
}

static void sink_reading(void *ctx, const reading_in_t *r)
{
	ingest_ctx_t *c = ctx;
	ingest_begin(c);
	store_put_t put = store_put_reading(c->st, c->source, r, c->now_ms);
	if (put == STORE_PUT_DUPLICATE)
		c->duplicates++;
	refused(c, put, N_("reading"), r->id);
}

static void sink_kpi(void *ctx, const kpi_in_t *k)
{
	ingest_ctx_t *c = ctx;
	ingest_begin(c);
	store_put_t put = store_put_kpi(c->st, c->source, k, c->now_ms);
	if (put == STORE_PUT_DUPLICATE)
		c->duplicates++;
	refused(c, put, N_("KPI"), k->id);
}

static void sink_event(void *ctx, const event_in_t *e)
{
	ingest_ctx_t *c = ctx;
	ingest_begin(c);
	store_put_t put = store_put_event(c->st, c->source, e, c->now_ms);
	if (put == STORE_PUT_DUPLICATE)
		c->duplicates++;
	refused(c, put, N_("event"), e->id);
}

ingest_doc_t *ingest_doc_open(store_t *st, int source, int64_t now_ms)
{
	ingest_ctx_t *c = xcalloc(1, sizeof *c);
	*c = (ingest_ctx_t){.st = st, .source = source, .now_ms = now_ms};
	c->sink =
	    (feed_sink_t){c, sink_reading, sink_kpi, sink_event, 0, sink_header, sink_removed};
	return c;
}

const feed_sink_t *ingest_doc_sink(ingest_doc_t *c)
{
	return &c->sink;
}

void ingest_doc_reject(ingest_doc_t *c, const char *cause)
{
	store_poll_failed(c->st, c->source, cause ? cause : _("document rejected"), c->now_ms);
	free(c);
}

void ingest_doc_close(ingest_doc_t *c, const feed_stats_t *stats)
{
	/* A document with nothing to apply still opens a poll, so that KPIs and
	 * events its (empty) arrays no longer list are dropped. */
	ingest_begin(c);
	poll_report_t rep = {
	    .had_kpis = stats->had_kpis,
	    .had_events = stats->had_events,
	    .vouches = stats->cursor[0] != '\0',
	    .dated = stats->has_generated,
	    .generated_ms = stats->generated_ms,
	    .lag_ms = stats->has_generated ? c->now_ms - stats->generated_ms : 0,
	    .skipped = stats->skipped + c->refused,
	    .duplicates = c->duplicates,
	    .limits_ignored = stats->limits_ignored,
	    .first_bad_limits = stats->first_bad_limits,
	    .first_skip_reason = stats->first_skip_reason[0] ? stats->first_skip_reason
	                         : c->refused                ? c->refused_reason
	                                                     : NULL,
	    .warning = stats->warning[0] ? stats->warning : NULL,
	};
	store_end_poll(c->st, c->source, &rep, c->now_ms);
	free(c);
}

void ingest_doc_abandon(ingest_doc_t *c)
{
	free(c);
}

int ingest_body(store_t *st, int source, const adapter_t *adapter, const char *body, size_t len,
                int64_t now_ms)
{
	if (!adapter)
		adapter = adapter_find(NULL);
	ingest_doc_t *c = ingest_doc_open(st, source, now_ms);
	const source_status_t *src = store_source(st, source);
	c->sink.max_tree_bytes = src ? src->max_bytes : 0; /* the parse holds to the budget */
	feed_stats_t stats;
	char *cause = NULL;
	adapter_body_t one = {body, len, 0};
	if (adapter->parse(NULL, &one, 1, now_ms, &c->sink, &stats, &cause) < 0) {
		ingest_doc_reject(c, cause);
		free(cause);
		return -1;
	}
	ingest_doc_close(c, &stats);
	return 0;
}
