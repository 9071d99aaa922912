/* config: the list of sources to watch, from a JSON file (docs/config.md)
 * and/or `--source NAME=URL` arguments. A file's top-level "defaults" object
 * sets any per-source setting but name and url for that file's sources. */
#ifndef CITYDASH_CONFIG_H
#define CITYDASH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm_cfg.h"

#define CONFIG_DEFAULT_INTERVAL_MS 1000
#define CONFIG_DEFAULT_TIMEOUT_MS 5000
#define CONFIG_DEFAULT_MAX_BODY (16u * 1024u * 1024u)
#define CONFIG_DEFAULT_MAX_READINGS 200000
#define CONFIG_DEFAULT_MAX_BYTES (256u * 1024u * 1024u)
#define CONFIG_DEFAULT_CLOCK_SKEW_MS 30000
/* retention_ms 0: STORE_RETENTION_STALE_FACTOR x the source's stale time */

typedef struct source_cfg {
	char *name;        /* unique among sources */
	char *url;         /* http:// or https:// */
	char *format;      /* adapter name; default "citydash-v1" */
	int64_t interval_ms;
	int64_t timeout_ms;
	size_t max_body;   /* bytes */
	size_t max_readings;   /* readings held at once */
	size_t max_bytes;      /* bytes held at once (store.h, "Memory") */
	int64_t retention_ms;  /* 0: derived from the stale time */
	int64_t clock_skew_ms; /* tolerated clock difference */
	bool no_since;         /* "since": false: never ask for deltas (report by exception) */
} source_cfg_t;

typedef struct config {
	source_cfg_t *sources; /* owned */
	size_t source_count;
	alarm_cfg_t alarms;    /* the file's "alarms" object (alarm_cfg.h), owned;
	                          config_init / a parse sets the defaults first */
} config_t;

/* An empty configuration with the alarm defaults (alarm_cfg_defaults). */
void config_init(config_t *cfg);

/* All functions return 0, or -1 with *cause set (caller frees). */
int config_parse(config_t *cfg, const char *json, size_t len, char **cause);
int config_load_file(config_t *cfg, const char *path, char **cause);
/* Adds one source from "NAME=URL" with default settings. */
int config_add_source_arg(config_t *cfg, const char *arg, char **cause);
void config_free(config_t *cfg);

#endif
