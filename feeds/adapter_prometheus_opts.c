/* adapter_prometheus_opts: the prometheus adapter's options, the source's
 * member "prometheus" (docs/config.md, "type: prometheus"), read with
 * cfg_read.h: every error names its member by a JSON Pointer relative to
 * that object. See adapter_prometheus.h for the struct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "adapter_prometheus.h"
#include "i18n.h"
#include "model.h"
#include "protocol_fields.h"
#include "xalloc.h"

#define QUERY_MAX  8192 /* bytes of one PromQL expression */
#define PREFIX_MAX 64   /* bytes of id_prefix */

const char *const prom_field_names[PROM_F_COUNT] = {"id",       "name",   "domain",
                                                    "district", "street", "unit"};
const char *const prom_join_names[PROM_J_COUNT] = {"lolo", "lo", "hi", "hihi", "min", "max"};

/* A Prometheus label name: [a-zA-Z_][a-zA-Z0-9_]* */
static bool label_name_valid(const char *s)
{
	if (!s[0] || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* "labels" or "fixed": an object of fields to strings. */
static int read_fields(const cJSON *q, const char *key, bool labels, char **out, cfg_error_t *e)
{
	const cJSON *obj;
	if (cfg_get_object(q, key, false, &obj, e) < 0)
		return -1;
	if (!obj)
		return 0;
	const char *known[PROM_F_COUNT + 1] = {0};
	for (size_t f = 0; f < PROM_F_COUNT; f++)
		known[f] = prom_field_names[f];
	int rc = cfg_check_keys(obj, known, e);
	for (size_t f = 0; rc == 0 && f < PROM_F_COUNT; f++) {
		rc = cfg_get_string(obj, prom_field_names[f], false, true, &out[f], e);
		const char *why = NULL;
		if (rc == 0 && out[f] && labels && !label_name_valid(out[f]))
			why = _("must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)");
		else if (rc == 0 && out[f] && !labels && f == PROM_F_ID && !proto_id_valid(out[f]))
			why = _("must be a valid id (1-128 of A-Z a-z 0-9 . _ : / -)");
		if (why) {
			char *p = cfg_pointer_join("", prom_field_names[f]);
			cfg_error_set(e, p, "%s", why);
			free(p);
			rc = -1;
		}
	}
	if (rc < 0) {
		char *p = cfg_pointer_join("", key);
		cfg_error_nest(e, p);
		free(p);
	}
	return rc;
}

static int set_error(cfg_error_t *e, const char *key, const char *msg)
{
	char *p = cfg_pointer_join("", key);
	cfg_error_set(e, p, "%s", msg);
	free(p);
	return -1;
}

/* A PromQL expression: a non-empty printable string of bounded length. */
static int read_query(const cJSON *obj, const char *key, bool required, char **out,
                      cfg_error_t *e)
{
	if (cfg_get_string(obj, key, required, true, out, e) < 0)
		return -1;
	if (*out && strlen(*out) > QUERY_MAX)
		return set_error(e, key, _("is too long (at most 8192 bytes)"));
	return 0;
}

/* One limit or range bound: a number, or a PromQL string. */
static int read_bound(const cJSON *obj, const char *key, prom_bound_t *b, cfg_error_t *e)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!it)
		return 0;
	if (cJSON_IsString(it)) {
		if (read_query(obj, key, true, &b->query, e) < 0)
			return -1;
	} else if (!cJSON_IsNumber(it) || cfg_get_number(obj, key, &b->number, NULL, e) < 0) {
		return set_error(e, key, _("must be a number or a PromQL query (a string)"));
	}
	b->given = true;
	return 0;
}

/* "limits": {"lolo"|"lo"|"hi"|"hihi": bound}; errors relative to it. */
static int read_limits(const cJSON *limits, prom_query_t *out, cfg_error_t *e)
{
	static const char *const keys[] = {"lolo", "lo", "hi", "hihi", NULL};
	if (cfg_check_keys(limits, keys, e) < 0)
		return -1;
	limits_t fixed = {0};
	double *slot[4] = {&fixed.lolo, &fixed.lo, &fixed.hi, &fixed.hihi};
	for (size_t j = PROM_J_LOLO; j <= PROM_J_HIHI; j++) {
		if (read_bound(limits, prom_join_names[j], &out->join[j], e) < 0)
			return -1;
		if (out->join[j].given && !out->join[j].query) {
			fixed.mask |= 1u << j;
			*slot[j] = out->join[j].number;
		}
	}
	/* Fixed limits out of order are a mistake in the file, not in a feed. */
	if (!limits_ordered(&fixed)) {
		cfg_error_set(e, "", "%s", _("must be in order: lolo <= lo <= hi <= hihi"));
		return -1;
	}
	return 0;
}

