#include "city_json.h"

#include <inttypes.h>
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
	jbuf_key(b, key);
	jbuf_string(b, buf);
}

/* Opens a document: {"version":1,"source":...,"generated_at":..., */
static void doc_open(jbuf_t *b, const char *source, const city_json_time_t *tm)
{
	jbuf_puts(b, "{\"version\":1,");
	jbuf_key(b, "source");
	jbuf_string(b, source);
	jbuf_puts(b, ",");
	put_time(b, "generated_at", tm->now_ms);
	jbuf_puts(b, ",");
}

static void put_place(jbuf_t *b, const char *district, const char *street)
{
	jbuf_puts(b, "\"place\":{");
	jbuf_key(b, "district");
	jbuf_string(b, district);
	jbuf_puts(b, ",");
	jbuf_key(b, "street");
	jbuf_string(b, street);
	jbuf_puts(b, "},");
}

static void put_limits(jbuf_t *b, const city_measure_def_t *m)
{
	int d = m->decimals;
	jbuf_puts(b, "\"limits\":{");
	if (m->has_lo) {
		jbuf_puts(b, "\"lolo\":");
		jbuf_number(b, m->lolo, d);
		jbuf_puts(b, ",\"lo\":");
		jbuf_number(b, m->lo, d);
		jbuf_puts(b, ",");
	}
	if (m->has_hi) {
		jbuf_puts(b, "\"hi\":");
		jbuf_number(b, m->hi, d);
		jbuf_puts(b, ",\"hihi\":");
		jbuf_number(b, m->hihi, d);
	}
	jbuf_trim_comma(b);
	jbuf_puts(b, "},");
}

static void put_reading(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_reading_t *r = city_reading(c, i);
	const city_measure_def_t *m = r->measure;
	double v;
	jbuf_puts(b, "{\"id\":");
	jbuf_string(b, r->id);
	jbuf_puts(b, ",\"name\":");
	jbuf_string(b, r->name);
	jbuf_puts(b, ",\"domain\":");
	jbuf_string(b, city_domain_name(r->domain));
	jbuf_puts(b, ",");
	put_place(b, r->district->name, r->street->name);
	jbuf_puts(b, "\"unit\":");
	jbuf_string(b, m->unit);
	jbuf_puts(b, ",\"value\":");
	if (city_reading_value_at(c, i, tm->tick, &v))
		jbuf_number(b, v, m->decimals);
	else
		jbuf_puts(b, "null");
	jbuf_puts(b, ",");
	put_time(b, "ts", tick_wall_ms(tm, tm->tick));
	jbuf_puts(b, ",\"range\":[");
	jbuf_number(b, m->min, m->decimals);
	jbuf_puts(b, ",");
	jbuf_number(b, m->max, m->decimals);
	jbuf_puts(b, "],");
	put_limits(b, m);
	jbuf_puts(b, "\"deadband\":");
	jbuf_number(b, m->deadband, m->decimals + 1);
	jbuf_puts(b, ",\"quality\":");
	jbuf_string(b, city_quality_name(city_reading_quality_at(c, i, tm->tick)));
	jbuf_puts(b, "},");
}

char *city_json_readings(const city_t *c, size_t domain, const city_json_time_t *tm, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 64 * 1024);
	char source[64];
	snprintf(source, sizeof(source), "mock-%s", city_domain_name(domain));
	doc_open(&b, source, tm);
	jbuf_puts(&b, "\"readings\":[");
	for (size_t i = 0; i < city_reading_count(c); i++) {
		if (city_reading(c, i)->domain == domain)
			put_reading(&b, c, i, tm);
	}
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "]}\n");
	return jbuf_finish(&b, len);
}

