#include "config.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "ingest.h"
#include "text.h"
#include "url_redact.h"
#include "xalloc.h"

#define CONFIG_FILE_MAX (1024 * 1024)
#define NAME_MAX_BYTES  64

/* Integer settings of a source: key, bounds, unit for messages. */
typedef struct int_field {
	const char *key;
	int64_t min, max;
	const char *unit;
} int_field_t;

static const int_field_t field_interval = {"interval_ms", 100, 24 * 3600 * 1000, "ms"};
static const int_field_t field_timeout = {"timeout_ms", 100, 10 * 60 * 1000, "ms"};
static const int_field_t field_max_body = {"max_body_bytes", 1024, 1024 * 1024 * 1024, N_("bytes")};
static const int_field_t field_max_readings = {"max_readings", 1, 10000000, N_("readings")};
static const int_field_t field_max_bytes = {"max_bytes", 1024 * 1024, INT64_C(1) << 40,
                                            N_("bytes")};
static const int_field_t field_retention = {"retention_ms", 1000, INT64_C(30) * 24 * 3600 * 1000,
                                            "ms"};
static const int_field_t field_clock_skew = {"clock_skew_ms", 0, 24 * 3600 * 1000, "ms"};

static void source_free(source_cfg_t *s)
{
	free(s->name);
	free(s->url);
	free(s->format);
}

void config_init(config_t *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	alarm_cfg_defaults(&cfg->alarms);
}

void config_free(config_t *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->source_count; i++)
		source_free(&cfg->sources[i]);
	free(cfg->sources);
	cfg->sources = NULL;
	cfg->source_count = 0;
	alarm_cfg_free(&cfg->alarms);
}

/* The source's name or value for a message, made safe to print (a
 * --source argument may hold a password: masked before it is cut). */
static char *shown(const char *s)
{
	char *masked = url_redact(s);
	char *safe = text_sanitize(masked, strnlen(masked, 80));
	free(masked);
	return safe;
}

static bool has_space_or_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* Checks one source against itself and the sources already accepted
 * (existing[0..n)); `where` names it in messages. */
static int source_check(const source_cfg_t *s, const source_cfg_t *existing, size_t n,
                        const char *where, char **cause)
{
	size_t len = strlen(s->name);
	if (len == 0) {
		*cause = xasprintf(_("%s: \"name\" must not be empty"), where);
		return -1;
	}
	if (len > NAME_MAX_BYTES || !text_is_clean(s->name)) {
		*cause = xasprintf(_("%s: \"name\" must be at most %d bytes of printable UTF-8"),
		                   where, NAME_MAX_BYTES);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (strcmp(existing[i].name, s->name) == 0) {
			*cause =
			    xasprintf(_("%s: \"name\" is already used by another source"), where);
			return -1;
		}
	}
	const char *u = s->url;
	size_t scheme = strncasecmp(u, "http://", 7) == 0    ? 7
	                : strncasecmp(u, "https://", 8) == 0 ? 8
	                                                     : 0;
	if (!scheme || !u[scheme] || u[scheme] == '/' || has_space_or_control(u)) {
		*cause = xasprintf(_("%s: \"url\" must be an http:// or https:// URL with a host "
		                     "and no spaces"),
		                   where);
		return -1;
	}
	if (!adapter_find(s->format)) {
		char *f = shown(s->format);
		*cause = xasprintf(_("%s: unknown \"format\" \"%s\" (known: %s)"), where, f,
		                   adapter_names());
		free(f);
		return -1;
	}
	return 0;
}

static void source_defaults(source_cfg_t *s)
{
	s->format = xstrdup("citydash-v1");
	s->interval_ms = CONFIG_DEFAULT_INTERVAL_MS;
	s->timeout_ms = CONFIG_DEFAULT_TIMEOUT_MS;
	s->max_body = CONFIG_DEFAULT_MAX_BODY;
	s->max_readings = CONFIG_DEFAULT_MAX_READINGS;
	s->max_bytes = CONFIG_DEFAULT_MAX_BYTES;
	s->retention_ms = 0;
	s->clock_skew_ms = CONFIG_DEFAULT_CLOCK_SKEW_MS;
}

/* A source's settings from a template (a file's "defaults"), not its identity. */
static void source_settings_copy(source_cfg_t *s, const source_cfg_t *from)
{
	char *format = xstrdup(from->format);
	free(s->format);
	s->format = format;
	s->interval_ms = from->interval_ms;
	s->timeout_ms = from->timeout_ms;
	s->max_body = from->max_body;
	s->max_readings = from->max_readings;
	s->max_bytes = from->max_bytes;
	s->retention_ms = from->retention_ms;
	s->clock_skew_ms = from->clock_skew_ms;
	s->no_since = from->no_since;
}

