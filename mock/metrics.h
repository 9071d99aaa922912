/* metrics: the city's readings and the server's request counters in the
 * Prometheus text exposition format, version 0.0.4. Pure: no clock, no
 * HTTP; the server decides when to build and how to serve.
 *
 * A reading with no value at the tick (an offline instrument, null in the
 * feeds) has no sample: Prometheus then marks the series stale, which says
 * "no value now" better than NaN, which would be plotted as a value.
 *
 * Ownership: the returned strings are the caller's to free. */
#ifndef CITYDASH_METRICS_H
#define CITYDASH_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "city.h"
#include "jbuf.h"

#define METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/* One request counter: requests to path answered with code. */
typedef struct metrics_count {
	const char *path;
	unsigned code;
	uint64_t count;
} metrics_count_t;

/* One fault counter: requests to path that drew the fault kind. */
typedef struct metrics_fault_count {
	const char *path;
	const char *kind; /* "hang", "error", ... (fault_kind_name) */
	uint64_t count;
} metrics_fault_count_t;

/* Appends s as a label value: backslash, double quote and newline escaped
 * as \\, \" and \n; everything else (UTF-8 included) as it is. */
void metrics_label_value(jbuf_t *b, const char *s);
/* The family citydash_reading: HELP, TYPE, then one gauge sample per
 * reading that has a value at tick. */
char *metrics_readings(const city_t *city, int64_t tick, size_t *len);
/* The families citydash_reading_limit{id,limit="lolo|lo|hi|hihi"} and
 * citydash_reading_range{id,bound="min|max"}: each reading's alarm limits
 * (the pairs it has) and gauge range, as the feeds send them, so that a
 * Prometheus user can join them to citydash_reading by id. They do not move
 * with the tick. */
char *metrics_reading_bounds(const city_t *city, size_t *len);
/* The family citydash_mock_requests_total: HELP, TYPE, then one counter
 * sample per entry of counts with a non-zero count. */
char *metrics_requests(const metrics_count_t *counts, size_t n, size_t *len);
/* The family citydash_mock_faults_total: HELP, TYPE, then one counter
 * sample per entry with a non-zero count (--fault; a request answered with
 * a fault is also in citydash_mock_requests_total, by the code it got, but
 * a hang, never answered, is only here). */
char *metrics_faults(const metrics_fault_count_t *counts, size_t n, size_t *len);

#endif
