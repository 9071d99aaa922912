/* bench_ingest: what one poll of a city-scale document costs, next to the
 * bare JSON parse of the same bytes as the reference.
 *
 *   bench_ingest [READINGS] [ROUNDS]    (default 5000 readings, 40 rounds)
 *
 * For each round the document's values change (as a real feed's would), then:
 *   reference  cJSON_ParseWithLength + cJSON_Delete of the document
 *   ingest     protocol v1 parse, validation, sanitizing, store update
 *   evaluate   alarm engine over the whole store
 * Medians are printed with their ratio to the reference. Figures, not
 * assertions: run it on the machine you care about. */
#include <cjson/cJSON.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alarm.h"
#include "bench_line.h"
#include "ingest.h"
#include "store.h"
#include "xalloc.h"

static const char *const domains[] = {"water", "power", "gas", "telecom", "bridge", "tunnel"};

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* A protocol v1 document of n readings whose values depend on `round`. */
static char *make_document(int n, int round, size_t *len)
{
	size_t cap = (size_t)n * 400 + 256, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"source\":\"bench\",\"readings\":[");
	for (int i = 0; i < n; i++) {
		double v = 50 + 45 * ((i * 7919 + round * 104729) % 1000) / 1000.0;
		used += (size_t)snprintf(
		    doc + used, cap - used,
		    "%s{\"id\":\"%s.district%02d.street%03d.asset%05d.value\","
		    "\"name\":\"观音桥%d号测点\",\"domain\":\"%s\","
		    "\"place\":{\"district\":\"江北区\",\"street\":\"观音桥街道\"},"
		    "\"unit\":\"MPa\",\"value\":%.3f,\"ts\":\"2026-11-25T08:00:%02d.000Z\","
		    "\"range\":[0,100],\"limits\":{\"lolo\":5,\"lo\":10,\"hi\":90,\"hihi\":95},"
		    "\"deadband\":0.5,\"quality\":\"good\"}",
		    i ? "," : "", domains[i % 6], i % 9, i % 50, i, i, domains[i % 6], v,
		    round % 60);
	}
	used += (size_t)snprintf(doc + used, cap - used, "]}");
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
	/* Without fast bins every free() is paid where it happens: otherwise the
	 * tens of thousands of small blocks cJSON frees are consolidated by the
	 * next large malloc — in whichever phase comes next — and the figures
	 * would charge one phase for another's work. */
	mallopt(M_MXFAST, 0);
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	int rounds = argc > 2 ? atoi(argv[2]) : 40;
	if (n < 1 || rounds < 1) {
		fprintf(stderr, "usage: bench_ingest [READINGS] [ROUNDS]\n");
		return 2;
	}
	double *ref = xcalloc((size_t)rounds, sizeof *ref);
	double *ing = xcalloc((size_t)rounds, sizeof *ing);
	double *eva = xcalloc((size_t)rounds, sizeof *eva);
	store_t *st = store_create();
	int src = store_add_source(st, "bench", "http://127.0.0.1/", 1000, 3000);
	alarm_engine_t *alarms = alarm_engine_create();
	const adapter_t *v1 = adapter_find(NULL);
	size_t bytes = 0;
	for (int r = 0; r < rounds; r++) {
		size_t len;
		char *doc = make_document(n, r, &len);
		bytes = len;
		double t0 = now_us();
		cJSON *json = cJSON_ParseWithLength(doc, len);
		cJSON_Delete(json);
		double t1 = now_us();
		if (ingest_body(st, src, v1, doc, len, 1000 + r * 1000) != 0) {
			fprintf(stderr, "bench_ingest: the document was rejected\n");
			return 1;
		}
		double t2 = now_us();
		alarm_engine_evaluate(alarms, st, 1000 + r * 1000);
		double t3 = now_us();
		ref[r] = t1 - t0;
		ing[r] = t2 - t1;
		eva[r] = t3 - t2;
		free(doc);
	}
	double mref = median(ref, rounds), ming = median(ing, rounds), meva = median(eva, rounds);
	printf("document: %d readings, %zu bytes; %d rounds, medians\n", n, bytes, rounds);
	printf("%-34s %10.2f ms  %6.2fx\n", "reference: cJSON parse + free", mref / 1e3, 1.0);
	printf("%-34s %10.2f ms  %6.2fx\n", "citydash: ingest into the store", ming / 1e3,
	       ming / mref);
	printf("%-34s %10.2f ms  %6.2fx\n", "citydash: alarm evaluation", meva / 1e3, meva / mref);
	bench_line("ingest: v1 5,000 readings", ming / 1e3, "ms", "cJSON parse", mref / 1e3, NULL);
	bench_line("ingest: alarm evaluation", meva / 1e3, "ms", "cJSON parse", mref / 1e3, NULL);
	printf("readings in store: %zu, active alarms: %zu\n", store_reading_count(st),
	       alarm_engine_active_count(alarms));
	alarm_engine_destroy(alarms);
	store_destroy(st);
	free(ref);
	free(ing);
	free(eva);
	return 0;
}
