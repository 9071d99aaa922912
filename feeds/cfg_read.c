#include "cfg_read.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json_pointer.h"
#include "text.h"
#include "xalloc.h"

void cfg_error_set(cfg_error_t *e, const char *pointer, const char *fmt, ...)
{
	cfg_error_free(e);
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	e->pointer = xstrdup(pointer ? pointer : "");
	e->message = msg;
}

void cfg_error_nest(cfg_error_t *e, const char *prefix)
{
	char *p = xasprintf("%s%s", prefix, e->pointer ? e->pointer : "");
	free(e->pointer);
	e->pointer = p;
}

void cfg_error_free(cfg_error_t *e)
{
	free(e->pointer);
	free(e->message);
	e->pointer = e->message = NULL;
}

char *cfg_pointer_join(const char *base, const char *token)
{
	size_t extra = 0;
	for (const char *c = token; *c; c++)
		extra += *c == '~' || *c == '/';
	size_t blen = strlen(base);
	char *out = xmalloc(blen + 1 + strlen(token) + extra + 1), *o = out;
	memcpy(o, base, blen);
	o += blen;
	*o++ = '/';
	for (const char *c = token; *c; c++) {
		if (*c == '~' || *c == '/') {
			*o++ = '~';
			*o++ = *c == '~' ? '0' : '1';
		} else {
			*o++ = *c;
		}
	}
	*o = '\0';
	return out;
}

char *cfg_pointer_index(const char *base, size_t i)
{
	return xasprintf("%s/%zu", base, i);
}

/* The member's own pointer, "/key". */
static char *member(const char *key)
{
	return cfg_pointer_join("", key);
}

static void set_at(cfg_error_t *e, const char *key, const char *msg)
{
	char *p = member(key);
	cfg_error_set(e, p, "%s", msg);
	free(p);
}

int cfg_check_keys(const cJSON *obj, const char *const *known, cfg_error_t *e)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, obj)
	{
		size_t k = 0;
		while (known[k] && strcmp(known[k], it->string) != 0)
			k++;
		if (known[k])
			continue;
		char *p = member(it->string);
		char *name = text_sanitize(it->string, strnlen(it->string, 64));
		cfg_error_set(e, p, _("unknown field \"%s\""), name);
		free(name);
		free(p);
		return -1;
	}
	return 0;
}

int cfg_get_string(const cJSON *obj, const char *key, bool required, bool nonempty, char **out,
                   cfg_error_t *e)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it && !required)
		return 0;
	if (!it) {
		set_at(e, key, _("is missing"));
		return -1;
	}
	if (!cJSON_IsString(it) || !it->valuestring) {
		set_at(e, key, _("must be a string"));
		return -1;
	}
	if (nonempty && !it->valuestring[0]) {
		set_at(e, key, _("must not be empty"));
		return -1;
	}
	if (!text_is_clean(it->valuestring)) {
		set_at(e, key, _("must be printable UTF-8 (no control characters)"));
		return -1;
	}
	free(*out);
	*out = xstrdup(it->valuestring);
	return 0;
}

int cfg_get_int(const cJSON *obj, const char *key, int64_t min, int64_t max, const char *unit,
                int64_t *out, cfg_error_t *e)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	double v = cJSON_IsNumber(it) ? it->valuedouble : NAN;
	if (!isfinite(v) || v != floor(v) || v < (double)min || v > (double)max) {
		char *p = member(key);
		cfg_error_set(e, p, _("must be a whole number from %lld to %lld%s%s"),
		              (long long)min, (long long)max, unit ? " " : "", unit ? _(unit) : "");
		free(p);
		return -1;
	}
	*out = (int64_t)v;
	return 0;
}

int cfg_get_number(const cJSON *obj, const char *key, double *out, bool *given, cfg_error_t *e)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (given)
		*given = false;
	if (!it)
		return 0;
	if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
		set_at(e, key, _("must be a number"));
		return -1;
	}
	*out = it->valuedouble;
	if (given)
		*given = true;
	return 0;
}

int cfg_get_bool(const cJSON *obj, const char *key, bool *out, cfg_error_t *e)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (!cJSON_IsBool(it)) {
		set_at(e, key, _("must be true or false"));
		return -1;
	}
	*out = cJSON_IsTrue(it);
	return 0;
}

int cfg_get_pointer(const cJSON *obj, const char *key, bool required, char **out,
                    cfg_error_t *e)
{
	char *s = NULL;
	if (cfg_get_string(obj, key, required, false, &s, e) < 0)
		return -1;
	if (!s)
		return 0;
	const char *why = NULL;
	if (!json_pointer_valid(s, &why)) {
		char *p = member(key);
		cfg_error_set(e, p, _("must be a JSON Pointer (RFC 6901): %s"), _(why));
		free(p);
		free(s);
		return -1;
	}
	free(*out);
	*out = s;
	return 0;
}

static int get_kind(const cJSON *obj, const char *key, bool required, const cJSON **out,
                    cfg_error_t *e, cJSON_bool (*is)(const cJSON *), const char *want)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	*out = NULL;
	if (!it && !required)
		return 0;
	if (!it) {
		set_at(e, key, _("is missing"));
		return -1;
	}
	if (!is(it)) {
		set_at(e, key, want);
		return -1;
	}
	*out = it;
	return 0;
}

int cfg_get_object(const cJSON *obj, const char *key, bool required, const cJSON **out,
                   cfg_error_t *e)
{
	return get_kind(obj, key, required, out, e, cJSON_IsObject, _("must be an object"));
}

int cfg_get_array(const cJSON *obj, const char *key, bool required, const cJSON **out,
                  cfg_error_t *e)
{
	return get_kind(obj, key, required, out, e, cJSON_IsArray, _("must be an array"));
}
