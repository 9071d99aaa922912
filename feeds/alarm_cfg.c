/* alarm_cfg: the alarm engine's tuning (alarm_cfg.h): the built-in
 * per-domain table, the configuration file's "alarms" object
 * (docs/config.md, "Alarms") and the lookups the engine makes for every
 * reading at every evaluation (alarm_cfg_effective, alarm_cfg_out_of_service:
 * no allocation, a binary search only when the file has entries).
 *
 * The built-in table. On-delay is 0 s everywhere: the feeds report every
 * second and already smooth at the source, an operator must see a limit
 * crossed at once, and it is how citydash has always annunciated. Off-delays
 * hold an alarm a few seconds after it clears so that a value hovering at its
 * limit does not chatter (EEMUA 191): longest where the physics is slow or
 * gusty (bridge wind and strain, telecom load), shortest for the grid. The
 * deadband, in percent of the reading's range, keeps a value hovering inside
 * the limit from clearing it; a feed that sends its own deadband knows its
 * instrument better and wins over the percent. */
#include "alarm_cfg.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "protocol_fields.h"
#include "store.h"
#include "text.h"
#include "xalloc.h"

#define DELAY_MAX_S 3600.0   /* an hour: longer is a mistake, not tuning */
#define PERCENT_MAX 50.0     /* of the range: more would never clear */
#define BELL_MAX_S 3600.0
#define AM_INTERVAL_MIN_S 0.1
#define AM_INTERVAL_MAX_S 3600.0
#define OOS_ID_MAX 159       /* bytes of an alarm id (alarm.h ALARM_ID_MAX - 1) */
#define PATH_MAX_BYTES 4096

/* Indexed by domain_t. */
static const alarm_tuning_t builtin[DOMAIN_COUNT] = {
	[DOMAIN_WATER] = {0, 1.0, 0, 10000},   /* levels and pressures: slow, noisy */
	[DOMAIN_POWER] = {0, 0.5, 0, 5000},    /* tight bands, fast recovery */
	[DOMAIN_GAS] = {0, 0.5, 0, 10000},     /* pressures: tight, but hold a while */
	[DOMAIN_TELECOM] = {0, 1.0, 0, 15000}, /* load and latency swing a lot */
	[DOMAIN_BRIDGE] = {0, 1.0, 0, 30000},  /* wind and strain come in gusts */
	[DOMAIN_TUNNEL] = {0, 1.0, 0, 10000},  /* air quality, visibility */
	[DOMAIN_OTHER] = {0, 1.0, 0, 10000},
};

void alarm_cfg_defaults(alarm_cfg_t *c)
{
	memset(c, 0, sizeof *c);
	memcpy(c->domains, builtin, sizeof builtin);
	c->bell = true;
	c->bell_min_ms = ALARM_CFG_BELL_MIN_MS;
	c->alertmanager_interval_ms = ALARM_CFG_AM_INTERVAL_MS;
}

void alarm_cfg_free(alarm_cfg_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->reading_count; i++)
		free(c->readings[i].id);
	free(c->readings);
	for (size_t i = 0; i < c->out_of_service_count; i++)
		free(c->out_of_service[i]);
	free(c->out_of_service);
	free(c->journal);
	free(c->alertmanager);
	c->readings = NULL;
	c->reading_count = 0;
	c->out_of_service = NULL;
	c->out_of_service_count = 0;
	c->journal = c->alertmanager = NULL;
}

void alarm_cfg_copy(alarm_cfg_t *dst, const alarm_cfg_t *src)
{
	*dst = *src;
	dst->readings = NULL;
	dst->out_of_service = NULL;
	if (src->reading_count) {
		dst->readings = xreallocarray(NULL, src->reading_count, sizeof *dst->readings);
		for (size_t i = 0; i < src->reading_count; i++) {
			dst->readings[i] = src->readings[i];
			dst->readings[i].id = xstrdup(src->readings[i].id);
		}
	}
	if (src->out_of_service_count) {
		dst->out_of_service =
		    xreallocarray(NULL, src->out_of_service_count, sizeof *dst->out_of_service);
		for (size_t i = 0; i < src->out_of_service_count; i++)
			dst->out_of_service[i] = xstrdup(src->out_of_service[i]);
	}
	dst->journal = src->journal ? xstrdup(src->journal) : NULL;
	dst->alertmanager = src->alertmanager ? xstrdup(src->alertmanager) : NULL;
}

/* ---- lookups (per reading, per evaluation) ---- */

static int reading_cmp_key(const void *key, const void *elem)
{
	return strcmp(key, ((const alarm_reading_cfg_t *)elem)->id);
}

