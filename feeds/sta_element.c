/* sta_element: one SensorThings Datastream entity into one reading. The
 * fields come from the configured JSON Pointers (sta_options.c); the value
 * and the time from the latest Observation, expanded as
 * "Observations": [{"result": ..., "phenomenonTime": ...}]. Choices:
 *  - @iot.id may be a number (a whole one, written in decimal) or a string;
 *    either must be a valid citydash id (protocol_fields.h), else skipped;
 *  - a result that is a number or a numeric string ("21.5") is the value;
 *    null, no result or no Observation at all is a reading without a value
 *    (as "value": null in protocol v1); anything else skips the Datastream,
 *    never a zero;
 *  - phenomenonTime is an instant or an interval "start/end" (ISO 8601 as
 *    the spec writes it): the end is the reading's time; malformed, it falls
 *    back to the time of receipt as in protocol v1;
 *  - a mapped field of the wrong type skips the Datastream with the
 *    pointer named in the reason; limits and range may be numeric strings
 *    too; limits out of order are dropped and the reading kept (as v1).
 * See sta_private.h. */
#include "sta_private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "timefmt.h"

/* The first of the field's pointers that resolves to something not null. */
static const cJSON *field(const sta_opts_t *o, sta_field_t f, const cJSON *ds, const char **at)
{
	const sta_map_t *m = &o->map[f];
	for (size_t i = 0; i < m->n; i++) {
		const cJSON *v = json_pointer_get(m->alt[i], ds);
		if (v && !cJSON_IsNull(v)) {
			*at = json_pointer_text(m->alt[i]);
			return v;
		}
	}
	*at = m->n ? json_pointer_text(m->alt[0]) : sta_field_name(f);
	return NULL;
}

/* A number, or a string that is one whole ("21.5", " 3e2 "): finite only. */
static bool number_of(const cJSON *v, double *out)
{
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return isfinite(*out);
	}
	if (!cJSON_IsString(v) || !v->valuestring)
		return false;
	const char *s = v->valuestring;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || strchr("+-.0123456789", *s) == NULL) /* no "nan", "inf", "0x.." tricks */
		return false;
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (end == s || errno == ERANGE)
		return false;
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end || !isfinite(d) || strpbrk(s, "xXnN"))
		return false;
	*out = d;
	return true;
}

/* A mapped string field into the scratch (NONE if absent). */
static size_t text_field(pctx_t *c, const sta_opts_t *o, sta_field_t f, const cJSON *ds)
{
	const char *at;
	const cJSON *v = field(o, f, ds, &at);
	if (!v)
		return NONE;
	if (!cJSON_IsString(v) || !v->valuestring) {
		proto_elem_fail(c, N_("is not a string"), at);
		return NONE;
	}
	return proto_scratch_str(c, v->valuestring);
}

/* A mapped number (or numeric string): true if present and good. */
static bool number_field(pctx_t *c, const sta_opts_t *o, sta_field_t f, const cJSON *ds,
                         double *out)
{
	const char *at;
	const cJSON *v = field(o, f, ds, &at);
	if (!v)
		return false;
	if (!number_of(v, out)) {
		proto_elem_fail(c, N_("is not a finite number or numeric string"), at);
		return false;
	}
	return true;
}

/* The id, checked; its text in buf when it is a number. */
static bool read_id(pctx_t *c, const sta_opts_t *o, const cJSON *ds, char *buf, size_t size)
{
	const char *at;
	const cJSON *id = field(o, STA_ID, ds, &at);
	const char *s = NULL;
	if (!id) {
		proto_elem_fail(c, N_("has no id"), at);
	} else if (cJSON_IsNumber(id)) {
		double v = id->valuedouble;
		if (!isfinite(v) || v != floor(v) || fabs(v) > 9007199254740992.0)
			proto_elem_fail(c, N_("has an id that is not a whole number"), at);
		else {
			snprintf(buf, size, "%.0f", v);
			s = buf;
		}
	} else if (cJSON_IsString(id) && id->valuestring) {
		s = id->valuestring;
	} else {
		proto_elem_fail(c, N_("has an id that is neither a number nor a string"), at);
	}
	return proto_elem_take_id(c, s, at);
}

