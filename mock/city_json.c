#include "city_json.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
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

static void put_limits(jbuf_t *b, const city_measure_def_t *m)
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
	put_limits(b, m);
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
	jbuf_field_str(b, "index", k->index);
	jbuf_field_num(b, "weight", k->weight, 2);
	jbuf_close(b, '}');
}

char *city_json_kpis(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	return doc_with_array(c, "mock-kpi", "kpis", city_kpi_count(c), city_json_put_kpi, NULL, 0,
	                      tm, len);
}

/* "EV-20261125-0007": the day the event opened, and a number that changes
 * with each recurrence of the same template. */
static void put_event_id(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm,
                         const city_event_state_t *st)
{
	char date[32];
	city_json_format_time(tick_wall_ms(tm, st->opened_tick), date, sizeof(date));
	/* "2026-11-25T..." -> "20261125" */
	char ymd[9] = {date[0], date[1], date[2], date[3], date[5], date[6], date[8], date[9], 0};
	int64_t n = st->cycle % 100;
	if (n < 0)
		n += 100;
	jbuf_printf(b, "\"id\":\"EV-%s-%04" PRId64 "\",", ymd,
	            n * (int64_t)city_event_count(c) + (int64_t)i + 1);
}

static void put_event(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_event_def_t *e = city_event(c, i);
	const city_district_def_t *d = &city_districts[e->district];
	city_event_state_t st;
	city_event_at(c, i, tm->tick, &st);
	jbuf_open(b, NULL, '{');
	put_event_id(b, c, i, tm, &st);
	jbuf_field_str(b, "type", e->type);
	jbuf_field_str(b, "title", e->title);
	jbuf_field_str(b, "severity", e->severity);
	put_place(b, d->name, d->streets[e->street].name);
	jbuf_field_str(b, "level", e->level);
	jbuf_field_str(b, "stage", city_stage_name(st.stage));
	put_time(b, "opened_at", tick_wall_ms(tm, st.opened_tick));
	put_time(b, "updated_at", tick_wall_ms(tm, st.updated_tick));
	jbuf_open(b, "departments", '[');
	for (size_t j = 0; j < st.dept_count; j++) {
		jbuf_open(b, NULL, '{');
		jbuf_field_str(b, "name", e->departments[j]);
		jbuf_field_str(b, "state", city_dept_state_name(st.depts[j]));
		jbuf_close(b, '}');
	}
	jbuf_close(b, ']');
	jbuf_open(b, "steps", '{');
	jbuf_field_num(b, "done", st.done, 0);
	jbuf_field_num(b, "total", st.total, 0);
	jbuf_close(b, '}');
	jbuf_close(b, '}');
}

void city_json_put_event_at(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	put_event(b, c, i, tm);
}

char *city_json_events(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	return doc_with_array(c, "mock-events", "events", city_event_count(c), put_event, NULL, 0,
	                      tm, len);
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
	jbuf_printf(&b, ",\"readings\":%zu,\"kpis\":%zu,\"events\":%zu}\n", city_reading_count(c),
	            city_kpi_count(c), city_event_count(c));
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
