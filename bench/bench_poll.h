/* bench_poll: what the benches that measure against one poll of the seeded
 * city share: the documents of one second of the city (the six domain
 * documents, the KPIs and the events, whole) and their ingest, timed; a
 * monotonic clock in ms and a median. Benches only: not part of citydash. */
#ifndef CITYDASH_BENCH_POLL_H
#define CITYDASH_BENCH_POLL_H

#include <stddef.h>
#include <stdint.h>

#include "city_fixture.h"

#define BENCH_POLL_DOCS 16

typedef struct bench_poll {
	char *body[BENCH_POLL_DOCS];
	size_t len[BENCH_POLL_DOCS];
	int source[BENCH_POLL_DOCS];
	size_t count, bytes;
} bench_poll_t;

/* The documents of the city's second `tick` after the fixture's time. */
void bench_poll_make(const city_fixture_t *fx, int64_t tick, bench_poll_t *p);
void bench_poll_free(bench_poll_t *p);
/* Ingests them at the fixture's time; returns ms, or -1 (said on stderr,
 * naming `who`) if a document is rejected: a bug in the mock or the parser. */
double bench_poll_ingest(city_fixture_t *fx, const bench_poll_t *p, const char *who);

double bench_mono_ms(void);
/* The median of v[0..n) (sorts v). */
double bench_median(double *v, int n);

#endif
