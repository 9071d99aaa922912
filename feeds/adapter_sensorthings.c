/* adapter_sensorthings: OGC SensorThings API v1.1 (OGC 18-088; e.g.
 * FROST-Server) as a row of the adapter table (adapter.h). A source's url
 * is the service root (http://host/FROST-Server/v1.1); an attempt GETs its
 * Datastreams with their Thing, Locations and latest Observation, page by
 * page through "@iot.nextLink" (sta_request.c), and the pages are read
 * here as one document: every Datastream one reading (sta_element.c).
 *
 * A page is {"value": [Datastream, ...], "@iot.nextLink": "..."}. The
 * attempt is rejected (nothing handed out) when its first page is not such
 * an object, or when a later one is not even that at its top level (checked
 * by sta_scan.c before the first element goes out). A later page that
 * passes that check but still cannot be parsed (deeply broken JSON, over
 * the memory bound) can no longer reject the attempt: it is counted as one
 * skipped element and named in the warning. Paging stopped at max_pages
 * while the server had more is the source's warning. See sta_private.h. */
#include "adapter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sta_private.h"
#include "text.h"
#include "xalloc.h"

#define ERROR_BODY_MAX (64 * 1024) /* an error body longer than this is not read */
#define REASON_MAX 200             /* bytes of the server's message kept */

/* FROST's error answer {"code":400,"type":"error","message":"..."}: its
 * message, sanitized and cut, or NULL. */
static char *error_message(const cJSON *doc)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(doc, "message");
	if (!cJSON_IsString(m) || !m->valuestring || !m->valuestring[0])
		return NULL;
	const char *s = m->valuestring;
	size_t n = strlen(s);
	if (n > REASON_MAX) { /* cut at a character boundary */
		n = REASON_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return text_sanitize(s, n);
}

static char *sta_error_reason(const void *opts, long status, const char *body, size_t len)
{
	(void)opts;
	if (!body || !len || len > ERROR_BODY_MAX)
		return NULL;
	cJSON *doc = cJSON_ParseWithLength(body, len);
	char *msg = cJSON_IsObject(doc) ? error_message(doc) : NULL;
	cJSON_Delete(doc);
	if (!msg)
		return NULL;
	char *reason = xasprintf(_("SensorThings error (HTTP %ld): %s"), status, msg);
	free(msg);
	return reason;
}

/* Why the first page cannot be read as Datastreams, or NULL if it can. */
static char *first_page_check(const cJSON *doc, bool over, size_t limit,
                              const adapter_body_t *b, const char *end)
{
	if (over)
		return xasprintf(_("document too large to hold: parsing it needs more than %zu "
		                   "bytes (max_bytes)"),
		                 limit);
	if (!doc) {
		size_t at = end && end >= b->data && end <= b->data + b->len
		                ? (size_t)(end - b->data)
		                : b->len;
		return xasprintf(_("not JSON (syntax error near byte %zu)"), at);
	}
	if (!cJSON_IsObject(doc))
		return xstrdup(_("not a JSON object"));
	const cJSON *value = cJSON_GetObjectItemCaseSensitive(doc, "value");
	if (cJSON_IsArray(value))
		return NULL;
	char *msg = error_message(doc);
	if (msg) {
		char *why = xasprintf(_("SensorThings error: %s"), msg);
		free(msg);
		return why;
	}
	return xstrdup(_("not a SensorThings collection (no \"value\" array)"));
}

/* Every later page must at least look like one before anything goes out. */
static char *later_pages_check(const adapter_body_t *bodies, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		sta_page_info_t info;
		const char *why = NULL;
		if (!sta_scan_page(bodies[i].data, bodies[i].len, &info, &why))
			return xasprintf(_("page %zu of %zu: %s"), i + 1, n, _(why));
		if (!info.has_value)
			return xasprintf(_("page %zu of %zu: not a SensorThings collection (no "
			                   "\"value\" array)"),
			                 i + 1, n);
	}
	return NULL;
}

/* A later page that could not be parsed after all: one skip, and said. */
static void page_lost(pctx_t *c, size_t page, size_t n)
{
	c->stats->skipped++;
	char *why = xasprintf(_("page %zu of %zu could not be read: its Datastreams are missing"),
	                      page + 1, n);
	if (!c->stats->first_skip_reason[0])
		snprintf(c->stats->first_skip_reason, sizeof c->stats->first_skip_reason, "%s", why);
	if (!c->stats->warning[0])
		snprintf(c->stats->warning, sizeof c->stats->warning, "%s", why);
	free(why);
}

/* The pages, in order, into the sink; page 0 already parsed as doc. */
static void read_pages(pctx_t *c, const sta_opts_t *o, const adapter_body_t *bodies, size_t n,
                       cJSON *doc)
{
	size_t limit = c->sink ? c->sink->max_tree_bytes : 0, index = 0;
	bool more = false;
	for (size_t page = 0; page < n; page++) {
		if (page > 0) {
			bool over = false;
			const char *end = NULL;
			doc = proto_json_parse(bodies[page].data, bodies[page].len, &end, limit, &over);
			const cJSON *value = cJSON_GetObjectItemCaseSensitive(doc, "value");
			if (!cJSON_IsArray(value)) {
				proto_json_free(doc);
				page_lost(c, page, n);
				continue;
			}
		}
		const cJSON *el;
		cJSON_ArrayForEach(el, cJSON_GetObjectItemCaseSensitive(doc, "value"))
		{
			sta_datastream(c, o, el, index++);
			if (c->bad)
				c->stats->skipped++;
		}
		more = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(doc, "@iot.nextLink"));
		proto_json_free(doc);
	}
	if (more && !c->stats->warning[0])
		snprintf(c->stats->warning, sizeof c->stats->warning,
		         P_("paging stopped after %zu page (max_pages): more Datastreams remain",
		            "paging stopped after %zu pages (max_pages): more Datastreams remain", n),
		         n);
}

static int sta_parse(const void *opts, const adapter_body_t *bodies, size_t n, int64_t now_ms,
                     const feed_sink_t *sink, feed_stats_t *stats, char **cause)
{
	memset(stats, 0, sizeof *stats);
	void *own = NULL;
	const sta_opts_t *o = sta_options_or_defaults(opts, &own);
	char *why = n ? later_pages_check(bodies, n) : xstrdup(_("no answer to read"));
	cJSON *doc = NULL;
	size_t limit = sink ? sink->max_tree_bytes : 0;
	if (!why) {
		bool over = false;
		const char *end = NULL;
		doc = proto_json_parse(bodies[0].data, bodies[0].len, &end, limit, &over);
		why = first_page_check(doc, over, limit, &bodies[0], end);
		if (why)
			proto_json_free(doc);
	}
	if (why) {
		sta_options_free(own);
		if (cause)
			*cause = why;
		else
			free(why);
		return -1;
	}
	pctx_t c = {.default_ts = now_ms,
	            .now_ms = now_ms,
	            .sink = sink,
	            .stats = stats,
	            .what = N_("Datastream")};
	if (sink && sink->header)
		sink->header(sink->ctx, stats);
	stats->had_readings = true;
	read_pages(&c, o, bodies, n, doc);
	free(c.buf);
	sta_options_free(own);
	return 0;
}

const adapter_t adapter_sensorthings = {
    .name = "sensorthings",
    .parse = sta_parse,
    .options_key = "sensorthings",
    .options_required = false,
    .options_parse = sta_options_parse,
    .options_free = sta_options_free,
    .next_request = sta_next_request,
    .error_reason = sta_error_reason,
};