static void read_limits(pctx_t *c, const sta_opts_t *o, const cJSON *ds, reading_in_t *in)
{
	static const sta_field_t keys[4] = {STA_LOLO, STA_LO, STA_HI, STA_HIHI};
	double v[4] = {0};
	unsigned mask = 0;
	for (unsigned i = 0; i < 4; i++)
		if (number_field(c, o, keys[i], ds, &v[i]))
			mask |= 1u << i;
	proto_set_limits(c, v, mask, &in->limits, &in->limits_invalid);
}

static void read_range(pctx_t *c, const sta_opts_t *o, const cJSON *ds, reading_in_t *in)
{
	const char *at;
	const cJSON *r = field(o, STA_RANGE, ds, &at);
	if (!r)
		return;
	double lo, hi;
	if (!cJSON_IsArray(r) || cJSON_GetArraySize(r) != 2 ||
	    !number_of(cJSON_GetArrayItem(r, 0), &lo) || !number_of(cJSON_GetArrayItem(r, 1), &hi)) {
		proto_elem_fail(c, N_("is not [min, max]"), at);
		return;
	}
	if (lo < hi) { /* else ignored: the store derives one */
		in->has_range = true;
		in->range_min = lo;
		in->range_max = hi;
	}
}

/* phenomenonTime: an instant, or an interval whose end is taken. */
static void read_time(pctx_t *c, const cJSON *obs, reading_in_t *in)
{
	const cJSON *t = proto_field(obs, "phenomenonTime");
	if (!t)
		return;
	if (!cJSON_IsString(t) || !t->valuestring) {
		proto_elem_fail(c, N_("is not a string"), "phenomenonTime");
		return;
	}
	const char *slash = strchr(t->valuestring, '/');
	int64_t ms;
	if (timefmt_parse_rfc3339(slash ? slash + 1 : t->valuestring, &ms)) {
		in->ts_ms = ms;
		in->dated = true;
		in->lag_ms = c->now_ms - ms;
	}
}

/* The latest Observation: value and time (none: a reading without value). */
static void read_observation(pctx_t *c, const cJSON *ds, reading_in_t *in)
{
	const cJSON *list = proto_field(ds, "Observations");
	if (!list)
		return;
	if (!cJSON_IsArray(list)) {
		proto_elem_fail(c, N_("is not an array"), "Observations");
		return;
	}
	const cJSON *obs = list->child;
	if (!obs)
		return;
	if (!cJSON_IsObject(obs)) {
		proto_elem_fail(c, N_("is not an object"), "Observations/0");
		return;
	}
	const cJSON *result = proto_field(obs, "result");
	if (result && !number_of(result, &in->value)) {
		proto_elem_fail(c, N_("is neither a finite number nor a numeric string"), "result");
		return;
	}
	in->has_value = result != NULL;
	read_time(c, obs, in);
}

void sta_datastream(pctx_t *c, const sta_opts_t *o, const cJSON *ds, size_t index)
{
	c->len = 0;
	c->bad = false;
	c->id = NULL;
	c->index = index;
	if (!cJSON_IsObject(ds)) {
		proto_elem_fail(c, N_("is not an object"), NULL);
		return;
	}
	char idbuf[32];
	if (!read_id(c, o, ds, idbuf, sizeof idbuf))
		return;
	reading_in_t in = {.id = c->id, .has_ts = true, .ts_ms = c->now_ms};
	size_t name = text_field(c, o, STA_NAME, ds), unit = text_field(c, o, STA_UNIT, ds);
	size_t domain = text_field(c, o, STA_DOMAIN, ds);
	size_t district = text_field(c, o, STA_DISTRICT, ds), street = text_field(c, o, STA_STREET, ds);
	read_observation(c, ds, &in);
	read_range(c, o, ds, &in);
	read_limits(c, o, ds, &in);
	proto_emit_reading(c, &in, name, domain, unit, district, street);
}
