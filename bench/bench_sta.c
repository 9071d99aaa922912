/* bench_sta: what one poll of a city-scale SensorThings answer costs (the
 * mock city's 4,476 Datastreams with Thing, Locations and latest
 * Observation, as citydash-mock serves them at /sta/v1.1), next to the
 * bare JSON parse of the same bytes as the reference (issue 10's target:
 * at most 1.5x).
 *
 *   bench_sta [ROUNDS] [PAGE_SIZE]    (default 40 rounds, 10000: one page)
 *
 * For each round the values move (the city one step on), then:
 *   reference  cJSON_ParseWithLength + cJSON_Delete of every page
 *   ingest     the sensorthings adapter over the pages into a batch, the
 *              batch applied to the store (the poller's path)
 * Medians are printed with their ratio. Figures, not assertions. */
#include <cjson/cJSON.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "adapter.h"
#include "city.h"
#include "ingest_batch.h"
#include "sta_json.h"
#include "store.h"
#include "xalloc.h"

#define ROOT  "http://127.0.0.1:8080/sta/v1.1"
#define PAGES 64

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, compare_double);
	return v[n / 2];
}

int main(int argc, char **argv)
{
	mallopt(M_MXFAST, 0); /* as bench_ingest: each free paid where it happens */
	int rounds = argc > 1 ? atoi(argv[1]) : 40;
	long page = argc > 2 ? atol(argv[2]) : 10000;
	if (rounds < 1 || page < 1 || page > 10000) {
		fprintf(stderr, "usage: bench_sta [ROUNDS] [PAGE_SIZE 1-10000]\n");
		return 2;
	}
	city_config_t ccfg = {.scale = CITY_SCALE_CITY};
	city_t *city = city_create_config(7, &ccfg);
	size_t total = city_reading_count(city);
	const adapter_t *sta = adapter_find("sensorthings");
	char optjson[64];
	snprintf(optjson, sizeof optjson, "{\"page_size\": %ld, \"max_pages\": %d}", page, PAGES);
	cJSON *oj = cJSON_Parse(optjson);
	void *opts = NULL;
	cfg_error_t e = {0};
	if (sta->options_parse(oj, &opts, &e) != 0)
		return 1;
	cJSON_Delete(oj);
	store_t *st = store_create();
	int src = store_add_source(st, "sta", ROOT, 1000, 3000);
	double *ref = xcalloc((size_t)rounds, sizeof *ref);
	double *ing = xcalloc((size_t)rounds, sizeof *ing);
	size_t bytes = 0, npages = 0;
	for (int r = 0; r < rounds; r++) {
		city_json_time_t tm = {.tick = r, .tick0_ms = 1795593600000LL, .tick_ms = 1000,
		                       .now_ms = 1795593600000LL + r * 1000};
		adapter_body_t bodies[PAGES];
		char *texts[PAGES];
		npages = 0;
		bytes = 0;
		for (size_t skip = 0; skip < total && npages < PAGES; skip += (size_t)page) {
			size_t len;
			texts[npages] =
			    sta_json_datastreams(city, &tm, ROOT, skip, (size_t)page, false, &len);
			bodies[npages] = (adapter_body_t){texts[npages], len, (int)npages};
			bytes += len;
			npages++;
		}
		double t0 = now_us();
		for (size_t i = 0; i < npages; i++)
			cJSON_Delete(cJSON_ParseWithLength(bodies[i].data, bodies[i].len));
		double t1 = now_us();
		ingest_batch_t *b =
		    ingest_batch_parse_bodies(sta, opts, bodies, npages, tm.now_ms, 0);
		if (ingest_batch_rejected(b)) {
			fprintf(stderr, "bench_sta: the answer was rejected\n");
			return 1;
		}
		ingest_batch_apply(b, st, src, SIZE_MAX, NULL);
		ingest_batch_free(b);
		double t2 = now_us();
		ref[r] = t1 - t0;
		ing[r] = t2 - t1;
		for (size_t i = 0; i < npages; i++)
			free(texts[i]);
	}
	double mref = median(ref, rounds), ming = median(ing, rounds);
	printf("answer: %zu Datastreams in %zu page(s), %zu bytes; %d rounds, medians\n", total,
	       npages, bytes, rounds);
	printf("%-40s %10.2f ms  %6.2fx\n", "reference: cJSON parse + free", mref / 1e3, 1.0);
	printf("%-40s %10.2f ms  %6.2fx\n", "citydash: sensorthings ingest + apply", ming / 1e3,
	       ming / mref);
	printf("readings in store: %zu\n", store_reading_count(st));
	sta->options_free(opts);
	store_destroy(st);
	city_destroy(city);
	free(ref);
	free(ing);
	return 0;
}
