/* adapter_prometheus: the Prometheus HTTP API adapter's parts, shared by its
 * files only (nothing outside feeds/adapter_prometheus*.c includes this):
 *  - adapter_prometheus_opts.c: the options (docs/config.md, "type: prometheus");
 *  - adapter_prometheus_req.c: the requests of an attempt and error reasons;
 *  - adapter_prometheus_series.c: a series' id and join key, sample values,
 *    and the map that joins limit, range and history series to readings;
 *  - adapter_prometheus_emit.c: one reading from one series and its joins;
 *  - adapter_prometheus.c: parse (the answers), and the adapter's row.
 *
 * Requests of one attempt, in this order (each tagged with a step that says
 * which query and what kind, PROM_STEP):
 *   for each value query: its instant query, then its limit and range
 *   queries (instant, the ones given as PromQL);
 *   on the first attempt, if history_s > 0: one query_range per value query.
 * Ownership: prom_opts_t belongs to the configuration (options_free). */
#ifndef CITYDASH_ADAPTER_PROMETHEUS_H
#define CITYDASH_ADAPTER_PROMETHEUS_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "adapter.h"
#include "protocol_fields.h"

#define PROM_MAX_QUERIES   16   /* value queries per source */
#define PROM_HISTORY_MAX   640  /* s: what the store keeps (STORE_HISTORY_SECONDS) */
#define PROM_HISTORY_DEF   600  /* s */
#define PROM_HISTORY_STEPS 64   /* default step: history_s / this, at least 1 s */

/* The reading fields a label (or a fixed value) can give. */
typedef enum prom_field {
	PROM_F_ID,
	PROM_F_NAME,
	PROM_F_DOMAIN,
	PROM_F_DISTRICT,
	PROM_F_STREET,
	PROM_F_UNIT,
	PROM_F_COUNT
} prom_field_t;

/* What a value query's other requests bring: four limits and a range. */
typedef enum prom_join {
	PROM_J_LOLO,
	PROM_J_LO,
	PROM_J_HI,
	PROM_J_HIHI,
	PROM_J_MIN,
	PROM_J_MAX,
	PROM_J_COUNT
} prom_join_t;

/* Kinds of request (the low bits of a step). */
enum {
	PROM_K_VALUE = 0,                  /* the value query, instant */
	PROM_K_JOIN = 1,                   /* + prom_join_t: a limit or range query */
	PROM_K_HISTORY = 1 + PROM_J_COUNT, /* the value query over history_s */
	PROM_K_SLOTS = 8
};
#define PROM_STEP(query, kind) ((int)(query) * PROM_K_SLOTS + (kind))

typedef struct prom_bound {
	bool given;
	char *query;   /* PromQL, or NULL: the number */
	double number;
} prom_bound_t;

typedef struct prom_query {
	char *query;
	char *label[PROM_F_COUNT]; /* label name giving the field, or NULL */
	char *fixed[PROM_F_COUNT]; /* the field's value when no label gives it, or NULL */
	char *id_prefix;           /* put before every id of this query, or NULL */
	prom_bound_t join[PROM_J_COUNT];
} prom_query_t;

typedef struct prom_opts {
	prom_query_t *queries;
	size_t count;
	int64_t history_s; /* 0: no history at start */
	int64_t step_s;    /* query_range's step */
} prom_opts_t;

extern const char *const prom_field_names[PROM_F_COUNT];
extern const char *const prom_join_names[PROM_J_COUNT];

int prom_options_parse(const cJSON *obj, void **opts, cfg_error_t *err);
void prom_options_free(void *opts);

int prom_next_request(const void *opts, const adapter_attempt_t *at, adapter_request_t *req,
                      char **cause);
char *prom_error_reason(const void *opts, long status, const char *body, size_t len);
/* "errorType: error" of an error envelope, sanitized and cut; NULL if doc is
 * not one. */
char *prom_envelope_error(const cJSON *doc);

/* ---- series (adapter_prometheus_series.c) ---- */

/* A Prometheus sample value: "1.5", "NaN", "+Inf", "-Inf". Returns 1 for a
 * finite number, 0 for NaN, 2 for an infinity, -1 for anything else. */
int prom_sample_value(const cJSON *v, double *out);
/* A sample time (unix seconds, a JSON number) in epoch ms. */
bool prom_sample_time(const cJSON *t, int64_t *ms);

/* The key that joins a series to a reading: the id label's value, or (no
 * id label mapped) the series' labels but __name__, sorted, as
 * "/name:value/...". Written into *buf (reused); NULL if the series has no
 * usable key. */
const char *prom_series_key(const prom_query_t *q, const cJSON *metric, char **buf, size_t *cap);

/* A map from join keys to cJSON items, for one attempt. Keys are copied. */
typedef struct prom_map prom_map_t;
prom_map_t *prom_map_new(size_t expect);
/* false if the key was there already (the item is not replaced). */
bool prom_map_put(prom_map_t *m, const char *key, const cJSON *item);
const cJSON *prom_map_get(const prom_map_t *m, const char *key);
void prom_map_free(prom_map_t *m);

/* ---- one reading per series (adapter_prometheus_emit.c) ---- */

/* What joins the series of one value query: per limit and range bound, a
 * map from key to sample (or `all`, a scalar for every reading), and the
 * history map from key to a matrix series' values. */
typedef struct prom_joins {
	prom_map_t *map[PROM_J_COUNT];
	const cJSON *all[PROM_J_COUNT];
	prom_map_t *history;
} prom_joins_t;

typedef struct prom_emit {
	pctx_t c;            /* scratch, stats, sink, skip reasons */
	char *key, *id;      /* buffers, reused per series */
	size_t key_cap, id_cap;
	prom_map_t *seen;    /* ids handed out in this attempt */
	unsigned infinities; /* values +Inf or -Inf */
	history_sample_t *hist;
	size_t hist_cap;
} prom_emit_t;

/* Hands the reading of one series (metric: its labels, NULL for a scalar;
 * sample: [time, "value"]) to the sink, or skips it with a reason. */
void prom_emit_series(prom_emit_t *e, const prom_query_t *q, const prom_joins_t *j,
                      const cJSON *metric, const cJSON *sample, size_t index);
void prom_emit_done(prom_emit_t *e);

#endif
