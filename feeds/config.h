/* config: the list of sources to watch, from a JSON file (docs/config.md)
 * and/or `--source NAME=URL` arguments. A file's top-level "defaults" object
 * sets any per-source setting but name, url, auth and the adapter's options
 * for that file's sources (a credential goes only where it is meant to). The
 * reading is split by purpose: config.c (the document, messages),
 * config_source.c (a source), config_security.c (headers, auth, tls),
 * config_lookup.c (where the file is; config_lookup.h for tests).
 *
 * Where the file is (config_lookup): --config, else $CITYDASH_CONFIG, else
 * $XDG_CONFIG_HOME/citydash/config.json (~/.config when unset), else
 * /etc/citydash/config.json. An error names the file, the line and column
 * and the field (an RFC 6901 pointer, "/sources/2/interval_ms"); unknown
 * fields are errors.
 *
 * Secrets (a bearer token, a basic-auth password) are never in the file:
 * the file names an environment variable or a file holding them, read when
 * the configuration is loaded (so --check-config finds a missing one) and
 * kept only in source_cfg_t.secret, which no message, log line, page or
 * --dump ever shows. config_free wipes it. */
#ifndef CITYDASH_CONFIG_H
#define CITYDASH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alarm_cfg.h"
#include "display_cfg.h"

#define CONFIG_DEFAULT_INTERVAL_MS 1000
#define CONFIG_DEFAULT_TIMEOUT_MS 5000
#define CONFIG_DEFAULT_MAX_BODY (16u * 1024u * 1024u)
#define CONFIG_DEFAULT_MAX_READINGS 200000
#define CONFIG_DEFAULT_MAX_BYTES (256u * 1024u * 1024u)
#define CONFIG_DEFAULT_CLOCK_SKEW_MS 30000
/* retention_ms 0: STORE_RETENTION_STALE_FACTOR x the source's stale time */

/* An extra request header (not Authorization: that is "auth"). */
typedef struct source_header {
	char *name, *value;
} source_header_t;

typedef enum source_auth {
	SOURCE_AUTH_NONE,
	SOURCE_AUTH_BEARER, /* Authorization: Bearer <secret> */
	SOURCE_AUTH_BASIC,  /* username and <secret> as the password */
} source_auth_t;

struct adapter;

typedef struct source_cfg {
	char *name;        /* unique among sources */
	char *url;         /* http:// or https:// */
	char *format;      /* adapter name, the source's "type" ("format" is its
	                      older spelling); default "citydash-v1" */
	const struct adapter *adapter; /* resolved from format (adapter.h) */
	void *adapter_opts;  /* the adapter's own settings (its options_key
	                        member), owned: adapter->options_free */
	int64_t stale_ms;    /* data older than this is stale; 0: derived from the
	                        interval and timeout (poller.c) */
	source_header_t *headers; /* owned */
	size_t header_count;
	source_auth_t auth;
	char *username;      /* SOURCE_AUTH_BASIC */
	char *secret;        /* the token or password, NULL if none; never shown */
	char *secret_from;   /* where it was read, for messages: "environment
	                        variable CITY_TOKEN" or "file /run/secrets/t" */
	char *ca_file;       /* PEM bundle to verify the server with; NULL: the system's */
	char *client_cert, *client_key; /* PEM, for mutual TLS; NULL if none */
	bool tls_insecure;   /* "tls": {"insecure_skip_verify": true}: the server's
	                        certificate is not verified (shown on screen) */
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
	display_cfg_t display; /* the file's "display" object (display_cfg.h), owned;
	                          likewise */
} config_t;

/* An empty configuration with the alarm defaults (alarm_cfg_defaults). */
void config_init(config_t *cfg);

/* All functions return 0, or -1 with *cause set (caller frees). */
/* `origin` names the text in messages (a file's path; NULL: none). */
int config_parse(config_t *cfg, const char *json, size_t len, char **cause);
int config_parse_named(config_t *cfg, const char *origin, const char *json, size_t len,
                       char **cause);
int config_load_file(config_t *cfg, const char *path, char **cause);
/* Adds one source from "NAME=URL" with default settings. */
int config_add_source_arg(config_t *cfg, const char *arg, char **cause);
void config_free(config_t *cfg);

/* Which configuration file to read when no --config was given: the first of
 * $CITYDASH_CONFIG, $XDG_CONFIG_HOME/citydash/config.json (or
 * $HOME/.config/...) and /etc/citydash/config.json that exists (a set
 * $CITYDASH_CONFIG is taken even if it does not exist, so that its error
 * is seen). Returns a malloc'd path, or NULL if there is none. */
char *config_lookup(void);

#endif