/* "since": true or false; false sets *no_since. */
static int get_since(const cJSON *obj, bool *no_since, const char *where, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, "since");
	if (!it)
		return 0;
	if (!cJSON_IsBool(it)) {
		*cause = xasprintf(_("%s: \"%s\" must be true or false"), where, "since");
		return -1;
	}
	*no_since = cJSON_IsFalse(it);
	return 0;
}

static int get_string(const cJSON *obj, const char *key, bool required, char **out,
                      const char *where, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it && !required)
		return 0;
	if (!cJSON_IsString(it) || !it->valuestring) {
		*cause = xasprintf(
		    it ? _("%s: \"%s\" must be a string") : _("%s: \"%s\" is missing"), where, key);
		return -1;
	}
	free(*out);
	*out = xstrdup(it->valuestring);
	return 0;
}

static int get_int(const cJSON *obj, const int_field_t *f, int64_t *out, const char *where,
                   char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, f->key);
	if (!it)
		return 0;
	double v = cJSON_IsNumber(it) ? it->valuedouble : NAN;
	if (!isfinite(v) || v != floor(v) || v < (double)f->min || v > (double)f->max) {
		*cause = xasprintf(_("%s: \"%s\" must be a whole number from %lld to %lld %s"),
		                   where, f->key, (long long)f->min, (long long)f->max, _(f->unit));
		return -1;
	}
	*out = (int64_t)v;
	return 0;
}

/* Reads a source object, or with `defaults` the file's "defaults" object
 * (every setting but name and url). */
static int source_from_json(const cJSON *obj, source_cfg_t *s, bool defaults, const char *where,
                            char **cause)
{
	static const char *const known[] = {"name",          "url",        "format",
	                                    "interval_ms",   "timeout_ms", "max_body_bytes",
	                                    "max_readings",  "max_bytes",  "retention_ms",
	                                    "clock_skew_ms", "since"};
	if (!cJSON_IsObject(obj)) {
		*cause = xasprintf(_("%s: must be an object"), where);
		return -1;
	}
	/* Unknown keys are refused: a typo ("interval") must not be silently
	 * replaced by a default. */
	const cJSON *it;
	cJSON_ArrayForEach(it, obj)
	{
		size_t k = defaults ? 2 : 0; /* defaults name no source */
		while (k < sizeof known / sizeof known[0] && strcmp(known[k], it->string) != 0)
			k++;
		if (k == sizeof known / sizeof known[0]) {
			char *key = shown(it->string);
			*cause = xasprintf(_("%s: unknown field \"%s\""), where, key);
			free(key);
			return -1;
		}
	}
	int64_t max_body = (int64_t)s->max_body, max_readings = (int64_t)s->max_readings,
	        max_bytes = (int64_t)s->max_bytes;
	if ((!defaults && (get_string(obj, "name", true, &s->name, where, cause) < 0 ||
	                   get_string(obj, "url", true, &s->url, where, cause) < 0)) ||
	    get_string(obj, "format", false, &s->format, where, cause) < 0 ||
	    get_int(obj, &field_interval, &s->interval_ms, where, cause) < 0 ||
	    get_int(obj, &field_timeout, &s->timeout_ms, where, cause) < 0 ||
	    get_int(obj, &field_max_body, &max_body, where, cause) < 0 ||
	    get_int(obj, &field_max_readings, &max_readings, where, cause) < 0 ||
	    get_int(obj, &field_max_bytes, &max_bytes, where, cause) < 0 ||
	    get_int(obj, &field_retention, &s->retention_ms, where, cause) < 0 ||
	    get_int(obj, &field_clock_skew, &s->clock_skew_ms, where, cause) < 0 ||
	    get_since(obj, &s->no_since, where, cause) < 0)
		return -1;
	s->max_body = (size_t)max_body;
	s->max_readings = (size_t)max_readings;
	s->max_bytes = (size_t)max_bytes;
	return 0;
}

/* Appends the sources of a parsed document, each starting from `tmpl` (the
 * file's defaults); on error cfg is unchanged. */
static int config_apply(config_t *cfg, const cJSON *list, const source_cfg_t *tmpl, char **cause)
{
	size_t n = (size_t)cJSON_GetArraySize(list), base = cfg->source_count;
	cfg->sources = xreallocarray(cfg->sources, base + n + 1, sizeof *cfg->sources);
	size_t i = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		source_cfg_t *s = &cfg->sources[base + i];
		memset(s, 0, sizeof *s);
		source_defaults(s);
		source_settings_copy(s, tmpl);
		/* Every message names the source, as soon as it has a name. */
		char where[96];
		const cJSON *name_item = cJSON_GetObjectItemCaseSensitive(it, "name");
		if (cJSON_IsString(name_item) && name_item->valuestring) {
			char *name = shown(name_item->valuestring);
			snprintf(where, sizeof where, "sources[%zu] (\"%.60s\")", i, name);
			free(name);
		} else {
			snprintf(where, sizeof where, "sources[%zu]", i);
		}
		if (source_from_json(it, s, false, where, cause) < 0 ||
		    source_check(s, cfg->sources, base + i, where, cause) < 0) {
			for (size_t j = 0; j <= i; j++)
				source_free(&cfg->sources[base + j]);
			return -1;
		}
		i++;
	}
	cfg->source_count = base + i;
	return 0;
}

