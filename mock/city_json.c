#include "city_json.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "jbuf.h"

void city_json_format_time(int64_t ms, char *buf, size_t size)
{
	int64_t secs = ms / 1000, frac = ms % 1000;
	if (frac < 0) {
		frac += 1000;
		secs -= 1;
	}
	time_t tt = (time_t)secs;
	struct tm tm;
	if (!gmtime_r(&tt, &tm)) {
		snprintf(buf, size, "1970-01-01T00:00:00.000Z");
		return;
	}
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)frac);
}

static int64_t tick_wall_ms(const city_json_time_t *tm, int64_t tick)
{
	return tm->tick0_ms + tick * (int64_t)tm->tick_ms;
}

static void put_time(jbuf_t *b, const char *key, int64_t ms)
{
	char buf[32];
	city_json_format_time(ms, buf, sizeof(buf));
	jbuf_field_str(b, key, buf);
}

/* Opens a document: {"version":1,"source":...,"generated_at":..., */
static void doc_open(jbuf_t *b, const char *source, const city_json_time_t *tm)
{
	jbuf_open(b, NULL, '{');
	jbuf_field_num(b, "version", 1, 0);
	jbuf_field_str(b, "source", source);
	put_time(b, "generated_at", tm->now_ms);
}

/* Closes the document and hands its text over. */
static char *doc_finish(jbuf_t *b, size_t *len)
{
	jbuf_close(b, '}');
	jbuf_trim_comma(b);
	jbuf_puts(b, "\n");
	return jbuf_finish(b, len);
}

static void put_place(jbuf_t *b, const char *district, const char *street)
{
	jbuf_open(b, "place", '{');
	jbuf_field_str(b, "district", district);
	jbuf_field_str(b, "street", street);
	jbuf_close(b, '}');
}

void city_json_put_limits(jbuf_t *b, const city_measure_def_t *m)
{
	int d = m->decimals;
	jbuf_open(b, "limits", '{');
	if (m->has_lo) {
		jbuf_field_num(b, "lolo", m->lolo, d);
		jbuf_field_num(b, "lo", m->lo, d);
	}
	if (m->has_hi) {
		jbuf_field_num(b, "hi", m->hi, d);
		jbuf_field_num(b, "hihi", m->hihi, d);
	}
	jbuf_close(b, '}');
}

void city_json_put_reading_as(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm,
                              const city_json_value_t *val)
{
	const city_reading_t *r = city_reading(c, i);
	const city_measure_def_t *m = r->measure;
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "id", r->id);
	jbuf_field_str(b, "name", r->name);
	jbuf_field_str(b, "domain", city_domain_name(r->domain));
	put_place(b, r->district->name, r->street->name);
	jbuf_field_str(b, "unit", m->unit);
	if (val->has_value)
		jbuf_field_num(b, "value", val->value, m->decimals);
	else
		jbuf_puts(b, "\"value\":null,");
	put_time(b, "ts", tick_wall_ms(tm, tm->tick));
	jbuf_open(b, "range", '[');
	jbuf_field_num(b, NULL, m->min, m->decimals);
	jbuf_field_num(b, NULL, m->max, m->decimals);
	jbuf_close(b, ']');
	city_json_put_limits(b, m);
	jbuf_field_num(b, "deadband", m->deadband, m->decimals + 1);
	jbuf_field_str(b, "quality", city_quality_name(val->quality));
	jbuf_close(b, '}');
}

static void put_reading(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	city_json_value_t val = {.quality = city_reading_quality_at(c, i, tm->tick)};
	val.has_value = city_reading_value_at(c, i, tm->tick, &val.value);
	city_json_put_reading_as(b, c, i, tm, &val);
}

typedef void put_item_fn(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm);

/* A document carrying one array, `key`, of the items i for which `want`
 * (NULL: all) holds, each written by `put`. */
static char *doc_with_array(const city_t *c, const char *source, const char *key, size_t count,
                            put_item_fn *put, bool (*want)(const city_t *, size_t, size_t),
                            size_t arg, const city_json_time_t *tm, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 16 * 1024);
	doc_open(&b, source, tm);
	jbuf_open(&b, key, '[');
	for (size_t i = 0; i < count; i++)
		if (!want || want(c, i, arg))
			put(&b, c, i, tm);
	jbuf_close(&b, ']');
	return doc_finish(&b, len);
}

static bool in_domain(const city_t *c, size_t i, size_t domain)
{
	return city_reading(c, i)->domain == domain;
}

char *city_json_readings(const city_t *c, size_t domain, const city_json_time_t *tm, size_t *len)
{
	char source[64];
	snprintf(source, sizeof(source), "mock-%s", city_domain_name(domain));
	return doc_with_array(c, source, "readings", city_reading_count(c), put_reading, in_domain,
	                      domain, tm, len);
}