static void put_kpi(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_kpi_def_t *k = city_kpi(c, i);
	double hist[CITY_KPI_HISTORY];
	char period[32];
	city_json_format_time(tick_wall_ms(tm, tm->tick), period, sizeof(period));
	period[7] = '\0'; /* "2026-11-25T..." -> "2026-11": the month */
	city_kpi_history_at(c, i, tm->tick, hist);
	jbuf_puts(b, "{\"id\":");
	jbuf_string(b, k->id);
	jbuf_puts(b, ",\"name\":");
	jbuf_string(b, k->name);
	jbuf_puts(b, ",\"category\":");
	jbuf_string(b, k->category);
	jbuf_puts(b, ",\"unit\":");
	jbuf_string(b, k->unit);
	jbuf_puts(b, ",\"value\":");
	jbuf_number(b, hist[CITY_KPI_HISTORY - 1], k->decimals);
	jbuf_puts(b, ",\"target\":");
	jbuf_number(b, k->target, k->decimals);
	jbuf_printf(b, ",\"better\":\"%s\",\"period\":", k->lower_better ? "lower" : "higher");
	jbuf_string(b, period);
	jbuf_puts(b, ",\"history\":[");
	for (int j = 0; j < CITY_KPI_HISTORY; j++) {
		jbuf_number(b, hist[j], k->decimals);
		jbuf_puts(b, j + 1 < CITY_KPI_HISTORY ? "," : "],");
	}
	jbuf_puts(b, "\"index\":");
	jbuf_string(b, k->index);
	jbuf_puts(b, ",\"weight\":");
	jbuf_number(b, k->weight, 2);
	jbuf_puts(b, "},");
}

typedef void put_item_fn(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm);

/* A document carrying one array, `key`, of `count` items written by `put`. */
static char *doc_with_array(const city_t *c, const char *source, const char *key, size_t count,
                            put_item_fn *put, const city_json_time_t *tm, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 16 * 1024);
	doc_open(&b, source, tm);
	jbuf_printf(&b, "\"%s\":[", key);
	for (size_t i = 0; i < count; i++)
		put(&b, c, i, tm);
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "]}\n");
	return jbuf_finish(&b, len);
}

char *city_json_kpis(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	return doc_with_array(c, "mock-kpi", "kpis", city_kpi_count(c), put_kpi, tm, len);
}

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
	jbuf_printf(b, "\"EV-%s-%04" PRId64 "\"", ymd,
	            n * (int64_t)city_event_count(c) + (int64_t)i + 1);
}

static void put_event(jbuf_t *b, const city_t *c, size_t i, const city_json_time_t *tm)
{
	const city_event_def_t *e = city_event(c, i);
	const city_district_def_t *d = &city_districts[e->district];
	city_event_state_t st;
	city_event_at(c, i, tm->tick, &st);
	jbuf_puts(b, "{\"id\":");
	put_event_id(b, c, i, tm, &st);
	jbuf_puts(b, ",\"type\":");
	jbuf_string(b, e->type);
	jbuf_puts(b, ",\"title\":");
	jbuf_string(b, e->title);
	jbuf_puts(b, ",\"severity\":");
	jbuf_string(b, e->severity);
	jbuf_puts(b, ",");
	put_place(b, d->name, d->streets[e->street].name);
	jbuf_puts(b, "\"level\":");
	jbuf_string(b, e->level);
	jbuf_puts(b, ",\"stage\":");
	jbuf_string(b, city_stage_name(st.stage));
	jbuf_puts(b, ",");
	put_time(b, "opened_at", tick_wall_ms(tm, st.opened_tick));
	jbuf_puts(b, ",");
	put_time(b, "updated_at", tick_wall_ms(tm, st.updated_tick));
	jbuf_puts(b, ",\"departments\":[");
	for (size_t j = 0; j < st.dept_count; j++) {
		jbuf_puts(b, "{\"name\":");
		jbuf_string(b, e->departments[j]);
		jbuf_puts(b, ",\"state\":");
		jbuf_string(b, city_dept_state_name(st.depts[j]));
		jbuf_puts(b, "},");
	}
	jbuf_trim_comma(b);
	jbuf_printf(b, "],\"steps\":{\"done\":%u,\"total\":%u}},", st.done, st.total);
}

char *city_json_events(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	return doc_with_array(c, "mock-events", "events", city_event_count(c), put_event, tm, len);
}

char *city_json_health(const city_t *c, const city_json_time_t *tm, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 512);
	jbuf_puts(&b, "{\"status\":\"ok\",");
	jbuf_puts(&b, "\"version\":1,\"source\":\"mock\",");
	put_time(&b, "generated_at", tm->now_ms);
	jbuf_printf(&b, ",\"tick\":%" PRId64 ",\"tick_ms\":%u,\"seed\":%" PRIu64, tm->tick,
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