static int string_cmp_key(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

alarm_effective_t alarm_cfg_effective(const alarm_cfg_t *c, const struct reading *r)
{
	const alarm_tuning_t *table = c ? c->domains : builtin;
	int d = (int)r->domain;
	const alarm_tuning_t *dom = &table[d >= 0 && d < DOMAIN_COUNT ? d : DOMAIN_OTHER];
	double range = r->range_max - r->range_min;
	alarm_effective_t e = {
	    .deadband = r->deadband > 0 ? r->deadband : dom->deadband_percent / 100.0 * range,
	    .on_delay_ms = dom->on_delay_ms,
	    .off_delay_ms = dom->off_delay_ms,
	};
	if (c && c->reading_count) {
		const alarm_reading_cfg_t *own = bsearch(r->id, c->readings, c->reading_count,
		                                         sizeof *c->readings, reading_cmp_key);
		if (own) {
			if (own->tuning.deadband >= 0)
				e.deadband = own->tuning.deadband;
			else if (own->tuning.deadband_percent >= 0)
				e.deadband = own->tuning.deadband_percent / 100.0 * range;
			if (own->tuning.on_delay_ms >= 0)
				e.on_delay_ms = own->tuning.on_delay_ms;
			if (own->tuning.off_delay_ms >= 0)
				e.off_delay_ms = own->tuning.off_delay_ms;
		}
	}
	/* A range of +-1e308 makes an infinite percent: no deadband rather
	 * than one no value can leave. */
	if (!isfinite(e.deadband) || e.deadband < 0)
		e.deadband = 0;
	return e;
}

bool alarm_cfg_out_of_service(const alarm_cfg_t *c, const char *alarm_id, const char *reading_id)
{
	if (!c || !c->out_of_service_count)
		return false;
	char *const *list = c->out_of_service;
	size_t n = c->out_of_service_count;
	return (alarm_id && bsearch(alarm_id, list, n, sizeof *list, string_cmp_key)) ||
	       (reading_id && bsearch(reading_id, list, n, sizeof *list, string_cmp_key));
}

/* ---- the "alarms" object ---- */

/* A name from the file, safe to print in a message. */
static char *shown(const char *s)
{
	return text_sanitize(s, strnlen(s, 80));
}

/* Refuses members not in known[] (a typo must not fall back to a default). */
static int check_known(const cJSON *obj, const char *const *known, size_t n, const char *where,
                       char **cause)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, obj)
	{
		size_t k = 0;
		while (k < n && strcmp(known[k], it->string) != 0)
			k++;
		if (k == n) {
			char *key = shown(it->string);
			*cause = xasprintf(_("%s: unknown field \"%s\""), where, key);
			free(key);
			return -1;
		}
	}
	return 0;
}

static int want_object(const cJSON *it, const char *where, char **cause)
{
	if (cJSON_IsObject(it))
		return 0;
	*cause = xasprintf(_("%s: must be an object"), where);
	return -1;
}

/* A number of seconds in [min, max] (decimals allowed) as ms; absent: *ms
 * unchanged. */
static int get_seconds(const cJSON *obj, const char *key, double min, double max, int64_t *ms,
                       const char *where, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	double v = cJSON_IsNumber(it) ? it->valuedouble : NAN;
	if (!isfinite(v) || v < min || v > max) {
		*cause = xasprintf(_("%s: \"%s\" must be a number of seconds from %g to %g"), where,
		                   key, min, max);
		return -1;
	}
	*ms = llround(v * 1000.0);
	return 0;
}

/* A number in [0, max] (max 0: no upper bound); absent: *out unchanged. */
static int get_number(const cJSON *obj, const char *key, double max, double *out,
                      const char *where, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	double v = cJSON_IsNumber(it) ? it->valuedouble : NAN;
	if (!isfinite(v) || v < 0 || (max > 0 && v > max)) {
		if (max > 0)
			*cause = xasprintf(_("%s: \"%s\" must be a number from 0 to %g"), where, key,
			                   max);
		else
			*cause = xasprintf(_("%s: \"%s\" must be a number, 0 or more"), where, key);
		return -1;
	}
	*out = v;
	return 0;
}

