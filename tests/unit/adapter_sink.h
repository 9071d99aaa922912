/* adapter_sink: a feed sink for adapter tests that keeps a deep copy of every
 * element an adapter hands out and checks, as each one arrives, what every
 * adapter promises (adapter.h): every string clean (text_is_clean), every
 * number finite, an id present. Unit tests only (cmocka assertions). */
#ifndef CITYDASH_TEST_ADAPTER_SINK_H
#define CITYDASH_TEST_ADAPTER_SINK_H

#include <stdbool.h>
#include <stddef.h>

#include "adapter.h"

typedef struct cap_reading {
	reading_in_t in; /* its pointers are replaced by the copies below */
	char *id, *name, *domain, *district, *street, *unit;
} cap_reading_t;

typedef struct adapter_cap {
	cap_reading_t *r;
	size_t nr, cap;
	size_t kpis, events, removed, headers;
	feed_sink_t sink;
} adapter_cap_t;

/* A new capture whose sink (c->sink) records into it. */
adapter_cap_t *adapter_cap_new(void);
void adapter_cap_free(adapter_cap_t *c);
/* The reading with that id, or NULL. */
const cap_reading_t *adapter_cap_find(const adapter_cap_t *c, const char *id);

/* Longest string an adapter may hand out (docs/protocol.md, "Bad input"). */
#define ADAPTER_SINK_STRING_MAX 4096

/* Runs a->parse on the answers of one attempt into a new capture, checking
 * the contract: 0 or -1, a clean cause, nothing handed out before a -1. */
adapter_cap_t *adapter_cap_parse_bodies(const adapter_t *a, const void *opts,
                                        const adapter_body_t *bodies, size_t n, int64_t now_ms,
                                        feed_stats_t *st, int *rc, char **cause);
/* Runs a->parse on one body (copied without its terminator, so that ASan
 * sees an overread) into a new capture; *rc and *cause (freed by the caller,
 * may be NULL) get what parse gave. */
adapter_cap_t *adapter_cap_parse(const adapter_t *a, const void *opts, const char *body, size_t len,
                                 int64_t now_ms, feed_stats_t *st, int *rc, char **cause);

/* adapter->options_parse on the JSON text `json` (NULL: absent member);
 * fails the test if it does not return `want`. Returns the options. */
void *adapter_opts(const adapter_t *a, const char *json, int want, char **err_pointer);

#endif
