/* config_source: one source object of the configuration, or the file's
 * "defaults" (config_private.h): its type (adapter), name and url, its
 * numbers and stale time, headers/auth/tls (config_security.c) and the
 * adapter's own options. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "adapter.h"
#include "config_private.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define NAME_MAX_BYTES 64
#define DAY_MS         (INT64_C(24) * 3600 * 1000)
#define STALE_MIN_MS   200
#define STALE_MAX_MS   (7 * DAY_MS)

/* Integer settings of a source: key, bounds, unit for messages. */
typedef struct int_field {
	const char *key;
	int64_t min, max;
	const char *unit;
	size_t offset; /* of the int64_t or size_t in source_cfg_t */
	bool is_size;
} int_field_t;

#define I64(key, min, max, unit, member)                                                       \
	{key, min, max, unit, offsetof(source_cfg_t, member), false}
#define SZ(key, min, max, unit, member)                                                        \
	{key, min, max, unit, offsetof(source_cfg_t, member), true}

static const int_field_t int_fields[] = {
    I64("interval_ms", 100, DAY_MS, "ms", interval_ms),
    I64("timeout_ms", 100, 10 * 60 * 1000, "ms", timeout_ms),
    I64("stale_ms", 0, STALE_MAX_MS, "ms", stale_ms),
    SZ("max_body_bytes", 1024, 1024 * 1024 * 1024, N_("bytes"), max_body),
    SZ("max_readings", 1, 10000000, N_("readings"), max_readings),
    SZ("max_bytes", 1024 * 1024, INT64_C(1) << 40, N_("bytes"), max_bytes),
    I64("retention_ms", 1000, 30 * DAY_MS, "ms", retention_ms),
    I64("clock_skew_ms", 0, DAY_MS, "ms", clock_skew_ms),
};
#define INT_FIELDS (sizeof int_fields / sizeof int_fields[0])

void config_source_defaults(source_cfg_t *s)
{
	free(s->format);
	s->format = xstrdup("citydash-v1");
	s->adapter = adapter_find(NULL);
	s->interval_ms = CONFIG_DEFAULT_INTERVAL_MS;
	s->timeout_ms = CONFIG_DEFAULT_TIMEOUT_MS;
	s->stale_ms = 0;
	s->max_body = CONFIG_DEFAULT_MAX_BODY;
	s->max_readings = CONFIG_DEFAULT_MAX_READINGS;
	s->max_bytes = CONFIG_DEFAULT_MAX_BYTES;
	s->retention_ms = 0;
	s->clock_skew_ms = CONFIG_DEFAULT_CLOCK_SKEW_MS;
}

void config_source_settings_copy(source_cfg_t *s, const source_cfg_t *from)
{
	char *format = xstrdup(from->format);
	free(s->format);
	s->format = format;
	s->adapter = from->adapter;
	s->interval_ms = from->interval_ms;
	s->timeout_ms = from->timeout_ms;
	s->stale_ms = from->stale_ms;
	s->max_body = from->max_body;
	s->max_readings = from->max_readings;
	s->max_bytes = from->max_bytes;
	s->retention_ms = from->retention_ms;
	s->clock_skew_ms = from->clock_skew_ms;
	s->no_since = from->no_since;
	config_security_copy(s, from);
}

void config_source_free(source_cfg_t *s)
{
	if (s->adapter_opts && s->adapter && s->adapter->options_free)
		s->adapter->options_free(s->adapter_opts);
	s->adapter_opts = NULL;
	config_security_free(s);
	free(s->name);
	free(s->url);
	free(s->format);
	s->name = s->url = s->format = NULL;
}

static bool has_space_or_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f)
			return true;
	return false;
}

int config_source_check(const source_cfg_t *s, const source_cfg_t *existing, size_t n,
                        cfg_error_t *e)
{
	size_t len = strlen(s->name);
	if (len == 0) {
		cfg_error_set(e, "/name", _("must not be empty"));
		return -1;
	}
	if (len > NAME_MAX_BYTES || !text_is_clean(s->name)) {
		cfg_error_set(e, "/name", _("must be at most %d bytes of printable UTF-8"),
		              NAME_MAX_BYTES);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (strcmp(existing[i].name, s->name) == 0) {
			cfg_error_set(e, "/name", _("\"%s\" is already used by another source"),
			              s->name);
			return -1;
		}
	}
	const char *u = s->url;
	size_t scheme = strncasecmp(u, "http://", 7) == 0    ? 7
	                : strncasecmp(u, "https://", 8) == 0 ? 8
	                                                     : 0;
	if (!scheme || !u[scheme] || u[scheme] == '/' || has_space_or_control(u)) {
		cfg_error_set(e, "/url",
		              _("must be an http:// or https:// URL with a host and no spaces"));
		return -1;
	}
	return 0;
}

/* "type", or its older spelling "format": both given must agree. */
static int read_type(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	char *type = NULL, *format = NULL;
	if (cfg_get_string(obj, "type", false, true, &type, e) < 0 ||
	    cfg_get_string(obj, "format", false, true, &format, e) < 0) {
		free(type);
		free(format);
		return -1;
	}
	if (type && format && strcmp(type, format) != 0) {
		cfg_error_set(e, "/format",
		              _("\"format\" is the older spelling of \"type\" and says \"%s\" where "
		                "\"type\" says \"%s\": give one"),
		              format, type);
		free(type);
		free(format);
		return -1;
	}
	const char *key = type ? "/type" : "/format";
	char *given = type ? type : format;
	free(type ? format : NULL);
	if (!given)
		return 0;
	const adapter_t *a = adapter_find(given);
	if (!a) {
		cfg_error_set(e, key, _("unknown type \"%s\" (known: %s)"), given, adapter_names());
		free(given);
		return -1;
	}
	free(s->format);
	s->format = given;
	s->adapter = a;
	return 0;
}