static int domains_from_json(alarm_cfg_t *c, const cJSON *obj, char **cause)
{
	if (want_object(obj, "alarms.domains", cause) < 0)
		return -1;
	const cJSON *it;
	cJSON_ArrayForEach(it, obj)
	{
		int d = 0;
		while (d < DOMAIN_COUNT && strcmp(domain_token((domain_t)d), it->string) != 0)
			d++;
		if (d == DOMAIN_COUNT) {
			char *key = shown(it->string);
			*cause = xasprintf(_("%s: unknown domain \"%s\" (known: %s)"),
			                   "alarms.domains", key,
			                   "water, power, gas, telecom, bridge, tunnel, other");
			free(key);
			return -1;
		}
		static const char *const known[] = {"deadband_percent", "on_delay_s", "off_delay_s"};
		char where[64];
		snprintf(where, sizeof where, "alarms.domains.%s", domain_token((domain_t)d));
		alarm_tuning_t *t = &c->domains[d];
		if (want_object(it, where, cause) < 0 ||
		    check_known(it, known, sizeof known / sizeof known[0], where, cause) < 0 ||
		    get_number(it, "deadband_percent", PERCENT_MAX, &t->deadband_percent, where,
		               cause) < 0 ||
		    get_seconds(it, "on_delay_s", 0, DELAY_MAX_S, &t->on_delay_ms, where, cause) < 0 ||
		    get_seconds(it, "off_delay_s", 0, DELAY_MAX_S, &t->off_delay_ms, where, cause) < 0)
			return -1;
	}
	return 0;
}

static int reading_cmp(const void *a, const void *b)
{
	return strcmp(((const alarm_reading_cfg_t *)a)->id, ((const alarm_reading_cfg_t *)b)->id);
}

static int string_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int readings_from_json(alarm_cfg_t *c, const cJSON *obj, char **cause)
{
	if (want_object(obj, "alarms.readings", cause) < 0)
		return -1;
	size_t n = (size_t)cJSON_GetArraySize(obj);
	if (!n)
		return 0;
	c->readings = xcalloc(n, sizeof *c->readings);
	const cJSON *it;
	cJSON_ArrayForEach(it, obj)
	{
		static const char *const known[] = {"deadband", "deadband_percent", "on_delay_s",
		                                    "off_delay_s"};
		char *key = shown(it->string);
		char *where = xasprintf("alarms.readings.\"%s\"", key);
		free(key);
		alarm_reading_cfg_t *r = &c->readings[c->reading_count];
		r->tuning = (alarm_tuning_t){-1, -1, -1, -1};
		int rc = -1;
		if (!proto_id_valid(it->string))
			*cause = xasprintf(_("%s: not a reading id (1-128 bytes of A-Z a-z 0-9 . _ : / -)"),
			                   where);
		else if (want_object(it, where, cause) == 0 &&
		         check_known(it, known, sizeof known / sizeof known[0], where, cause) == 0 &&
		         get_number(it, "deadband", 0, &r->tuning.deadband, where, cause) == 0 &&
		         get_number(it, "deadband_percent", PERCENT_MAX, &r->tuning.deadband_percent,
		                    where, cause) == 0 &&
		         get_seconds(it, "on_delay_s", 0, DELAY_MAX_S, &r->tuning.on_delay_ms, where,
		                     cause) == 0 &&
		         get_seconds(it, "off_delay_s", 0, DELAY_MAX_S, &r->tuning.off_delay_ms, where,
		                     cause) == 0) {
			if (r->tuning.deadband >= 0 && r->tuning.deadband_percent >= 0)
				*cause = xasprintf(_("%s: give \"deadband\" or \"deadband_percent\", "
				                     "not both"),
				                   where);
			else
				rc = 0;
		}
		free(where);
		if (rc < 0)
			return -1;
		r->id = xstrdup(it->string);
		c->reading_count++;
	}
	qsort(c->readings, c->reading_count, sizeof *c->readings, reading_cmp);
	for (size_t i = 1; i < c->reading_count; i++) {
		if (strcmp(c->readings[i - 1].id, c->readings[i].id) == 0) {
			*cause = xasprintf(_("%s: \"%s\" is given twice"), "alarms.readings",
			                   c->readings[i].id);
			return -1;
		}
	}
	return 0;
}

static int oos_from_json(alarm_cfg_t *c, const cJSON *arr, char **cause)
{
	if (!cJSON_IsArray(arr)) {
		*cause = xasprintf(_("%s: must be an array of alarm or reading ids"),
		                   "alarms.out_of_service");
		return -1;
	}
	size_t n = (size_t)cJSON_GetArraySize(arr);
	if (!n)
		return 0;
	c->out_of_service = xcalloc(n, sizeof *c->out_of_service);
	const cJSON *it;
	cJSON_ArrayForEach(it, arr)
	{
		const char *s = cJSON_IsString(it) ? it->valuestring : NULL;
		if (!s || !*s || strlen(s) > OOS_ID_MAX || !text_is_clean(s)) {
			*cause = xasprintf(_("%s[%zu]: must be an alarm or reading id (1-%d bytes of "
			                     "printable UTF-8)"),
			                   "alarms.out_of_service", c->out_of_service_count,
			                   OOS_ID_MAX);
			return -1;
		}
		c->out_of_service[c->out_of_service_count++] = xstrdup(s);
	}
	qsort(c->out_of_service, c->out_of_service_count, sizeof *c->out_of_service, string_cmp);
	/* The same id twice is harmless: kept once. */
	size_t kept = 0;
	for (size_t i = 0; i < c->out_of_service_count; i++) {
		if (kept && strcmp(c->out_of_service[kept - 1], c->out_of_service[i]) == 0)
			free(c->out_of_service[i]);
		else
			c->out_of_service[kept++] = c->out_of_service[i];
	}
	c->out_of_service_count = kept;
	return 0;
}

