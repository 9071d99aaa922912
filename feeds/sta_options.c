/* sta_options: the "sensorthings" member of a source (docs/config.md,
 * "type: sensorthings"), read with cfg_read.h, and the query of the first
 * request it implies: $select lists made from the fields' pointers, so the
 * server sends only what the mapping reads. See sta_private.h. */
#include "sta_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

static const char *const field_names[STA_FIELD_COUNT] = {
    "id", "name", "unit", "domain", "district", "street", "lolo", "lo", "hi", "hihi", "range",
};

/* Defaults that match citydash-mock's /sta/v1.1 (and read well from a FROST
 * server whose Things carry those properties); "" ends a list. */
static const char *const defaults[STA_FIELD_COUNT][STA_ALTERNATIVES] = {
    [STA_ID] = {"/@iot.id"},
    [STA_NAME] = {"/name"},
    [STA_UNIT] = {"/unitOfMeasurement/symbol"},
    [STA_DOMAIN] = {"/Thing/properties/domain", "/properties/domain"},
    [STA_DISTRICT] = {"/Thing/properties/district", "/Thing/Locations/0/properties/district"},
    [STA_STREET] = {"/Thing/properties/street", "/Thing/Locations/0/properties/street"},
    [STA_LOLO] = {"/properties/limits/lolo"},
    [STA_LO] = {"/properties/limits/lo"},
    [STA_HI] = {"/properties/limits/hi"},
    [STA_HIHI] = {"/properties/limits/hihi"},
    [STA_RANGE] = {"/properties/range"},
};

const char *sta_field_name(sta_field_t f)
{
	return f < STA_FIELD_COUNT ? field_names[f] : "?";
}

void sta_options_free(void *opts)
{
	sta_opts_t *o = opts;
	if (!o)
		return;
	for (size_t f = 0; f < STA_FIELD_COUNT; f++)
		for (size_t i = 0; i < o->map[f].n; i++)
			json_pointer_free(o->map[f].alt[i]);
	free(o->filter);
	free(o->query);
	free(o);
}

static void map_add(sta_map_t *m, const char *text)
{
	json_pointer_t *p = json_pointer_compile(text);
	if (p) /* checked by the caller (cfg_get_pointer or a valid default) */
		m->alt[m->n++] = p;
}

static void map_clear(sta_map_t *m)
{
	for (size_t i = 0; i < m->n; i++)
		json_pointer_free(m->alt[i]);
	m->n = 0;
}

/* One field of "fields": a pointer, or an array of up to STA_ALTERNATIVES
 * pointers tried in order ([] leaves the field unmapped). */
static int read_field(const cJSON *fields, sta_field_t f, sta_map_t *m, cfg_error_t *e)
{
	const char *key = field_names[f];
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(fields, key);
	if (!it)
		return 0;
	if (cJSON_IsString(it)) {
		char *s = NULL;
		if (cfg_get_pointer(fields, key, true, &s, e) < 0)
			return -1;
		map_clear(m);
		map_add(m, s);
		free(s);
		return 0;
	}
	char *at = cfg_pointer_join("", key);
	if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) > STA_ALTERNATIVES) {
		cfg_error_set(e, at,
		              _("must be a JSON Pointer or an array of at most %d JSON Pointers"),
		              STA_ALTERNATIVES);
		free(at);
		return -1;
	}
	map_clear(m);
	const cJSON *el;
	size_t i = 0;
	cJSON_ArrayForEach(el, it)
	{
		/* cfg_get_pointer reads a member: wrap the element as one. */
		cJSON *one = cJSON_CreateObject();
		cJSON_AddItemReferenceToObject(one, "p", (cJSON *)el);
		char *s = NULL;
		int rc = cfg_get_pointer(one, "p", true, &s, e);
		cJSON_Delete(one);
		if (rc < 0) {
			char *idx = cfg_pointer_index(at, i);
			free(e->pointer);
			e->pointer = idx;
			free(at);
			return -1;
		}
		map_add(m, s);
		free(s);
		i++;
	}
	free(at);
	return 0;
}

static int read_fields(const cJSON *obj, sta_opts_t *o, cfg_error_t *e)
{
	const cJSON *fields = NULL;
	if (cfg_get_object(obj, "fields", false, &fields, e) < 0)
		return -1;
	if (!fields)
		return 0;
	static const char *const known[] = {"id", "name", "unit", "domain", "district", "street",
	                                    "lolo", "lo", "hi", "hihi", "range", NULL};
	if (cfg_check_keys(fields, known, e) < 0) {
		cfg_error_nest(e, "/fields");
		return -1;
	}
	for (size_t f = 0; f < STA_FIELD_COUNT; f++) {
		if (read_field(fields, (sta_field_t)f, &o->map[f], e) < 0) {
			cfg_error_nest(e, "/fields");
			return -1;
		}
	}
	if (o->map[STA_ID].n == 0) {
		cfg_error_set(e, "/fields/id", "%s", _("must name at least one JSON Pointer"));
		return -1;
	}
	return 0;
}

