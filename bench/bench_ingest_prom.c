/* bench_ingest_prom: what one poll of a city-scale Prometheus answer costs
 * (the prometheus adapter: feeds/adapter_prometheus*.c), next to the bare
 * JSON parse of the same bytes as the reference.
 *
 *   bench_ingest_prom [SERIES] [ROUNDS]    (default 4476 series, 40 rounds)
 *
 * The answer is an instant query's vector in the shape Prometheus sends
 * (citydash_reading with the mock's six labels, job and instance), its
 * values changing each round. Per round:
 *   reference  cJSON_ParseWithLength + cJSON_Delete of the answer
 *   ingest     adapter parse (mapping, sanitizing) into a batch, applied to
 *              the store
 * Medians are printed with their ratio to the reference. Figures, not
 * assertions: run it on the machine you care about. */
#include <cjson/cJSON.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "adapter.h"
#include "ingest_batch.h"
#include "store.h"
#include "xalloc.h"

static const char *const domains[] = {"water", "power", "gas", "telecom", "bridge", "tunnel"};

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static char *make_answer(int n, int round, size_t *len)
{
	size_t cap = (size_t)n * 512 + 256, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap,
	                         "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
	                         "\"result\":[");
	for (int i = 0; i < n; i++) {
		double v = 50 + 45 * ((i * 7919 + round * 104729) % 1000) / 1000.0;
		used += (size_t)snprintf(
		    doc + used, cap - used,
		    "%s{\"metric\":{\"__name__\":\"citydash_reading\",\"district\":\"江北区\","
		    "\"domain\":\"%s\",\"id\":\"%s.district%02d.street%03d.asset%05d.value\","
		    "\"instance\":\"127.0.0.1:8080\",\"job\":\"citydash-mock\","
		    "\"name\":\"观音桥%d号测点\",\"street\":\"观音桥街道\",\"unit\":\"MPa\"},"
		    "\"value\":[%d.%03d,\"%.3f\"]}",
		    i ? "," : "", domains[i % 6], domains[i % 6], i % 9, i % 50, i, i,
		    1764200000 + round, i % 1000, v);
	}
	used += (size_t)snprintf(doc + used, cap - used, "]}}");
	*len = used;
	return doc;
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
	int n = argc > 1 ? atoi(argv[1]) : 4476;
	int rounds = argc > 2 ? atoi(argv[2]) : 40;
	if (n < 1 || rounds < 1) {
		fprintf(stderr, "usage: bench_ingest_prom [SERIES] [ROUNDS]\n");
		return 2;
	}
	const adapter_t *prom = adapter_find("prometheus");
	cJSON *cfg = cJSON_Parse("{\"history_s\": 0, \"queries\": [{\"query\": \"citydash_reading\","
	                         "\"labels\": {\"id\": \"id\", \"name\": \"name\", \"domain\": "
	                         "\"domain\", \"district\": \"district\", \"street\": \"street\", "
	                         "\"unit\": \"unit\"}}]}");
	void *opts = NULL;
	cfg_error_t err = {0};
	if (!prom || prom->options_parse(cfg, &opts, &err) != 0) {
		fprintf(stderr, "bench_ingest_prom: options: %s\n", err.message ? err.message : "?");
		return 1;
	}
	cJSON_Delete(cfg);
	double *ref = xcalloc((size_t)rounds, sizeof *ref);
	double *ing = xcalloc((size_t)rounds, sizeof *ing);
	store_t *st = store_create();
	int src = store_add_source(st, "bench", "http://127.0.0.1/", 1000, 3000);
	size_t bytes = 0;
	for (int r = 0; r < rounds; r++) {
		size_t len;
		char *doc = make_answer(n, r, &len);
		bytes = len;
		double t0 = now_us();
		cJSON_Delete(cJSON_ParseWithLength(doc, len));
		double t1 = now_us();
		int64_t now = (1764200000LL + r) * 1000 + 500;
		adapter_body_t body = {doc, len, 0};
		ingest_batch_t *b = ingest_batch_parse_bodies(prom, opts, &body, 1, now, 0);
		if (ingest_batch_rejected(b)) {
			fprintf(stderr, "bench_ingest_prom: the answer was rejected\n");
			return 1;
		}
		while (!ingest_batch_apply(b, st, src, SIZE_MAX, NULL))
			;
		ingest_batch_free(b);
		double t2 = now_us();
		ref[r] = t1 - t0;
		ing[r] = t2 - t1;
		free(doc);
	}
	double mref = median(ref, rounds), ming = median(ing, rounds);
	printf("answer: %d series, %zu bytes; %d rounds, medians\n", n, bytes, rounds);
	printf("%-38s %10.2f ms  %6.2fx\n", "reference: cJSON parse + free", mref / 1e3, 1.0);
	printf("%-38s %10.2f ms  %6.2fx\n", "citydash: prometheus ingest (store)", ming / 1e3,
	       ming / mref);
	printf("readings in store: %zu\n", store_reading_count(st));
	store_destroy(st);
	prom->options_free(opts);
	free(ref);
	free(ing);
	return 0;
}
