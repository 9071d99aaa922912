/* config_private: the parts of config.c's reading shared by its files, not
 * for other modules.
 *  - config.c: the document (top-level members, "defaults", "sources",
 *    "alarms"), the file, --source, and every message's place
 *    (FILE:LINE:COL: /pointer: message, json_locate.h);
 *  - config_source.c: one source object (or "defaults"): type, identity,
 *    numbers, stale time, the adapter's own options;
 *  - config_security.c: a source's "headers", "auth" (its secret read from
 *    an environment variable or a file) and "tls".
 * Every reader works on an object and reports errors relative to it
 * (cfg_read.h); its caller nests them under the object's pointer. */
#ifndef CITYDASH_CONFIG_PRIVATE_H
#define CITYDASH_CONFIG_PRIVATE_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "cfg_read.h"
#include "config.h"

/* The built-in settings of a source (type citydash-v1). */
void config_source_defaults(source_cfg_t *s);
/* s's settings from a template (a file's "defaults"): everything but name,
 * url, auth and the adapter's options. */
void config_source_settings_copy(source_cfg_t *s, const source_cfg_t *from);
/* Frees all s owns, the secret wiped first, and the adapter's options. */
void config_source_free(source_cfg_t *s);
/* Reads a source object over s (which holds the defaults), or with
 * `defaults` the file's "defaults" object. */
int config_source_read(const cJSON *obj, source_cfg_t *s, bool defaults, cfg_error_t *e);
/* A source's name and url, against itself and the sources already accepted
 * (existing[0..n)): pointers "/name" and "/url". */
int config_source_check(const source_cfg_t *s, const source_cfg_t *existing, size_t n,
                        cfg_error_t *e);

/* "headers", "auth" and "tls" of obj over s ("auth" only if !defaults). */
int config_security_read(const cJSON *obj, source_cfg_t *s, bool defaults, cfg_error_t *e);
void config_security_copy(source_cfg_t *s, const source_cfg_t *from);
void config_security_free(source_cfg_t *s);

#endif