/* ---- the first request's query ---- */

/* A small string builder (the result is always NUL-terminated). */
typedef struct sbuf {
	char *data;
	size_t len, cap;
} sbuf_t;

static void sb_put(sbuf_t *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xreallocarray(b->data, cap, 1);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void sb_puts(sbuf_t *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static void sb_putc(sbuf_t *b, char c)
{
	sb_put(b, &c, 1);
}


/* The members one entity level is asked for: all of them, or a list. */
typedef struct level {
	bool all;
	const char *tok[STA_FIELD_COUNT * STA_ALTERNATIVES + 4];
	size_t n;
	bool used; /* a pointer reaches into it (for the expanded levels) */
} level_t;

enum { L_DS, L_THING, L_LOC, L_OBS, L_COUNT };

/* A token as a $select name: "@iot.id" is selected as "id"; another
 * annotation, or a name $select cannot carry, asks for everything. */
static void level_add(level_t *l, const char *tok)
{
	if (strcmp(tok, "@iot.id") == 0)
		tok = "id";
	else if (strcmp(tok, "@iot.selfLink") == 0)
		tok = "selfLink";
	if (!tok[0] || strpbrk(tok, "@,;()/$ ='&#%+?\"\\~")) {
		l->all = true;
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->tok[i], tok) == 0)
			return;
	if (l->n < sizeof l->tok / sizeof l->tok[0])
		l->tok[l->n++] = tok;
	else
		l->all = true;
}

/* Splits a pointer's text into its tokens (~1 and ~0 undone) in place:
 * each '/' becomes the end of the token before it. Returns the count (at
 * most max; the rest is not split). */
static size_t tokens_of(char *text, char **tok, size_t max)
{
	size_t n = 0;
	char *p = text; /* at a '/', or the NUL the token before put there */
	if (*p != '/')
		return 0;
	while (n < max) {
		tok[n++] = ++p;
		char *w = p;
		while (*p && *p != '/') {
			if (*p == '~' && (p[1] == '0' || p[1] == '1')) {
				*w++ = p[1] == '0' ? '~' : '/';
				p += 2;
			} else {
				*w++ = *p++;
			}
		}
		bool more = *p == '/';
		*w = '\0'; /* w <= p: at most the '/' that ends it */
		if (!more)
			break;
	}
	return n;
}

/* Records what one pointer reads, level by level. */
static void levels_note(level_t *lv, char *text)
{
	char *t[6];
	size_t n = tokens_of(text, t, 6);
	if (n == 0) {
		lv[L_DS].all = lv[L_THING].all = lv[L_LOC].all = lv[L_OBS].all = true;
		lv[L_THING].used = lv[L_LOC].used = lv[L_OBS].used = true;
		return;
	}
	if (strcmp(t[0], "Thing") == 0) {
		lv[L_THING].used = true;
		if (n == 1) {
			lv[L_THING].all = lv[L_LOC].all = lv[L_LOC].used = true;
		} else if (strcmp(t[1], "Locations") == 0) {
			lv[L_LOC].used = true;
			if (n < 4)
				lv[L_LOC].all = true;
			else
				level_add(&lv[L_LOC], t[3]);
		} else {
			level_add(&lv[L_THING], t[1]);
		}
	} else if (strcmp(t[0], "Observations") == 0) {
		if (n < 3)
			lv[L_OBS].all = true;
		else
			level_add(&lv[L_OBS], t[2]);
	} else {
		level_add(&lv[L_DS], t[0]);
	}
}

/* Appends s percent-encoded for a query value: unreserved characters and
 * the punctuation of OData options ($ ( ) , ; = / : @, which RFC 3986
 * allows in a query and servers split on the first '=' only) as they are,
 * every other byte (& ' + # % space, UTF-8) as %XX. */
static void put_encoded(sbuf_t *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~$(),;=/:@", *p)) {
			sb_putc(b, (char)*p);
		} else {
			sb_putc(b, '%');
			sb_putc(b, hex[*p >> 4]);
			sb_putc(b, hex[*p & 15]);
		}
	}
}

/* "$select=a,b" into b (nothing if the level takes everything); `sep`
 * before it unless it is the first option written. */
