#include "protocol_fields.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json_arena.h"
#include "text.h"
#include "timefmt.h"
#include "xalloc.h"

/* The tree lives in this thread's JSON arena (json_arena.h) from the parse
 * until proto_json_free, which releases it whole: no node is freed one by
 * one. The arena holds at most `limit` bytes, and one past it fails the
 * parse cleanly. */
cJSON *proto_json_parse(const char *body, size_t len, const char **end, size_t limit, bool *over)
{
	json_arena_begin(limit);
	cJSON *doc = body && len ? cJSON_ParseWithLengthOpts(body, len, end, 0) : NULL;
	*over = json_arena_over();
	return doc;
}

void proto_json_free(cJSON *doc)
{
	(void)doc; /* in the arena: released with it */
	json_arena_end();
}

/* The length of s cut to at most STRING_MAX bytes, at a character boundary. */
static size_t cut_len(const char *s, size_t len)
{
	if (len <= STRING_MAX)
		return len;
	/* A character is at most 4 bytes: never back up further (a run of stray
	 * continuation bytes is not a character, and must not empty the string). */
	len = STRING_MAX;
	while (len > STRING_MAX - 3 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return len;
}

/* Sanitizes s into the scratch; returns its offset (pointers are resolved
 * once the element is complete, since the scratch may move as it grows).
 * The result is cut to STRING_MAX bytes too: sanitizing can triple a string
 * (each invalid byte becomes U+FFFD), and what the store holds is bounded. */
static size_t scratch_put(pctx_t *c, const char *s)
{
	size_t len = cut_len(s, strlen(s));
	size_t need = c->len + TEXT_SANITIZED_MAX(len);
	if (need > c->cap) {
		size_t ncap = c->cap ? c->cap : 1024;
		while (ncap < need)
			ncap *= 2;
		c->buf = xreallocarray(c->buf, ncap, 1);
		c->cap = ncap;
	}
	size_t off = c->len;
	size_t out = cut_len(c->buf + off, text_sanitize_into(c->buf + off, s, len));
	c->buf[off + out] = '\0';
	c->len += out + 1;
	return off;
}

size_t proto_scratch_str(pctx_t *c, const char *s)
{
	return scratch_put(c, s);
}

const char *proto_scratch_at(const pctx_t *c, size_t off)
{
	return off == NONE ? NULL : c->buf + off;
}

/* Drops an incomplete UTF-8 sequence left at the end by a truncation. */
static void utf8_trim_tail(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (n - (i - 1) < want)
		s[i - 1] = '\0';
}

/* Marks the current element bad; the first reason of the document is kept. */
void proto_elem_fail(pctx_t *c, const char *why, const char *field)
{
	if (c->bad)
		return;
	c->bad = true;
	char *out = c->stats->first_skip_reason;
	size_t size = sizeof c->stats->first_skip_reason;
	if (out[0])
		return;
	char where[ID_MAX + 64];
	if (c->id)
		snprintf(where, sizeof where, "%s \"%s\"", _(c->what), c->id);
	else if (c->index == NONE)
		snprintf(where, sizeof where, "%s", _(c->what));
	else
		snprintf(where, sizeof where, "%s #%zu", _(c->what), c->index);
	int n = field ? snprintf(out, size, "%s: \"%s\" %s", where, field, _(why))
	              : snprintf(out, size, "%s: %s", where, _(why));
	if (n < 0 || (size_t)n >= size)
		utf8_trim_tail(out); /* truncated */
}

bool proto_id_valid(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		unsigned char ch = (unsigned char)s[n];
		if (n >= ID_MAX || !((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		                     (ch >= '0' && ch <= '9') || strchr("._:/-", ch)))
			return false;
	}
	return n > 0;
}

const cJSON *proto_field(const cJSON *obj, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsNull(it) ? NULL : it;
}

/* Starts an element: it must be an object with a valid id. */
bool proto_elem_begin(pctx_t *c, const cJSON *el, size_t index)
{
	c->len = 0;
	c->bad = false;
	c->id = NULL;
	c->index = index;
	if (!cJSON_IsObject(el)) {
		proto_elem_fail(c, N_("is not an object"), NULL);
		return false;
	}
	const cJSON *id = proto_field(el, "id");
	if (!id)
		proto_elem_fail(c, N_("has no id"), NULL);
	else if (!cJSON_IsString(id) || !id->valuestring)
		proto_elem_fail(c, N_("has an id that is not a string"), NULL);
	else
		proto_elem_take_id(c, id->valuestring, NULL);
	return !c->bad;
}

bool proto_elem_take_id(pctx_t *c, const char *s, const char *field)
{
	if (s && !proto_id_valid(s))
		proto_elem_fail(c, N_("has a malformed id (1-128 of A-Z a-z 0-9 . _ : / -)"), field);
	else if (s)
		c->id = s;
	return !c->bad;
}

void proto_set_limits(pctx_t *c, const double v[4], unsigned mask, limits_t *l, bool *invalid)
{
	*l = (limits_t){.mask = mask, .lolo = v[0], .lo = v[1], .hi = v[2], .hihi = v[3]};
	if (!c->bad && !limits_ordered(l)) {
		*l = (limits_t){0};
		*invalid = true;
		if (c->stats->limits_ignored++ == 0)
			snprintf(c->stats->first_bad_limits, sizeof c->stats->first_bad_limits, "%s",
			         c->id);
	}
}

void proto_emit_reading(pctx_t *c, reading_in_t *in, size_t name, size_t domain, size_t unit,
                        size_t district, size_t street)
{
	if (c->bad)
		return;
	in->name = proto_scratch_at(c, name);
	in->domain = proto_scratch_at(c, domain);
	in->unit = proto_scratch_at(c, unit);
	in->district = proto_scratch_at(c, district);
	in->street = proto_scratch_at(c, street);
	c->stats->readings++;
	if (c->sink && c->sink->reading)
		c->sink->reading(c->sink->ctx, in);
}

/* Optional string: offset in the scratch, or NONE. */
size_t proto_opt_str(pctx_t *c, const cJSON *obj, const char *key)
{
	const cJSON *it = proto_field(obj, key);
	if (!it)
		return NONE;
	if (!cJSON_IsString(it) || !it->valuestring) {
		proto_elem_fail(c, N_("is not a string"), key);
		return NONE;
	}
	return scratch_put(c, it->valuestring);
}

/* Optional token, compared only (never shown): NULL if absent. */
const char *proto_opt_token(pctx_t *c, const cJSON *obj, const char *key)
{
	const cJSON *it = proto_field(obj, key);
	if (it && (!cJSON_IsString(it) || !it->valuestring)) {
		proto_elem_fail(c, N_("is not a string"), key);
		return NULL;
	}
	return it ? it->valuestring : NULL;
}

bool proto_num_ok(pctx_t *c, const cJSON *it, const char *key, double *out)
{
	if (!cJSON_IsNumber(it)) {
		proto_elem_fail(c, N_("is not a number"), key);
		return false;
	}
	if (!isfinite(it->valuedouble)) { /* cJSON reads 1e999 as inf */
		proto_elem_fail(c, N_("is not a finite number"), key);
		return false;
	}
	*out = it->valuedouble;
	return true;
}

/* Optional finite number: true if present and good. */
bool proto_opt_num(pctx_t *c, const cJSON *obj, const char *key, double *out)
{
	const cJSON *it = proto_field(obj, key);
	return it && proto_num_ok(c, it, key, out);
}

/* Optional RFC 3339 time: *out unchanged if absent or malformed. */
/* Returns true if the field held a valid time (then stored in *out). */
bool proto_opt_time(pctx_t *c, const cJSON *obj, const char *key, int64_t *out)
{
	const char *s = proto_opt_token(c, obj, key);
	int64_t ms;
	if (!s || !timefmt_parse_rfc3339(s, &ms))
		return false;
	*out = ms;
	return true;
}

bool proto_opt_bool(pctx_t *c, const cJSON *obj, const char *key, bool *out)
{
	const cJSON *it = proto_field(obj, key);
	if (!it)
		return false;
	if (!cJSON_IsBool(it)) {
		proto_elem_fail(c, N_("is not true or false"), key);
		return false;
	}
	*out = cJSON_IsTrue(it);
	return true;
}

const cJSON *proto_opt_kind(pctx_t *c, const cJSON *obj, const char *key, bool array)
{
	const cJSON *it = proto_field(obj, key);
	if (it && !(array ? cJSON_IsArray(it) : cJSON_IsObject(it))) {
		proto_elem_fail(c, array ? N_("is not an array") : N_("is not an object"), key);
		return NULL;
	}
	return it;
}

void proto_opt_place(pctx_t *c, const cJSON *el, size_t *district, size_t *street)
{
	const cJSON *place = proto_opt_kind(c, el, "place", false);
	*district = place ? proto_opt_str(c, place, "district") : NONE;
	*street = place ? proto_opt_str(c, place, "street") : NONE;
}
