/* fault: the mock's --fault SPEC, for testing clients against a feed that
 * misbehaves. Parsing and the per-request decision only: pure, no I/O,
 * no clock (mock_server.c acts on the decision).
 *
 * Determinism: whether request number n (counted from 0, per path, since
 * start) of a path gets a fault is a pure function of (seed, path, n).
 * Each rate kind k draws u = splitmix64(seed, FNV-1a(path), n, k) mapped
 * to [0, 1); the kind fires if u < its rate. The kinds are tried in the
 * order hang, error, garbage, truncate, slow and the first that fires
 * wins. latency applies to every answer of a faulted path. */
#ifndef CITYDASH_MOCK_FAULT_H
#define CITYDASH_MOCK_FAULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FAULT_LATENCY_MAX_MS 60000u

typedef enum fault_kind {
	FAULT_NONE = -1,
	FAULT_HANG = 0, /* never answer (until the server stops) */
	FAULT_ERROR,    /* 500 or 503 (503 with Retry-After: 1) */
	FAULT_GARBAGE,  /* 200 with a body that is not JSON */
	FAULT_TRUNCATE, /* 200 with the document cut in the middle */
	FAULT_SLOW,     /* the document dripped a few bytes at a time */
	FAULT_KINDS
} fault_kind_t;

/* Zeroed: no faults. */
typedef struct fault_config {
	unsigned latency_ms;      /* 0 .. FAULT_LATENCY_MAX_MS */
	double rate[FAULT_KINDS]; /* each 0 .. 1 */
} fault_config_t;

/* Adds "kind=value[,kind=value]..." to cfg (a later value of a kind
 * replaces an earlier one). On failure returns false, leaves cfg as it
 * was and writes a translated reason into err. */
bool fault_parse(fault_config_t *cfg, const char *spec, char *err, size_t err_size);
/* "hang", "error", "garbage", "truncate" or "slow": k's name in a SPEC. */
const char *fault_kind_name(fault_kind_t k);
/* True if cfg asks for any fault at all. */
bool fault_any(const fault_config_t *cfg);
/* The fault of request n of path (FAULT_NONE for none). */
fault_kind_t fault_decide(const fault_config_t *cfg, uint64_t seed, const char *path, uint64_t n);
/* For FAULT_ERROR: 500 or 503, also a pure function of (seed, path, n). */
unsigned fault_error_status(uint64_t seed, const char *path, uint64_t n);
/* True for the paths faults apply to: the feed documents under /v1/, not
 * /healthz or /metrics. */
bool fault_applies(const char *path);

#endif