static bool put_select(sbuf_t *b, const level_t *l, const char *sep, bool first)
{
	if (l->all || l->n == 0)
		return first;
	if (!first)
		sb_puts(b, sep);
	sb_puts(b, "$select=");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sb_putc(b, ',');
		sb_puts(b, l->tok[i]);
	}
	return false;
}

/* The $expand value, unencoded. */
static void put_expand(sbuf_t *b, const level_t *lv)
{
	if (lv[L_THING].used) {
		sb_puts(b, "Thing");
		bool sub = (!lv[L_THING].all && lv[L_THING].n) || lv[L_LOC].used;
		if (sub) {
			sb_putc(b, '(');
			bool first = put_select(b, &lv[L_THING], ";", true);
			if (lv[L_LOC].used) {
				if (!first)
					sb_putc(b, ';');
				sb_puts(b, "$expand=Locations");
				if (!lv[L_LOC].all && lv[L_LOC].n) {
					sb_putc(b, '(');
					put_select(b, &lv[L_LOC], ";", true);
					sb_putc(b, ')');
				}
			}
			sb_putc(b, ')');
		}
		sb_putc(b, ',');
	}
	sb_puts(b, "Observations($orderby=phenomenonTime desc;$top=1");
	put_select(b, &lv[L_OBS], ";", false);
	sb_putc(b, ')');
}

static char *build_query(const sta_opts_t *o)
{
	level_t lv[L_COUNT] = {{0}};
	lv[L_OBS].used = true;
	level_add(&lv[L_OBS], "result");
	level_add(&lv[L_OBS], "phenomenonTime");
	char *texts[STA_FIELD_COUNT * STA_ALTERNATIVES];
	size_t nt = 0;
	for (size_t f = 0; f < STA_FIELD_COUNT; f++)
		for (size_t i = 0; i < o->map[f].n; i++) {
			texts[nt] = xstrdup(json_pointer_text(o->map[f].alt[i]));
			levels_note(lv, texts[nt++]);
		}
	if (!o->select)
		for (size_t l = 0; l < L_COUNT; l++)
			lv[l].all = true;
	sbuf_t b = {0}, v = {0};
	if (!lv[L_DS].all && lv[L_DS].n) {
		put_select(&v, &lv[L_DS], "", true);
		sb_puts(&b, "$select=");
		put_encoded(&b, v.data + strlen("$select="));
		sb_putc(&b, '&');
		v.len = 0;
	}
	put_expand(&v, lv);
	sb_puts(&b, "$expand=");
	put_encoded(&b, v.data);
	char top[32];
	snprintf(top, sizeof top, "&$top=%lld", (long long)o->page_size);
	sb_puts(&b, top);
	if (o->filter) {
		sb_puts(&b, "&$filter=");
		put_encoded(&b, o->filter);
	}
	free(v.data);
	for (size_t i = 0; i < nt; i++)
		free(texts[i]);
	return b.data;
}

int sta_options_parse(const cJSON *obj, void **opts, cfg_error_t *err)
{
	sta_opts_t *o = xcalloc(1, sizeof *o);
	o->page_size = STA_PAGE_SIZE_DEFAULT;
	o->max_pages = STA_MAX_PAGES_DEFAULT;
	o->select = true;
	for (size_t f = 0; f < STA_FIELD_COUNT; f++)
		for (size_t i = 0; i < STA_ALTERNATIVES && defaults[f][i]; i++)
			map_add(&o->map[f], defaults[f][i]);
	static const char *const known[] = {"page_size", "max_pages", "filter", "select", "fields",
	                                    NULL};
	if (obj && (cfg_check_keys(obj, known, err) < 0 ||
	            cfg_get_int(obj, "page_size", 1, STA_PAGE_SIZE_MAX, N_("Datastreams"),
	                        &o->page_size, err) < 0 ||
	            cfg_get_int(obj, "max_pages", 1, ADAPTER_MAX_REQUESTS, N_("pages"),
	                        &o->max_pages, err) < 0 ||
	            cfg_get_string(obj, "filter", false, true, &o->filter, err) < 0 ||
	            cfg_get_bool(obj, "select", &o->select, err) < 0 ||
	            read_fields(obj, o, err) < 0)) {
		sta_options_free(o);
		*opts = NULL;
		return -1;
	}
	o->query = build_query(o);
	*opts = o;
	return 0;
}

const sta_opts_t *sta_options_or_defaults(const void *opts, void **own)
{
	*own = NULL;
	if (opts)
		return opts;
	cfg_error_t e = {0};
	sta_options_parse(NULL, own, &e); /* no member: the defaults, which cannot fail */
	cfg_error_free(&e);
	return *own;
}
