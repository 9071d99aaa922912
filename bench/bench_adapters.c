/* bench_adapters: what one poll of the whole seeded mock city costs through
 * each adapter, next to the bare JSON parse of the same bytes in the same
 * run as the reference.
 *
 *   bench_adapters [ROUNDS] [SEED]    (default 21 rounds, seed 1)
 *
 * The city at --scale city (4,476 readings), at tick r in round r, as:
 *   citydash-v1   the six domain documents the mock serves (/v1/feeds/...)
 *   prometheus    one instant-query answer of every citydash_reading series
 *   sensorthings  one page of every Datastream with its Thing, Location and
 *                 latest Observation, as citydash-mock serves it (sta_json.h)
 *   json          that same page read through JSON Pointers (type json)
 * For each: reference cJSON_ParseWithLength + cJSON_Delete of the bytes,
 * then the ingest (the adapter's parse, validation, sanitizing, the store
 * update) into a store of its own, as the poller applies an answer. Medians
 * in ms and their ratio (target: at most 1.5x). An adapter still a
 * placeholder is listed as such. Figures, not assertions. */
#include <cjson/cJSON.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter.h"
#include "bench_adapter_docs.h"
#include "bench_line.h"
#include "bench_poll.h"
#include "city.h"
#include "city_json.h"
#include "ingest.h"
#include "sta_json.h"
#include "store.h"
#include "xalloc.h"

#define TICK0_MS INT64_C(1795658400000) /* 2026-11-26T10:00:00+08:00 */
#define MAX_DOCS 8
#define STA_ROOT "http://127.0.0.1:8080/sta/v1.1"

enum { F_V1, F_PROM, F_STA, F_JSON, F_COUNT };

typedef struct format {
	const char *label, *adapter;
	const char *opts_json; /* NULL: none (or the adapter's defaults) */
	void *opts;
	const adapter_t *a;
	store_t *store;
	int source;
	double *ref, *ing;
	size_t bytes, docs;
	const char *broken; /* why it is not measured, or NULL */
} format_t;

typedef struct docs {
	char *body[MAX_DOCS];
	size_t len[MAX_DOCS], count;
} docs_t;

static void make_docs(const city_t *city, int f, int64_t tick, docs_t *d)
{
	memset(d, 0, sizeof *d);
	city_json_time_t tm = {
	    .tick = tick, .tick0_ms = TICK0_MS, .tick_ms = 1000, .now_ms = TICK0_MS + tick * 1000};
	if (f == F_V1) {
		for (size_t i = 0; i < city_domain_count() && d->count < MAX_DOCS; i++) {
			d->body[d->count] = city_json_readings(city, i, &tm, &d->len[d->count]);
			d->count++;
		}
	} else if (f == F_PROM) {
		d->body[0] = bench_doc_prometheus(city, tick, TICK0_MS, &d->len[0]);
		d->count = 1;
	} else { /* what citydash-mock serves at /sta/v1.1/Datastreams?$top=10000 */
		d->body[0] = sta_json_datastreams(city, &tm, STA_ROOT, 0, city_reading_count(city),
		                                  true, &d->len[0]);
		d->count = 1;
	}
}

static void free_docs(docs_t *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->body[i]);
}

static bool setup(format_t *f)
{
	f->a = adapter_find(f->adapter);
	if (!f->a) {
		f->broken = "not in the adapter table";
		return false;
	}
	if (f->a->options_parse) {
		cJSON *obj = f->opts_json ? cJSON_Parse(f->opts_json) : NULL;
		cfg_error_t e = {0};
		if (f->a->options_parse(obj, &f->opts, &e) < 0) {
			fprintf(stderr, "bench_adapters: %s options %s: %s\n", f->adapter,
			        e.pointer ? e.pointer : "", e.message ? e.message : "");
			f->broken = "its options are refused";
		}
		cfg_error_free(&e);
		cJSON_Delete(obj);
	} else if (f->opts_json) {
		f->broken = "not built yet (a placeholder)";
	}
	f->store = store_create();
	f->source = store_add_source(f->store, f->adapter, "http://127.0.0.1/", 1000, 3000);
	return !f->broken;
}

/* One attempt's answers through the adapter into the store, as
 * ingest_body does with the source's options. ms, or -1 if rejected. */
