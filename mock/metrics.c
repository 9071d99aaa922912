#include "metrics.h"

#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

void metrics_label_value(jbuf_t *b, const char *s)
{
	jbuf_puts(b, "\"");
	while (*s) {
		size_t run = strcspn(s, "\\\"\n"); /* copied as they are */
		if (run)
			jbuf_printf(b, "%.*s", (int)run, s);
		s += run;
		if (*s) {
			jbuf_puts(b, *s == '\n' ? "\\n" : *s == '"' ? "\\\"" : "\\\\");
			s++;
		}
	}
	jbuf_puts(b, "\"");
}

static void put_label(jbuf_t *b, const char *name, const char *value, bool first)
{
	jbuf_printf(b, "%s%s=", first ? "" : ",", name);
	metrics_label_value(b, value);
}

char *metrics_readings(const city_t *city, int64_t tick, size_t *len)
{
	size_t n = city_reading_count(city);
	jbuf_t b;
	jbuf_init(&b, 256 + n * 256);
	jbuf_puts(&b, "# HELP citydash_reading Current value of one reading of the simulated "
	              "city, in its unit (label unit).\n"
	              "# TYPE citydash_reading gauge\n");
	for (size_t i = 0; i < n; i++) {
		double v;
		if (!city_reading_value_at(city, i, tick, &v))
			continue; /* no value now: no sample (see metrics.h) */
		const city_reading_t *r = city_reading(city, i);
		jbuf_puts(&b, "citydash_reading{");
		put_label(&b, "id", r->id, true);
		put_label(&b, "name", r->name, false);
		put_label(&b, "domain", city_domain_name(r->domain), false);
		put_label(&b, "district", r->district->name, false);
		put_label(&b, "street", r->street->name, false);
		put_label(&b, "unit", r->measure->unit, false);
		jbuf_puts(&b, "} ");
		jbuf_number(&b, v, r->measure->decimals);
		jbuf_puts(&b, "\n");
	}
	return jbuf_finish(&b, len);
}

/* One sample of a bound family: name{id="..",key="what"} value */
static void put_bound(jbuf_t *b, const char *family, const char *id, const char *key,
                      const char *what, double v, int decimals)
{
	jbuf_printf(b, "%s{", family);
	put_label(b, "id", id, true);
	put_label(b, key, what, false);
	jbuf_puts(b, "} ");
	jbuf_number(b, v, decimals);
	jbuf_puts(b, "\n");
}

char *metrics_reading_bounds(const city_t *city, size_t *len)
{
	size_t n = city_reading_count(city);
	jbuf_t b;
	jbuf_init(&b, 512 + n * 6 * 96);
	jbuf_puts(&b, "# HELP citydash_reading_limit Alarm limit of one reading of the simulated "
	              "city (label limit: lolo, lo, hi or hihi), in its unit.\n"
	              "# TYPE citydash_reading_limit gauge\n");
	for (size_t i = 0; i < n; i++) {
		const city_reading_t *r = city_reading(city, i);
		const city_measure_def_t *m = r->measure;
		if (m->has_lo) {
			put_bound(&b, "citydash_reading_limit", r->id, "limit", "lolo", m->lolo, m->decimals);
			put_bound(&b, "citydash_reading_limit", r->id, "limit", "lo", m->lo, m->decimals);
		}
		if (m->has_hi) {
			put_bound(&b, "citydash_reading_limit", r->id, "limit", "hi", m->hi, m->decimals);
			put_bound(&b, "citydash_reading_limit", r->id, "limit", "hihi", m->hihi, m->decimals);
		}
	}
	jbuf_puts(&b, "# HELP citydash_reading_range Gauge range of one reading of the simulated "
	              "city (label bound: min or max), in its unit.\n"
	              "# TYPE citydash_reading_range gauge\n");
	for (size_t i = 0; i < n; i++) {
		const city_reading_t *r = city_reading(city, i);
		const city_measure_def_t *m = r->measure;
		put_bound(&b, "citydash_reading_range", r->id, "bound", "min", m->min, m->decimals);
		put_bound(&b, "citydash_reading_range", r->id, "bound", "max", m->max, m->decimals);
	}
	return jbuf_finish(&b, len);
}

char *metrics_requests(const metrics_count_t *counts, size_t n, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 256 + n * 96);
	jbuf_puts(&b, "# HELP citydash_mock_requests_total Requests answered by citydash-mock, "
	              "by path and status code.\n"
	              "# TYPE citydash_mock_requests_total counter\n");
	for (size_t i = 0; i < n; i++) {
		if (!counts[i].count)
			continue;
		jbuf_puts(&b, "citydash_mock_requests_total{");
		put_label(&b, "path", counts[i].path, true);
		jbuf_printf(&b, ",code=\"%u\"} %" PRIu64 "\n", counts[i].code, counts[i].count);
	}
	return jbuf_finish(&b, len);
}

char *metrics_faults(const metrics_fault_count_t *counts, size_t n, size_t *len)
{
	jbuf_t b;
	jbuf_init(&b, 256 + n * 96);
	jbuf_puts(&b, "# HELP citydash_mock_faults_total Requests that citydash-mock --fault "
	              "answered with a fault, by path and kind.\n"
	              "# TYPE citydash_mock_faults_total counter\n");
	for (size_t i = 0; i < n; i++) {
		if (!counts[i].count)
			continue;
		jbuf_puts(&b, "citydash_mock_faults_total{");
		put_label(&b, "path", counts[i].path, true);
		put_label(&b, "kind", counts[i].kind, false);
		jbuf_printf(&b, "} %" PRIu64 "\n", counts[i].count);
	}
	return jbuf_finish(&b, len);
}
