/* sta_sink: see sta_sink.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sta_sink.h"

#define FIXTURE_DIR "sensorthings/"

const adapter_t *sta_adapter(void)
{
	const adapter_t *a = adapter_find("sensorthings");
	assert_non_null(a);
	return a;
}

void *sta_opts(const char *json)
{
	cJSON *obj = json ? cJSON_Parse(json) : NULL;
	if (json)
		assert_non_null(obj);
	void *opts = NULL;
	cfg_error_t e = {0};
	int rc = sta_adapter()->options_parse(obj, &opts, &e);
	if (rc != 0)
		fprintf(stderr, "options refused: %s: %s\n", e.pointer, e.message);
	assert_int_equal(rc, 0);
	cJSON_Delete(obj);
	return opts;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void on_reading(void *ctx, const reading_in_t *in)
{
	got_t *g = ctx;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->r = realloc(g->r, g->cap * sizeof *g->r);
		assert_non_null(g->r);
	}
	got_reading_t *r = &g->r[g->n++];
	*r = (got_reading_t){.id = dup_or_null(in->id),
	                     .name = dup_or_null(in->name),
	                     .unit = dup_or_null(in->unit),
	                     .domain = dup_or_null(in->domain),
	                     .district = dup_or_null(in->district),
	                     .street = dup_or_null(in->street),
	                     .has_value = in->has_value,
	                     .value = in->value,
	                     .ts_ms = in->ts_ms,
	                     .dated = in->dated,
	                     .has_range = in->has_range,
	                     .range_min = in->range_min,
	                     .range_max = in->range_max,
	                     .limits = in->limits,
	                     .limits_invalid = in->limits_invalid};
}

static void on_header(void *ctx, const feed_stats_t *stats)
{
	(void)stats;
	((got_t *)ctx)->headers++;
}

static void run_bodies(got_t *g, const void *opts, const adapter_body_t *bodies, size_t n)
{
	memset(g, 0, sizeof *g);
	feed_sink_t sink = {g, on_reading, NULL, NULL, 0, on_header, NULL};
	g->rc = sta_adapter()->parse(opts, bodies, n, 1795593600000LL, &sink, &g->stats, &g->cause);
}

void sta_run(got_t *g, const void *opts, const char *const *names, size_t n)
{
	adapter_body_t *b = calloc(n ? n : 1, sizeof *b);
	char **data = calloc(n ? n : 1, sizeof *data);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof path, FIXTURE_DIR "%s", names[i]);
		data[i] = read_fixture(path, &b[i].len);
		b[i].data = data[i];
		b[i].step = (int)i;
	}
	run_bodies(g, opts, b, n);
	for (size_t i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(b);
}

void sta_run_texts(got_t *g, const void *opts, const char *const *texts, size_t n)
{
	adapter_body_t *b = calloc(n ? n : 1, sizeof *b);
	for (size_t i = 0; i < n; i++)
		b[i] = (adapter_body_t){texts[i], strlen(texts[i]), (int)i};
	run_bodies(g, opts, b, n);
	free(b);
}

const got_reading_t *got_find(const got_t *g, const char *id)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->r[i].id, id) == 0)
			return &g->r[i];
	return NULL;
}

void got_free(got_t *g)
{
	for (size_t i = 0; i < g->n; i++) {
		got_reading_t *r = &g->r[i];
		free(r->id);
		free(r->name);
		free(r->unit);
		free(r->domain);
		free(r->district);
		free(r->street);
	}
	free(g->r);
	free(g->cause);
	memset(g, 0, sizeof *g);
}
