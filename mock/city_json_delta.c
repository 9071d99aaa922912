/* city_json_delta: documents from the report-by-exception image (see
 * city_json_delta.h). Items are written by city_json.c's item writers, or
 * copied from the objects rbe.c serialized to see what changed. */
#include "city_json_delta.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jbuf.h"

static void doc_open(jbuf_t *b, const char *source, const rbe_t *r, const city_json_time_t *tm,
                     bool delta)
{
	char when[32], cursor[RBE_CURSOR_MAX + 1];
	city_json_format_time(tm->now_ms, when, sizeof when);
	rbe_cursor(r, cursor, sizeof cursor);
	jbuf_open(b, NULL, '{');
	jbuf_field_num(b, "version", 1, 0);
	jbuf_field_str(b, "source", source);
	jbuf_field_str(b, "generated_at", when);
	jbuf_field_str(b, "cursor", cursor);
	if (delta)
		jbuf_puts(b, "\"delta\":true,");
}

static void put_readings(jbuf_t *b, const city_t *c, const rbe_t *r, size_t domain,
                         const city_json_time_t *tm, const int64_t *since, size_t *items)
{
	jbuf_open(b, "readings", '[');
	for (size_t i = 0; i < city_reading_count(c); i++) {
		if (city_reading(c, i)->domain != domain ||
		    (since && rbe_reading_changed(r, i) <= *since))
			continue;
		city_json_put_reading_as(b, c, i, tm, rbe_reading(r, i));
		(*items)++;
	}
	jbuf_close(b, ']');
}

static void put_kpis(jbuf_t *b, const city_t *c, const rbe_t *r, const int64_t *since,
                     size_t *items)
{
	jbuf_open(b, "kpis", '[');
	for (size_t i = 0; i < city_kpi_count(c); i++) {
		if (since && rbe_kpi_changed(r, i) <= *since)
			continue;
		size_t len;
		const char *json = rbe_kpi_json(r, i, &len);
		jbuf_printf(b, "%.*s", (int)len, json);
		(*items)++;
	}
	jbuf_close(b, ']');
}

/* Events shown now (changed since, for a delta), then for a delta the
 * tombstones of those gone since. */
static void put_events(jbuf_t *b, const rbe_t *r, const int64_t *since, size_t *items)
{
	jbuf_open(b, "events", '[');
	size_t n = rbe_event_count(r), gone = 0;
	for (size_t k = 0; k < n; k++) {
		const rbe_event_t *e = rbe_event(r, k);
		if (e->removed_tick >= 0) {
			gone += since && e->removed_tick > *since;
			continue;
		}
		if (since && e->changed_tick <= *since)
			continue;
		jbuf_printf(b, "%.*s", (int)e->len, e->json);
		(*items)++;
	}
	jbuf_close(b, ']');
	if (!gone)
		return;
	jbuf_open(b, "removed", '{');
	jbuf_open(b, "events", '[');
	for (size_t k = 0; k < n; k++) {
		const rbe_event_t *e = rbe_event(r, k);
		if (e->removed_tick >= 0 && e->removed_tick > *since) {
			jbuf_field_str(b, NULL, e->id);
			(*items)++;
		}
	}
	jbuf_close(b, ']');
	jbuf_close(b, '}');
}

char *city_json_rbe_doc(const city_t *c, const rbe_t *r, city_feed_t feed, size_t domain,
                        const city_json_time_t *tm, const int64_t *since, size_t *len,
                        size_t *items)
{
	size_t count = 0;
	char source[64];
	jbuf_t b;
	jbuf_init(&b, since ? 4096 : 64 * 1024);
	switch (feed) {
	case CITY_FEED_READINGS:
		snprintf(source, sizeof source, "mock-%s", city_domain_name(domain));
		doc_open(&b, source, r, tm, since != NULL);
		put_readings(&b, c, r, domain, tm, since, &count);
		break;
	case CITY_FEED_KPIS:
		doc_open(&b, "mock-kpi", r, tm, since != NULL);
		put_kpis(&b, c, r, since, &count);
		break;
	case CITY_FEED_EVENTS:
		doc_open(&b, "mock-events", r, tm, since != NULL);
		put_events(&b, r, since, &count);
		break;
	}
	jbuf_close(&b, '}');
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "\n");
	if (items)
		*items = count;
	return jbuf_finish(&b, len);
}
