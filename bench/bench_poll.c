#include "bench_poll.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "city_json.h"
#include "ingest.h"

double bench_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof v[0], cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void bench_poll_make(const city_fixture_t *fx, int64_t tick, bench_poll_t *p)
{
	memset(p, 0, sizeof *p);
	city_json_time_t tm = {.tick = tick,
	                       .tick0_ms = CITY_FIXTURE_NOW_MS,
	                       .tick_ms = 1000,
	                       .now_ms = CITY_FIXTURE_NOW_MS + tick * 1000};
	for (size_t d = 0; d < city_domain_count() && p->count < BENCH_POLL_DOCS - 2; d++) {
		p->body[p->count] = city_json_readings(fx->city, d, &tm, &p->len[p->count]);
		p->source[p->count++] = (int)d;
	}
	p->body[p->count] = city_json_kpis(fx->city, &tm, &p->len[p->count]);
	p->source[p->count++] = fx->kpi_source;
	p->body[p->count] = city_json_events(fx->city, &tm, &p->len[p->count]);
	p->source[p->count++] = fx->event_source;
	for (size_t i = 0; i < p->count; i++)
		p->bytes += p->len[i];
}

void bench_poll_free(bench_poll_t *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->body[i]);
}

double bench_poll_ingest(city_fixture_t *fx, const bench_poll_t *p, const char *who)
{
	double t0 = bench_mono_ms();
	for (size_t i = 0; i < p->count; i++) {
		if (ingest_body(fx->store, p->source[i], adapter_find(NULL), p->body[i], p->len[i],
		                fx->now_ms) != 0) {
			const source_status_t *s = store_source(fx->store, p->source[i]);
			fprintf(stderr, "%s: %s rejected: %s\n", who, s->name,
			        s->error ? s->error : "");
			return -1;
		}
	}
	return bench_mono_ms() - t0;
}
