/* alarm_cfg: how the alarm engine is tuned, from the configuration file's
 * "alarms" object (docs/alarms.md): deadband, on-delay and off-delay per
 * domain and per reading, alarms out of service, the bell, the journal and
 * Alertmanager. Settings only: parsed here, used by alarms/ and tui/. It
 * lives in feeds/ beside config.c, which parses the rest of the file.
 *
 * Precedence for a reading: its own entry in "readings", then (deadband
 * only) the deadband its feed sent, then its domain's defaults. */
#ifndef CITYDASH_ALARM_CFG_H
#define CITYDASH_ALARM_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct cJSON;
struct reading;

/* One set of tuning; a field < 0 is "not set here". */
typedef struct alarm_tuning {
	double deadband;         /* absolute, in the reading's unit */
	double deadband_percent; /* of the reading's range (range_max - range_min) */
	int64_t on_delay_ms;     /* the condition must hold this long to annunciate */
	int64_t off_delay_ms;    /* and be clear this long to return to normal */
} alarm_tuning_t;

typedef struct alarm_reading_cfg {
	char *id;              /* reading id */
	alarm_tuning_t tuning; /* fields < 0 fall back as above */
} alarm_reading_cfg_t;

/* The tuning an alarm evaluation uses for one reading. */
typedef struct alarm_effective {
	double deadband;
	int64_t on_delay_ms, off_delay_ms;
} alarm_effective_t;

typedef struct alarm_cfg {
	alarm_tuning_t domains[DOMAIN_COUNT]; /* every field set (>= 0) after defaults */
	alarm_reading_cfg_t *readings;        /* owned, sorted by id */
	size_t reading_count;
	/* Out of service: alarm ids ("x", "x#fault", "source:NAME"), or reading
	 * ids, which take every alarm of the reading out. Owned, sorted. */
	char **out_of_service;
	size_t out_of_service_count;
	bool bell;                 /* ring on a new high-priority alarm */
	int64_t bell_min_ms;       /* at most once per this */
	char *journal;             /* path, or NULL: the default (journal.h) */
	char *alertmanager;        /* base URL, or NULL: none */
	int64_t alertmanager_interval_ms; /* how often alerts and silences are synced */
} alarm_cfg_t;

#define ALARM_CFG_BELL_MIN_MS 5000
#define ALARM_CFG_AM_INTERVAL_MS 5000

/* The defaults: the per-domain table of alarm_cfg.c, bell on, no journal
 * path (the default one), no Alertmanager. */
void alarm_cfg_defaults(alarm_cfg_t *c);
/* Reads the "alarms" object (defaults first, then this on top). Unknown
 * fields, wrong types and out-of-range values are errors naming the field.
 * Returns 0, or -1 with *cause set (caller frees); `c` is then as it was
 * after alarm_cfg_defaults. */
int alarm_cfg_from_json(alarm_cfg_t *c, const struct cJSON *alarms, char **cause);
void alarm_cfg_free(alarm_cfg_t *c);
/* Copies src into dst (dst is overwritten, not freed first). */
void alarm_cfg_copy(alarm_cfg_t *dst, const alarm_cfg_t *src);

/* The effective tuning for a reading (c may be NULL: built-in defaults). */
alarm_effective_t alarm_cfg_effective(const alarm_cfg_t *c, const struct reading *r);
/* Whether the alarm `alarm_id` (of reading `reading_id`, or NULL for a
 * communications alarm) is out of service. */
bool alarm_cfg_out_of_service(const alarm_cfg_t *c, const char *alarm_id,
                              const char *reading_id);

#endif