static int get_path(const cJSON *obj, char **out, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, "journal");
	if (!it)
		return 0;
	const char *s = cJSON_IsString(it) ? it->valuestring : NULL;
	if (!s || !*s || strlen(s) > PATH_MAX_BYTES || !text_is_clean(s)) {
		*cause = xasprintf(_("%s: \"%s\" must be a file name (1-%d bytes of printable "
		                     "UTF-8)"),
		                   "alarms", "journal", PATH_MAX_BYTES);
		return -1;
	}
	*out = xstrdup(s);
	return 0;
}

static bool url_ok(const char *u)
{
	size_t scheme = strncasecmp(u, "http://", 7) == 0    ? 7
	                : strncasecmp(u, "https://", 8) == 0 ? 8
	                                                     : 0;
	if (!scheme || !u[scheme] || u[scheme] == '/')
		return false;
	for (; *u; u++)
		if ((unsigned char)*u <= 0x20 || *u == 0x7f)
			return false;
	return true;
}

static int get_url(const cJSON *obj, char **out, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, "alertmanager");
	if (!it)
		return 0;
	const char *s = cJSON_IsString(it) ? it->valuestring : NULL;
	if (!s || strlen(s) > PATH_MAX_BYTES || !url_ok(s)) {
		*cause = xasprintf(_("%s: \"%s\" must be an http:// or https:// URL with a host and "
		                     "no spaces"),
		                   "alarms", "alertmanager");
		return -1;
	}
	*out = xstrdup(s);
	return 0;
}

static int get_bool(const cJSON *obj, const char *key, bool *out, char **cause)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (!cJSON_IsBool(it)) {
		*cause = xasprintf(_("%s: \"%s\" must be true or false"), "alarms", key);
		return -1;
	}
	*out = cJSON_IsTrue(it);
	return 0;
}

static int cfg_from_json(alarm_cfg_t *c, const cJSON *alarms, char **cause)
{
	static const char *const known[] = {
	    "domains", "readings",     "out_of_service",         "bell", "bell_interval_s",
	    "journal", "alertmanager", "alertmanager_interval_s"};
	if (want_object(alarms, "alarms", cause) < 0 ||
	    check_known(alarms, known, sizeof known / sizeof known[0], "alarms", cause) < 0)
		return -1;
	const cJSON *domains = cJSON_GetObjectItemCaseSensitive(alarms, "domains");
	const cJSON *readings = cJSON_GetObjectItemCaseSensitive(alarms, "readings");
	const cJSON *oos = cJSON_GetObjectItemCaseSensitive(alarms, "out_of_service");
	if ((domains && domains_from_json(c, domains, cause) < 0) ||
	    (readings && readings_from_json(c, readings, cause) < 0) ||
	    (oos && oos_from_json(c, oos, cause) < 0) || get_bool(alarms, "bell", &c->bell, cause) < 0 ||
	    get_seconds(alarms, "bell_interval_s", 0, BELL_MAX_S, &c->bell_min_ms, "alarms", cause) <
	        0 ||
	    get_path(alarms, &c->journal, cause) < 0 || get_url(alarms, &c->alertmanager, cause) < 0 ||
	    get_seconds(alarms, "alertmanager_interval_s", AM_INTERVAL_MIN_S, AM_INTERVAL_MAX_S,
	                &c->alertmanager_interval_ms, "alarms", cause) < 0)
		return -1;
	return 0;
}

/* `c` must hold a configuration (alarm_cfg_defaults, or an earlier call):
 * it is freed and replaced. */
int alarm_cfg_from_json(alarm_cfg_t *c, const cJSON *alarms, char **cause)
{
	*cause = NULL;
	alarm_cfg_t fresh;
	alarm_cfg_defaults(&fresh);
	int rc = cfg_from_json(&fresh, alarms, cause);
	alarm_cfg_free(c);
	if (rc < 0) {
		alarm_cfg_free(&fresh);
		alarm_cfg_defaults(c);
		return -1;
	}
	*c = fresh;
	return 0;
}