int config_parse(config_t *cfg, const char *json, size_t len, char **cause)
{
	*cause = NULL;
	const char *end = NULL;
	cJSON *doc = json && len ? cJSON_ParseWithLengthOpts(json, len, &end, 0) : NULL;
	if (!doc) {
		int line = 1;
		for (const char *p = json; p && end && p < end && p < json + len; p++)
			line += *p == '\n';
		*cause = xasprintf(_("not valid JSON (error on line %d)"), line);
		return -1;
	}
	while (end < json + len && strchr(" \t\r\n", *end) && *end)
		end++;
	if (end != json + len) {
		cJSON_Delete(doc);
		*cause = xstrdup(_("not valid JSON (unexpected text after the end)"));
		return -1;
	}
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "sources");
	const cJSON *defaults = cJSON_GetObjectItemCaseSensitive(doc, "defaults");
	/* The file's alarm tuning replaces the one held (built-in defaults
	 * under it), once the whole file is good. */
	const cJSON *alarms = cJSON_GetObjectItemCaseSensitive(doc, "alarms");
	alarm_cfg_t alarm_tuning;
	alarm_cfg_defaults(&alarm_tuning);
	source_cfg_t tmpl = {0};
	source_defaults(&tmpl);
	int rc = -1;
	if (!cJSON_IsObject(doc))
		*cause = xstrdup(_("the configuration must be a JSON object"));
	else if (!cJSON_IsArray(list))
		*cause = xstrdup(_("\"sources\" must be an array of sources"));
	else if (defaults && source_from_json(defaults, &tmpl, true, "defaults", cause) < 0)
		rc = -1;
	else if (!adapter_find(tmpl.format)) {
		char *f = shown(tmpl.format);
		*cause = xasprintf(_("%s: unknown \"format\" \"%s\" (known: %s)"), "defaults", f,
		                   adapter_names());
		free(f);
	} else if (alarms && alarm_cfg_from_json(&alarm_tuning, alarms, cause) < 0)
		rc = -1;
	else
		rc = config_apply(cfg, list, &tmpl, cause);
	if (rc == 0) {
		alarm_cfg_free(&cfg->alarms);
		cfg->alarms = alarm_tuning;
	} else {
		alarm_cfg_free(&alarm_tuning);
	}
	source_free(&tmpl);
	cJSON_Delete(doc);
	return rc;
}

int config_load_file(config_t *cfg, const char *path, char **cause)
{
	*cause = NULL;
	FILE *f = fopen(path, "rb");
	char *p = shown(path);
	if (!f) {
		*cause = xasprintf(_("%s: %s"), p, strerror(errno));
		free(p);
		return -1;
	}
	char *buf = xmalloc(CONFIG_FILE_MAX + 1);
	size_t len = fread(buf, 1, CONFIG_FILE_MAX + 1, f);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	int rc = -1;
	if (err)
		*cause = xasprintf(_("%s: %s"), p, strerror(err));
	else if (len > CONFIG_FILE_MAX)
		*cause = xasprintf(_("%s: larger than %d bytes, not a configuration file"), p,
		                   CONFIG_FILE_MAX);
	else if (config_parse(cfg, buf, len, cause) == 0)
		rc = 0;
	else {
		char *inner = *cause;
		*cause = xasprintf("%s: %s", p, inner);
		free(inner);
	}
	free(buf);
	free(p);
	return rc;
}

int config_add_source_arg(config_t *cfg, const char *arg, char **cause)
{
	*cause = NULL;
	const char *eq = strchr(arg, '=');
	char *a = shown(arg);
	char *where = xasprintf("--source %s", a);
	free(a);
	if (!eq) {
		*cause = xasprintf(_("%s: expected NAME=URL"), where);
		free(where);
		return -1;
	}
	source_cfg_t s = {0};
	source_defaults(&s);
	s.name = xstrndup(arg, (size_t)(eq - arg));
	s.url = xstrdup(eq + 1);
	if (source_check(&s, cfg->sources, cfg->source_count, where, cause) < 0) {
		source_free(&s);
		free(where);
		return -1;
	}
	free(where);
	cfg->sources = xreallocarray(cfg->sources, cfg->source_count + 1, sizeof *cfg->sources);
	cfg->sources[cfg->source_count++] = s;
	return 0;
}
