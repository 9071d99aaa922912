/* adapter_json_opts: reading the json adapter's settings (adapter_json_opts.h).
 * Every error names the member as a JSON Pointer relative to the "json"
 * object (cfg_read.h); unknown members are errors, so a misspelt field is
 * never silently left unmapped. */
#include "adapter_json_opts.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

const char *const json_field_names[JF_COUNT] = {
    "id",      "value",     "name",      "ts",   "unit", "domain", "district", "street",
    "quality", "range_min", "range_max", "lolo", "lo",   "hi",     "hihi",
};

static bool is_limit(json_field_t f)
{
	return f >= JF_LOLO && f <= JF_HIHI;
}

static bool is_fixed_text(json_field_t f)
{
	return f == JF_UNIT || f == JF_DOMAIN || f == JF_DISTRICT || f == JF_STREET;
}

static bool is_fixed_number(json_field_t f)
{
	return f >= JF_RANGE_MIN && f <= JF_HIHI;
}

/* Reads the pointer obj[key] (if there) into o->field[f]. */
static int read_pointer(const cJSON *obj, const char *key, bool required, json_opts_t *o,
                        json_field_t f, cfg_error_t *e)
{
	char *text = NULL;
	if (cfg_get_pointer(obj, key, required, &text, e) < 0)
		return -1;
	if (text)
		o->field[f] = json_pointer_compile(text); /* valid: checked above */
	free(text);
	return 0;
}

static int read_limits(const cJSON *obj, json_opts_t *o, cfg_error_t *e)
{
	static const char *const known[] = {"lolo", "lo", "hi", "hihi", NULL};
	const cJSON *lim = NULL;
	if (cfg_get_object(obj, "limits", false, &lim, e) < 0)
		return -1;
	if (!lim)
		return 0;
	if (cfg_check_keys(lim, known, e) < 0)
		goto nested;
	for (int f = JF_LOLO; f <= JF_HIHI; f++)
		if (read_pointer(lim, json_field_names[f], false, o, (json_field_t)f, e) < 0)
			goto nested;
	return 0;
nested:
	cfg_error_nest(e, "/limits");
	return -1;
}

/* "fixed": {"domain": "water", "unit": "m", "limits": {"hi": 5}, ...} */
static int read_fixed(const cJSON *obj, json_opts_t *o, cfg_error_t *e)
{
	static const char *const known[] = {"unit",      "domain",    "district", "street",
	                                    "range_min", "range_max", "limits",   NULL};
	static const char *const known_limits[] = {"lolo", "lo", "hi", "hihi", NULL};
	const cJSON *fx = NULL, *lim = NULL;
	if (cfg_get_object(obj, "fixed", false, &fx, e) < 0)
		return -1;
	if (!fx)
		return 0;
	if (cfg_check_keys(fx, known, e) < 0 || cfg_get_object(fx, "limits", false, &lim, e) < 0)
		goto nested;
	if (lim && cfg_check_keys(lim, known_limits, e) < 0)
		goto nested_limits;
	for (int f = 0; f < JF_COUNT; f++) {
		const char *key = json_field_names[f];
		if (is_fixed_text((json_field_t)f) &&
		    cfg_get_string(fx, key, false, true, &o->fixed_text[f], e) < 0)
			goto nested;
		if (is_fixed_number((json_field_t)f) && !is_limit((json_field_t)f) &&
		    cfg_get_number(fx, key, &o->fixed_num[f], &o->fixed_has[f], e) < 0)
			goto nested;
		if (is_limit((json_field_t)f) && lim &&
		    cfg_get_number(lim, key, &o->fixed_num[f], &o->fixed_has[f], e) < 0)
			goto nested_limits;
	}
	return 0;
nested_limits:
	cfg_error_nest(e, "/limits");
nested:
	cfg_error_nest(e, "/fixed");
	return -1;
}

static int read_ts_format(const cJSON *obj, json_opts_t *o, cfg_error_t *e)
{
	char *s = NULL;
	if (cfg_get_string(obj, "ts_format", false, true, &s, e) < 0)
		return -1;
	int rc = 0;
	if (!s || strcmp(s, "rfc3339") == 0)
		o->ts_format = JSON_TS_RFC3339;
	else if (strcmp(s, "epoch_s") == 0)
		o->ts_format = JSON_TS_EPOCH_S;
	else if (strcmp(s, "epoch_ms") == 0)
		o->ts_format = JSON_TS_EPOCH_MS;
	else {
		cfg_error_set(e, "/ts_format", "%s",
		              _("must be \"rfc3339\", \"epoch_s\" or \"epoch_ms\""));
		rc = -1;
	}
	free(s);
	return rc;
}

int json_opts_parse(const cJSON *obj, void **opts, cfg_error_t *err)
{
	static const char *const known[] = {
	    "items",     "id",     "value",    "name",   "ts",      "ts_format",
	    "unit",      "domain", "district", "street", "quality", "range_min",
	    "range_max", "limits", "fixed",    "error",  NULL};
	*opts = NULL;
	if (!obj) {
		cfg_error_set(err, "", "%s",
		              _("is missing (the json type needs \"id\" and \"value\")"));
		return -1;
	}
	if (!cJSON_IsObject(obj)) {
		cfg_error_set(err, "", "%s", _("must be an object"));
		return -1;
	}
	json_opts_t *o = xcalloc(1, sizeof *o);
	char *items = NULL;
	if (cfg_check_keys(obj, known, err) < 0 ||
	    cfg_get_pointer(obj, "items", false, &items, err) < 0)
		goto fail;
	o->items = json_pointer_compile(items ? items : "");
	free(items);
	char *error = NULL;
	if (cfg_get_pointer(obj, "error", false, &error, err) < 0)
		goto fail;
	o->error = error ? json_pointer_compile(error) : NULL;
	free(error);
	for (int f = 0; f < JF_COUNT; f++)
		if (!is_limit((json_field_t)f) &&
		    read_pointer(obj, json_field_names[f], f == JF_ID || f == JF_VALUE, o,
		                 (json_field_t)f, err) < 0)
			goto fail;
	if (read_limits(obj, o, err) < 0 || read_fixed(obj, o, err) < 0 ||
	    read_ts_format(obj, o, err) < 0)
		goto fail;
	*opts = o;
	return 0;
fail:
	json_opts_free(o);
	return -1;
}

void json_opts_free(void *opts)
{
	json_opts_t *o = opts;
	if (!o)
		return;
	json_pointer_free(o->items);
	json_pointer_free(o->error);
	for (int f = 0; f < JF_COUNT; f++) {
		json_pointer_free(o->field[f]);
		free(o->fixed_text[f]);
	}
	free(o);
}
