/* bench_since: what report by exception saves on the wire, at a scale.
 *
 *   bench_since [demo|city] [TICKS]    (default city, 8 one-tick deltas)
 *
 * Starts the mock city in this process (seed 1, 250 ms a tick), and for each
 * feed fetches the whole document, then TICKS deltas, each with the cursor
 * of the answer before and asked one tick later, and prints the whole
 * document's bytes and items beside the median delta's (and its share of
 * the whole), plain and gzipped. Figures, not assertions. */
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_line.h"
#include "mock_server.h"

#define TICK_MS 250

typedef struct body {
	char *data;
	size_t len;
} body_t;

static size_t on_body(char *data, size_t size, size_t n, void *userp)
{
	body_t *b = userp;
	char *grown = realloc(b->data, b->len + size * n + 1);
	if (!grown)
		return 0;
	memcpy(grown + b->len, data, size * n);
	b->data = grown;
	b->len += size * n;
	b->data[b->len] = '\0';
	return size * n;
}

/* GETs url; *wire: bytes on the wire with gzip asked for. */
static body_t get(const char *url, double *wire)
{
	body_t b = {0};
	CURL *h = curl_easy_init();
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
	if (curl_easy_perform(h) != CURLE_OK) {
		fprintf(stderr, "bench_since: cannot fetch %s\n", url);
		exit(1);
	}
	curl_off_t dl = 0;
	curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &dl);
	*wire = (double)dl;
	curl_easy_cleanup(h);
	return b;
}

/* Items listed: readings, KPIs, events and removed ids. */
static int items(const cJSON *doc, char *cursor, size_t size)
{
	static const char *const keys[] = {"readings", "kpis", "events"};
	int n = 0;
	for (int k = 0; k < 3; k++) {
		n += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, keys[k]));
		const cJSON *rm = cJSON_GetObjectItemCaseSensitive(doc, "removed");
		n += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(rm, keys[k]));
	}
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(doc, "cursor");
	snprintf(cursor, size, "%s", cJSON_IsString(c) ? c->valuestring : "");
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void nap_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	bool city = argc < 2 || strcmp(argv[1], "demo") != 0;
	int ticks = argc > 2 ? atoi(argv[2]) : 8;
	if (ticks < 1 || ticks > 1000)
		ticks = 8;
	mock_options_t mo = {.bind = "127.0.0.1", .seed = 1, .tick_ms = TICK_MS};
	mo.city.scale = city ? CITY_SCALE_CITY : CITY_SCALE_DEMO;
	char *cause = NULL;
	mock_server_t *srv = mock_server_start(&mo, &cause);
	if (!srv) {
		fprintf(stderr, "bench_since: %s\n", cause);
		return 1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	static const char *const paths[] = {"/v1/feeds/water", "/v1/feeds/power", "/v1/kpis",
	                                    "/v1/events"};
	printf("scale %s, %d one-tick deltas per feed (median)\n", city ? "city" : "demo", ticks);
	printf("%-16s %9s %6s %9s | %9s %6s %9s %6s\n", "feed", "whole B", "items", "gzip B",
	       "delta B", "items", "gzip B", "share");
	double whole_sum = 0, delta_sum = 0;
	double *bytes = calloc((size_t)ticks, sizeof *bytes),
	       *gz = calloc((size_t)ticks, sizeof *gz), *n = calloc((size_t)ticks, sizeof *n);
	for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
		char url[256], cursor[128];
		snprintf(url, sizeof url, "http://127.0.0.1:%u%s", mock_server_port(srv), paths[p]);
		double whole_gz;
		body_t w = get(url, &whole_gz);
		cJSON *doc = cJSON_Parse(w.data);
		int whole_items = items(doc, cursor, sizeof cursor);
		cJSON_Delete(doc);
		for (int t = 0; t < ticks; t++) {
			nap_ms(TICK_MS);
			char durl[512];
			snprintf(durl, sizeof durl, "%s?since=%s", url, cursor);
			body_t d = get(durl, &gz[t]);
			doc = cJSON_Parse(d.data);
			n[t] = items(doc, cursor, sizeof cursor);
			bytes[t] = (double)d.len;
			cJSON_Delete(doc);
			free(d.data);
		}
		qsort(bytes, (size_t)ticks, sizeof *bytes, cmp_double);
		qsort(gz, (size_t)ticks, sizeof *gz, cmp_double);
		qsort(n, (size_t)ticks, sizeof *n, cmp_double);
		double mb = bytes[ticks / 2];
		whole_sum += (double)w.len;
		delta_sum += mb;
		printf("%-16s %9zu %6d %9.0f | %9.0f %6.0f %9.0f %5.0f%%\n", paths[p], w.len,
		       whole_items, whole_gz, mb, n[ticks / 2], gz[ticks / 2],
		       100.0 * mb / (double)w.len);
		free(w.data);
	}
	bench_line("since: one-tick deltas, 4 feeds", delta_sum / 1e3, "kB", "whole documents",
	           whole_sum / 1e3, NULL);
	free(bytes);
	free(gz);
	free(n);
	curl_global_cleanup();
	mock_server_stop(srv);
	return 0;
}
