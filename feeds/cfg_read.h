/* cfg_read: reading a configuration object member by member, with errors
 * that name the member as an RFC 6901 JSON Pointer, so that config.c can say
 * where it is in the file (line and column, json_locate.h). Used by config.c
 * and by every adapter's options_parse (adapter.h).
 *
 * Every reader returns 0 (an absent optional member leaves *out as it was)
 * or -1 with *e set: a wrong type, a value out of bounds, an unknown member.
 * Strings read are printable UTF-8 (no control characters), copied. */
#ifndef CITYDASH_CFG_READ_H
#define CITYDASH_CFG_READ_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cfg_error {
	char *pointer; /* RFC 6901, relative to the object read ("": that object) */
	char *message; /* what is wrong, for the operator, without the place */
} cfg_error_t;

/* Replaces what *e holds. */
void cfg_error_set(cfg_error_t *e, const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Puts `prefix` (a pointer, e.g. "/sources/2/prometheus") before e's pointer:
 * for an error a nested reader set relative to its own object. */
void cfg_error_nest(cfg_error_t *e, const char *prefix);
void cfg_error_free(cfg_error_t *e);

/* base + "/" + token, the token escaped (~ as ~0, / as ~1). */
char *cfg_pointer_join(const char *base, const char *token);
/* base + "/" + i. */
char *cfg_pointer_index(const char *base, size_t i);

/* Refuses a member whose name is not in `known` (NULL-terminated): a typo
 * must not be silently replaced by a default. */
int cfg_check_keys(const cJSON *obj, const char *const *known, cfg_error_t *e);
/* A string: required or not, and non-empty if `nonempty`. */
int cfg_get_string(const cJSON *obj, const char *key, bool required, bool nonempty, char **out,
                   cfg_error_t *e);
/* A whole number from min to max; `unit` (may be NULL) for the message. */
int cfg_get_int(const cJSON *obj, const char *key, int64_t min, int64_t max, const char *unit,
                int64_t *out, cfg_error_t *e);
/* A finite number; *given (may be NULL) says whether it was there. */
int cfg_get_number(const cJSON *obj, const char *key, double *out, bool *given, cfg_error_t *e);
int cfg_get_bool(const cJSON *obj, const char *key, bool *out, cfg_error_t *e);
/* An RFC 6901 JSON Pointer ("" or "/a/0/b~1c"), syntax checked. */
int cfg_get_pointer(const cJSON *obj, const char *key, bool required, char **out,
                    cfg_error_t *e);
/* A member that must be an object (NULL if absent and not required). */
int cfg_get_object(const cJSON *obj, const char *key, bool required, const cJSON **out,
                   cfg_error_t *e);
/* A member that must be an array (NULL if absent and not required). */
int cfg_get_array(const cJSON *obj, const char *key, bool required, const cJSON **out,
                  cfg_error_t *e);

#endif