void city_json_put_kpi(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_kpi_def_t *k = city_kpi(c, i);
	double hist[CITY_KPI_HISTORY];
	char period[32];
	city_json_format_time(tick_wall_ms(tm, tm->tick), period, sizeof(period));
	period[7] = '\0'; /* "2026-11-25T..." -> "2026-11": the month */
	city_kpi_history_at(c, i, tm->tick, hist);
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "id", k->id);
	jbuf_field_str(b, "name", k->name);
	jbuf_field_str(b, "category", k->category);
	const char *district, *street;
	city_kpi_place(c, i, &district, &street);
	if (district) { /* city-wide KPIs have no place: the demo's documents stay as they were */
		jbuf_open(b, "place", '{');
		jbuf_field_str(b, "district", district);
		if (street)
			jbuf_field_str(b, "street", street);
		jbuf_close(b, '}');
	}
	jbuf_field_str(b, "unit", k->unit);
	jbuf_field_num(b, "value", hist[CITY_KPI_HISTORY - 1], k->decimals);
	jbuf_field_num(b, "target", k->target, k->decimals);
	jbuf_field_str(b, "better", k->lower_better ? "lower" : "higher");
	jbuf_field_str(b, "period", period);
	jbuf_open(b, "history", '[');
	for (int j = 0; j < CITY_KPI_HISTORY; j++)
		jbuf_field_num(b, NULL, hist[j], k->decimals);
	jbuf_close(b, ']');
	jbuf_field_str(b, "index", k->index); /* the first membership, for old clients */
	jbuf_field_num(b, "weight", k->weight, 2);
	jbuf_open(b, "indices", '{');
	jbuf_field_num(b, k->index, k->weight, 2);
	for (size_t j = 0; j < CITY_KPI_MORE_INDICES && k->more[j].index; j++)
		jbuf_field_num(b, k->more[j].index, k->more[j].weight, 2);
	jbuf_close(b, '}');
	jbuf_close(b, '}');
}

char *city_json_kpis(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	return doc_with_array(c, "mock-kpi", "kpis", city_kpi_count(c), city_json_put_kpi, NULL, 0,
	                      tm, len);
}

static void put_plan(jbuf_t *b, const city_event_view_t *ev)
{
	jbuf_open(b, "plan", '[');
	for (size_t j = 0; j < ev->step_count; j++) {
		jbuf_open(b, NULL, '{');
		jbuf_field_str(b, "name", ev->steps[j].name);
		jbuf_field_str(b, "department", ev->steps[j].department);
		jbuf_puts(b, ev->steps[j].done ? "\"done\":true," : "\"done\":false,");
		jbuf_close(b, '}');
	}
	jbuf_close(b, ']');
}

static void put_escalations(jbuf_t *b, const city_event_view_t *ev, const city_json_time_t *tm)
{
	jbuf_open(b, "escalations", '[');
	for (size_t j = 0; j < ev->escalation_count; j++) {
		jbuf_open(b, NULL, '{');
		jbuf_field_str(b, "from", city_tier_name(ev->escalations[j].from));
		jbuf_field_str(b, "to", city_tier_name(ev->escalations[j].to));
		put_time(b, "at", tick_wall_ms(tm, ev->escalations[j].tick));
		jbuf_close(b, '}');
	}
	jbuf_close(b, ']');
}

void city_json_put_event(jbuf_t *b, const city_event_view_t *ev, const city_json_time_t *tm)
{
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "id", ev->id);
	jbuf_field_str(b, "type", ev->type);
	if (ev->type_name)
		jbuf_field_str(b, "type_name", ev->type_name);
	if (ev->category)
		jbuf_field_str(b, "category", ev->category);
	if (ev->subcategory)
		jbuf_field_str(b, "subcategory", ev->subcategory);
	jbuf_field_str(b, "title", ev->title);
	jbuf_field_str(b, "severity", city_severity_name(ev->severity));
	jbuf_open(b, "place", '{');
	jbuf_field_str(b, "district", ev->district);
	if (ev->street)
		jbuf_field_str(b, "street", ev->street);
	jbuf_close(b, '}');
	jbuf_field_str(b, "level", city_tier_name(ev->level));
	jbuf_field_str(b, "stage", city_stage_name(ev->stage));
	put_time(b, "opened_at", tick_wall_ms(tm, ev->opened_tick));
	put_time(b, "updated_at", tick_wall_ms(tm, ev->updated_tick));
	put_time(b, "due_at", tick_wall_ms(tm, ev->due_tick));
	jbuf_open(b, "departments", '[');
	for (size_t j = 0; j < ev->dept_count; j++) {
		jbuf_open(b, NULL, '{');
		jbuf_field_str(b, "name", ev->dept_names[j]);
		jbuf_field_str(b, "state", city_dept_state_name(ev->depts[j]));
		jbuf_close(b, '}');
	}
	jbuf_close(b, ']');
	jbuf_open(b, "steps", '{');
	jbuf_field_num(b, "done", ev->done, 0);
	jbuf_field_num(b, "total", ev->total, 0);
	jbuf_close(b, '}');
	put_plan(b, ev);
	put_escalations(b, ev, tm);
	jbuf_close(b, '}');
}

char *city_json_events(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	city_event_view_t *views;
	size_t n = city_events_at(c, tm->tick, &views);
	jbuf_t b;
	jbuf_init(&b, 16 * 1024 + n * 1024);
	doc_open(&b, "mock-events", tm);
	jbuf_open(&b, "events", '[');
	for (size_t i = 0; i < n; i++)
		city_json_put_event(&b, &views[i], tm);
	jbuf_close(&b, ']');
	free(views);
	return doc_finish(&b, len);
}

char *city_json_health(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 512);
	jbuf_puts(&b, "{\"status\":\"ok\",");
	jbuf_puts(&b, "\"version\":1,\"source\":\"mock\",");
	put_time(&b, "generated_at", tm->now_ms);
	jbuf_printf(&b, "\"tick\":%" PRId64 ",\"tick_ms\":%u,\"seed\":%" PRIu64, tm->tick,
	            tm->tick_ms, city_seed(c));
	city_event_view_t *views;
	size_t events = city_events_at(c, tm->tick, &views); /* shown at this tick */
	free(views);
	jbuf_printf(&b, ",\"readings\":%zu,\"kpis\":%zu,\"events\":%zu}\n", city_reading_count(c),
	            city_kpi_count(c), events);
	return jbuf_finish(&b, len);
}

char *city_json_error(const char *message, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 128);
	jbuf_puts(&b, "{\"error\":");
	jbuf_string(&b, message);
	jbuf_puts(&b, "}\n");
	return jbuf_finish(&b, len);
}