/* Why a member of "defaults" is refused, or NULL if it is unknown. */
static const char *not_a_default(const char *key)
{
	if (strcmp(key, "name") == 0 || strcmp(key, "url") == 0)
		return _("names one source: it cannot be a default");
	if (strcmp(key, "auth") == 0)
		return _("is given per source, so that a credential goes only to the server "
		         "it is meant for");
	const adapter_t *a = adapter_find(key);
	if (a && a->options_key && strcmp(a->options_key, key) == 0)
		return _("describes one source's answers: give it in each source");
	return NULL;
}

/* Unknown members are refused: a typo ("interval") must not be silently
 * replaced by a default. The adapter's options_key is known only for a
 * source of that type. */
static int check_keys(const cJSON *obj, const source_cfg_t *s, bool defaults, cfg_error_t *e)
{
	static const char *const keys[] = {
	    "type",         "format",    "interval_ms",  "timeout_ms",    "stale_ms",
	    "max_body_bytes", "max_readings", "max_bytes", "retention_ms", "clock_skew_ms",
	    "since",        "headers",   "tls",          "name",          "url",
	    "auth",         NULL,        NULL};
	const char *known[sizeof keys / sizeof keys[0]];
	memcpy(known, keys, sizeof keys);
	if (defaults)
		known[13] = NULL; /* up to "tls" */
	else if (s->adapter && s->adapter->options_key)
		known[16] = s->adapter->options_key;
	if (cfg_check_keys(obj, known, e) == 0)
		return 0;
	const char *why = defaults ? not_a_default(e->pointer + 1) : NULL;
	if (why) {
		char *p = xstrdup(e->pointer);
		cfg_error_set(e, p, "%s", why);
		free(p);
	}
	return -1;
}

/* Every integer setting by the table above: the member is read and written
 * through its offset (int64_t or size_t), so a new one is one table row. */
static int read_numbers(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	for (size_t i = 0; i < INT_FIELDS; i++) {
		const int_field_t *f = &int_fields[i];
		char *at = (char *)s + f->offset;
		int64_t v;
		if (f->is_size) {
			size_t z;
			memcpy(&z, at, sizeof z);
			v = (int64_t)z;
		} else {
			memcpy(&v, at, sizeof v);
		}
		if (cfg_get_int(obj, f->key, f->min, f->max, f->unit, &v, e) < 0)
			return -1;
		if (f->is_size) {
			size_t z = (size_t)v;
			memcpy(at, &z, sizeof z);
		} else {
			memcpy(at, &v, sizeof v);
		}
	}
	if (s->stale_ms != 0 && s->stale_ms < STALE_MIN_MS) {
		cfg_error_set(e, "/stale_ms",
		              _("must be 0 (derived from the interval) or from %d to %lld ms"),
		              STALE_MIN_MS, (long long)STALE_MAX_MS);
		return -1;
	}
	bool since = !s->no_since;
	if (cfg_get_bool(obj, "since", &since, e) < 0)
		return -1;
	s->no_since = !since;
	return 0;
}

/* The adapter's own member, read by the adapter (adapter.h). */
static int read_adapter_options(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	const adapter_t *a = s->adapter;
	if (!a || !a->options_key || !a->options_parse)
		return 0;
	const cJSON *opts = cJSON_GetObjectItemCaseSensitive(obj, a->options_key);
	char *p = cfg_pointer_join("", a->options_key);
	if (!opts && a->options_required) {
		cfg_error_set(e, p, _("is missing: a source of type \"%s\" needs it"), a->name);
		free(p);
		return -1;
	}
	/* Adapters read an object: an array's members have no names. */
	if (opts && !cJSON_IsObject(opts)) {
		cfg_error_set(e, p, _("must be an object"));
		free(p);
		return -1;
	}
	void *made = NULL;
	if (a->options_parse(opts, &made, e) < 0) {
		if (!e->message)
			cfg_error_set(e, "", _("is not valid"));
		cfg_error_nest(e, p);
		free(p);
		return -1;
	}
	free(p);
	s->adapter_opts = made;
	return 0;
}

int config_source_read(const cJSON *obj, source_cfg_t *s, bool defaults, cfg_error_t *e)
{
	if (!cJSON_IsObject(obj)) {
		cfg_error_set(e, "", _("must be an object"));
		return -1;
	}
	if (read_type(obj, s, e) < 0 || check_keys(obj, s, defaults, e) < 0)
		return -1;
	if (!defaults && (cfg_get_string(obj, "name", true, false, &s->name, e) < 0 ||
	                  cfg_get_string(obj, "url", true, false, &s->url, e) < 0))
		return -1;
	if (read_numbers(obj, s, e) < 0 || config_security_read(obj, s, defaults, e) < 0)
		return -1;
	if (s->stale_ms != 0 && s->stale_ms < s->interval_ms) {
		const char *at = cJSON_GetObjectItemCaseSensitive(obj, "stale_ms")      ? "/stale_ms"
		                 : cJSON_GetObjectItemCaseSensitive(obj, "interval_ms") ? "/interval_ms"
		                                                                        : "";
		cfg_error_set(e, at,
		              _("the stale time (%lld ms) must be at least the interval (%lld ms)"),
		              (long long)s->stale_ms, (long long)s->interval_ms);
		return -1;
	}
	return defaults ? 0 : read_adapter_options(obj, s, e);
}