/* "range": {"min": bound, "max": bound}; errors relative to it. */
static int read_range(const cJSON *range, prom_query_t *out, cfg_error_t *e)
{
	static const char *const keys[] = {"min", "max", NULL};
	if (cfg_check_keys(range, keys, e) < 0)
		return -1;
	for (size_t j = PROM_J_MIN; j <= PROM_J_MAX; j++)
		if (read_bound(range, prom_join_names[j], &out->join[j], e) < 0)
			return -1;
	const prom_bound_t *lo = &out->join[PROM_J_MIN], *hi = &out->join[PROM_J_MAX];
	if (!lo->given || !hi->given) {
		cfg_error_set(e, "", "%s", _("needs both min and max"));
		return -1;
	}
	if (!lo->query && !hi->query && !(lo->number < hi->number)) {
		cfg_error_set(e, "", "%s", _("must have min < max"));
		return -1;
	}
	return 0;
}

static int read_bounds(const cJSON *q, prom_query_t *out, cfg_error_t *e)
{
	const cJSON *limits, *range;
	if (cfg_get_object(q, "limits", false, &limits, e) < 0 ||
	    cfg_get_object(q, "range", false, &range, e) < 0)
		return -1;
	if (limits && read_limits(limits, out, e) < 0) {
		cfg_error_nest(e, "/limits");
		return -1;
	}
	if (range && read_range(range, out, e) < 0) {
		cfg_error_nest(e, "/range");
		return -1;
	}
	return 0;
}

static bool prefix_valid(const char *s)
{
	return strlen(s) <= PREFIX_MAX && proto_id_valid(s);
}

static int read_query_obj(const cJSON *q, prom_query_t *out, cfg_error_t *e)
{
	static const char *const keys[] = {"query", "labels", "fixed", "id_prefix",
	                                   "limits", "range", NULL};
	if (!cJSON_IsObject(q)) {
		cfg_error_set(e, "", "%s", _("must be an object"));
		return -1;
	}
	if (cfg_check_keys(q, keys, e) < 0 || read_query(q, "query", true, &out->query, e) < 0 ||
	    read_fields(q, "labels", true, out->label, e) < 0 ||
	    read_fields(q, "fixed", false, out->fixed, e) < 0 ||
	    cfg_get_string(q, "id_prefix", false, true, &out->id_prefix, e) < 0 ||
	    read_bounds(q, out, e) < 0)
		return -1;
	if (out->id_prefix && !prefix_valid(out->id_prefix))
		return set_error(e, "id_prefix",
		                 _("must be at most 64 of A-Z a-z 0-9 . _ : / -"));
	if (out->label[PROM_F_ID] && out->fixed[PROM_F_ID]) {
		cfg_error_set(e, "/fixed/id", "%s",
		              _("conflicts with labels/id: give the id one way"));
		return -1;
	}
	return 0;
}

static void query_free(prom_query_t *q)
{
	free(q->query);
	free(q->id_prefix);
	for (size_t f = 0; f < PROM_F_COUNT; f++) {
		free(q->label[f]);
		free(q->fixed[f]);
	}
	for (size_t j = 0; j < PROM_J_COUNT; j++)
		free(q->join[j].query);
}

void prom_options_free(void *opts)
{
	prom_opts_t *o = opts;
	if (!o)
		return;
	for (size_t i = 0; i < o->count; i++)
		query_free(&o->queries[i]);
	free(o->queries);
	free(o);
}

int prom_options_parse(const cJSON *obj, void **opts, cfg_error_t *err)
{
	static const char *const keys[] = {"queries", "history_s", "step_s", NULL};
	*opts = NULL;
	if (!cJSON_IsObject(obj)) {
		cfg_error_set(err, "", "%s", _("must be an object"));
		return -1;
	}
	const cJSON *list;
	prom_opts_t *o = xcalloc(1, sizeof *o);
	o->history_s = PROM_HISTORY_DEF;
	o->step_s = 0;
	if (cfg_check_keys(obj, keys, err) < 0 || cfg_get_array(obj, "queries", true, &list, err) < 0 ||
	    cfg_get_int(obj, "history_s", 0, PROM_HISTORY_MAX, N_("s"), &o->history_s, err) < 0 ||
	    cfg_get_int(obj, "step_s", 1, PROM_HISTORY_MAX, N_("s"), &o->step_s, err) < 0)
		goto fail;
	size_t n = (size_t)cJSON_GetArraySize(list);
	if (n == 0 || n > PROM_MAX_QUERIES) {
		cfg_error_set(err, "/queries", _("must hold from 1 to %d queries"), PROM_MAX_QUERIES);
		goto fail;
	}
	o->queries = xcalloc(n, sizeof *o->queries);
	const cJSON *q;
	cJSON_ArrayForEach(q, list)
	{
		if (read_query_obj(q, &o->queries[o->count++], err) < 0) {
			char *p = cfg_pointer_index("/queries", o->count - 1);
			cfg_error_nest(err, p);
			free(p);
			goto fail;
		}
	}
	/* The sparkline shows at most 64 samples: a finer step would only make
	 * the first answer bigger (docs/config.md). */
	if (!o->step_s) {
		o->step_s = (o->history_s + PROM_HISTORY_STEPS - 1) / PROM_HISTORY_STEPS;
		if (o->step_s < 1)
			o->step_s = 1;
	}
	*opts = o;
	return 0;
fail:
	prom_options_free(o);
	return -1;
}