static double ingest(format_t *f, const docs_t *d, int64_t now_ms, char **cause)
{
	double t0 = bench_mono_ms();
	for (size_t i = 0; i < d->count; i++) {
		ingest_doc_t *c = ingest_doc_open(f->store, f->source, now_ms);
		feed_stats_t st;
		adapter_body_t b = {d->body[i], d->len[i], 0};
		if (f->a->parse(f->opts, &b, 1, now_ms, ingest_doc_sink(c), &st, cause) < 0) {
			ingest_doc_reject(c, *cause);
			return -1;
		}
		ingest_doc_close(c, &st);
	}
	return bench_mono_ms() - t0;
}

static double bare_parse(const docs_t *d)
{
	double t0 = bench_mono_ms();
	for (size_t i = 0; i < d->count; i++)
		cJSON_Delete(cJSON_ParseWithLength(d->body[i], d->len[i]));
	return bench_mono_ms() - t0;
}

static void report(const format_t *f, int rounds)
{
	if (f->broken) {
		printf("%-34s %s\n", f->label, f->broken);
		return;
	}
	double ref = bench_median(f->ref, rounds), ing = bench_median(f->ing, rounds);
	printf("%-34s %9zu B %3zu doc  %8.2f ms  %8.2f ms  %5.2fx  %5zu readings\n", f->label,
	       f->bytes, f->docs, ref, ing, ing / ref, store_reading_count(f->store));
	char name[64];
	snprintf(name, sizeof name, "adapter: %s", f->adapter);
	bench_line(name, ing, "ms", "cJSON parse", ref, "<=1.5x");
}

int main(int argc, char **argv)
{
	mallopt(M_MXFAST, 0); /* every free paid where it happens: bench_ingest.c */
	int rounds = argc > 1 ? atoi(argv[1]) : 21;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	if (rounds < 1) {
		fprintf(stderr, "usage: bench_adapters [ROUNDS] [SEED]\n");
		return 2;
	}
	city_config_t cfg = {.scale = CITY_SCALE_CITY};
	city_t *city = city_create_config(seed, &cfg);
	format_t formats[F_COUNT] = {
	    [F_V1] = {.label = "citydash-v1 (six domain documents)",
	              .adapter = "citydash-v1",
	              .opts_json = NULL},
	    [F_PROM] = {.label = "prometheus (instant query)",
	                .adapter = "prometheus",
	                .opts_json = bench_opts_prometheus},
	    [F_STA] = {.label = "sensorthings (one page)",
	               .adapter = "sensorthings",
	               .opts_json = NULL},
	    [F_JSON] = {.label = "json (the SensorThings page)",
	                .adapter = "json",
	                .opts_json = bench_opts_json_on_sensorthings},
	};
	for (int f = 0; f < F_COUNT; f++) {
		setup(&formats[f]);
		formats[f].ref = xcalloc((size_t)rounds, sizeof(double));
		formats[f].ing = xcalloc((size_t)rounds, sizeof(double));
	}
	for (int r = 0; r < rounds; r++) {
		for (int f = 0; f < F_COUNT; f++) {
			format_t *fm = &formats[f];
			if (fm->broken)
				continue;
			docs_t d;
			make_docs(city, f, r, &d);
			fm->docs = d.count;
			fm->bytes = 0;
			for (size_t i = 0; i < d.count; i++)
				fm->bytes += d.len[i];
			fm->ref[r] = bare_parse(&d);
			char *cause = NULL;
			fm->ing[r] = ingest(fm, &d, TICK0_MS + r * 1000, &cause);
			if (fm->ing[r] < 0) {
				fprintf(stderr, "bench_adapters: %s rejected the city: %s\n",
				        fm->adapter, cause ? cause : "");
				fm->broken = strstr(cause ? cause : "", "not built yet")
				                 ? "not built yet (a placeholder)"
				                 : "rejected the city (see above)";
			}
			free(cause);
			free_docs(&d);
		}
	}
	printf("city: %zu readings (seed %llu); %d rounds, medians\n", city_reading_count(city),
	       (unsigned long long)seed, rounds);
	printf("%-34s %11s %7s  %11s  %11s  %6s\n", "adapter", "bytes", "", "cJSON parse", "ingest",
	       "ratio");
	for (int f = 0; f < F_COUNT; f++)
		report(&formats[f], rounds);
	for (int f = 0; f < F_COUNT; f++) {
		if (formats[f].a && formats[f].a->options_free)
			formats[f].a->options_free(formats[f].opts);
		store_destroy(formats[f].store);
		free(formats[f].ref);
		free(formats[f].ing);
	}
	city_destroy(city);
	return 0;
}
