/* sta_sink: a test sink that keeps copies of the readings an adapter hands
 * out, and helpers to run the sensorthings adapter on fixtures. For the
 * sensorthings unit tests only (uses cmocka's assertions). */
#ifndef CITYDASH_TEST_STA_SINK_H
#define CITYDASH_TEST_STA_SINK_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adapter.h"

typedef struct got_reading {
	char *id, *name, *unit, *domain, *district, *street; /* NULL if absent */
	bool has_value;
	double value;
	int64_t ts_ms;
	bool dated;
	bool has_range;
	double range_min, range_max;
	limits_t limits;
	bool limits_invalid;
} got_reading_t;

typedef struct got {
	got_reading_t *r;
	size_t n, cap;
	unsigned headers;
	feed_stats_t stats;
	char *cause;
	int rc;
} got_t;

/* The adapter under test. */
const adapter_t *sta_adapter(void);
/* Options from JSON text (NULL: the member absent); fails the test if they
 * are refused. */
void *sta_opts(const char *json);
/* Runs parse on the fixtures (tests/data/sensorthings/NAME) in order. */
void sta_run(got_t *g, const void *opts, const char *const *names, size_t n);
/* Runs parse on bodies given as strings. */
void sta_run_texts(got_t *g, const void *opts, const char *const *texts, size_t n);
const got_reading_t *got_find(const got_t *g, const char *id);
void got_free(got_t *g);

#endif
