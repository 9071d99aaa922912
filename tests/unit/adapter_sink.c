/* adapter_sink: see adapter_sink.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "adapter_sink.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

static char *copy_clean(const char *s, const char *what)
{
	if (!s)
		return NULL;
	if (!text_is_clean(s))
		fail_msg("an adapter handed out a %s that is not clean text", what);
	if (strlen(s) > ADAPTER_SINK_STRING_MAX)
		fail_msg("an adapter handed out a %s of %zu bytes", what, strlen(s));
	return xstrdup(s);
}

static void check_finite(double v, const char *what)
{
	if (!isfinite(v))
		fail_msg("an adapter handed out a %s that is not finite", what);
}

static void on_reading(void *ctx, const reading_in_t *in)
{
	adapter_cap_t *c = ctx;
	if (c->nr == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->r = xreallocarray(c->r, c->cap, sizeof *c->r);
	}
	cap_reading_t *r = &c->r[c->nr++];
	memset(r, 0, sizeof *r);
	assert_non_null(in->id);
	assert_true(in->id[0] != '\0');
	r->in = *in;
	r->id = copy_clean(in->id, "id");
	r->name = copy_clean(in->name, "name");
	r->domain = copy_clean(in->domain, "domain");
	r->district = copy_clean(in->district, "district");
	r->street = copy_clean(in->street, "street");
	r->unit = copy_clean(in->unit, "unit");
	if (in->has_value)
		check_finite(in->value, "value");
	if (in->has_range) {
		check_finite(in->range_min, "range min");
		check_finite(in->range_max, "range max");
		assert_true(in->range_min < in->range_max);
	}
	const double lim[4] = {in->limits.lolo, in->limits.lo, in->limits.hi, in->limits.hihi};
	for (int i = 0; i < 4; i++)
		if (in->limits.mask & (1u << i))
			check_finite(lim[i], "limit");
	assert_true(in->limits.mask == 0 || limits_ordered(&in->limits));
	check_finite(in->deadband, "deadband");
	assert_true(in->deadband >= 0);
	for (size_t i = 0; i < in->backfill_len; i++)
		assert_true(isfinite(in->backfill[i].value) || isnan(in->backfill[i].value));
	r->in.backfill = NULL;
	r->in.backfill_len = in->backfill_len;
	r->in.id = r->id;
	r->in.name = r->name;
	r->in.domain = r->domain;
	r->in.district = r->district;
	r->in.street = r->street;
	r->in.unit = r->unit;
}

static void on_kpi(void *ctx, const kpi_in_t *k)
{
	adapter_cap_t *c = ctx;
	const char *s[] = {k->id,     k->name,  k->category, k->unit,
	                   k->period, k->index, k->district, k->street};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		free(copy_clean(s[i], "KPI string"));
	if (k->has_value)
		check_finite(k->value, "KPI value");
	c->kpis++;
}

static void on_event(void *ctx, const event_in_t *e)
{
	adapter_cap_t *c = ctx;
	const char *s[] = {e->id, e->type, e->title, e->district, e->street};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		free(copy_clean(s[i], "event string"));
	c->events++;
}

static void on_header(void *ctx, const feed_stats_t *st)
{
	(void)st;
	((adapter_cap_t *)ctx)->headers++;
}

static void on_removed(void *ctx, feed_item_t kind, const char *id)
{
	(void)kind;
	free(copy_clean(id, "removed id"));
	((adapter_cap_t *)ctx)->removed++;
}

adapter_cap_t *adapter_cap_new(void)
{
	adapter_cap_t *c = xcalloc(1, sizeof *c);
	c->sink = (feed_sink_t){c, on_reading, on_kpi, on_event, 0, on_header, on_removed};
	return c;
}

void adapter_cap_free(adapter_cap_t *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nr; i++) {
		cap_reading_t *r = &c->r[i];
		free(r->id);
		free(r->name);
		free(r->domain);
		free(r->district);
		free(r->street);
		free(r->unit);
	}
	free(c->r);
	free(c);
}

const cap_reading_t *adapter_cap_find(const adapter_cap_t *c, const char *id)
{
	for (size_t i = 0; i < c->nr; i++)
		if (strcmp(c->r[i].id, id) == 0)
			return &c->r[i];
	return NULL;
}

adapter_cap_t *adapter_cap_parse_bodies(const adapter_t *a, const void *opts,
                                        const adapter_body_t *bodies, size_t n, int64_t now_ms,
                                        feed_stats_t *st, int *rc, char **cause)
{
	adapter_cap_t *c = adapter_cap_new();
	*cause = NULL;
	*rc = a->parse(opts, bodies, n, now_ms, &c->sink, st, cause);
	if (*rc < 0) {
		assert_int_equal(*rc, -1);
		assert_non_null(*cause);
		assert_true(text_is_clean(*cause));
		if (c->nr + c->kpis + c->events + c->removed)
			fail_msg("%s rejected an answer after handing out elements", a->name);
	} else {
		assert_int_equal(*rc, 0);
		assert_int_equal(st->readings, c->nr);
		assert_true(text_is_clean(st->first_skip_reason));
		assert_true(text_is_clean(st->warning));
	}
	return c;
}

adapter_cap_t *adapter_cap_parse(const adapter_t *a, const void *opts, const char *body, size_t len,
                                 int64_t now_ms, feed_stats_t *st, int *rc, char **cause)
{
	char *copy = xmalloc(len ? len : 1);
	memcpy(copy, body, len);
	adapter_body_t b = {copy, len, 0};
	adapter_cap_t *c = adapter_cap_parse_bodies(a, opts, &b, 1, now_ms, st, rc, cause);
	free(copy);
	return c;
}

void *adapter_opts(const adapter_t *a, const char *json, int want, char **err_pointer)
{
	cJSON *obj = json ? cJSON_Parse(json) : NULL;
	if (json)
		assert_non_null(obj);
	void *opts = NULL;
	cfg_error_t e = {0};
	int rc = a->options_parse ? a->options_parse(obj, &opts, &e) : 0;
	if (rc != want)
		fail_msg("%s options %s: got %d (%s: %s)", a->name, json ? json : "(absent)", rc,
		         e.pointer ? e.pointer : "", e.message ? e.message : "");
	if (rc < 0) {
		assert_non_null(e.pointer);
		assert_non_null(e.message);
		assert_null(opts);
		if (err_pointer)
			*err_pointer = xstrdup(e.pointer);
	}
	cfg_error_free(&e);
	cJSON_Delete(obj);
	return opts;
}
