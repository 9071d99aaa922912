/* kpi_index: attainment of a KPI and the five composite indices. The
 * formula and its reasons are docs/indices.md; tests/unit/test_kpi_index.c
 * checks its hand-worked table. */
#include "kpi_index.h"

#include <math.h>
#include <string.h>

#include "i18n.h"

static const struct {
	const char *token, *title, *zh;
} index_names[KPI_INDEX_COUNT] = {
    [KPI_INDEX_DEVELOPMENT] = {"development", N_("Development"), "发展"},
    [KPI_INDEX_CONSTRUCTION] = {"construction", N_("Construction"), "建设"},
    [KPI_INDEX_OPERATION] = {"operation", N_("Operation"), "运维"},
    [KPI_INDEX_SERVICE] = {"service", N_("Service"), "服务"},
    [KPI_INDEX_HEALTH] = {"health", N_("Health"), "健康"},
};

static bool valid_id(kpi_index_id_t id)
{
	return (unsigned)id < KPI_INDEX_COUNT;
}

const char *kpi_index_token(kpi_index_id_t id)
{
	return valid_id(id) ? index_names[id].token : NULL;
}

const char *kpi_index_title(kpi_index_id_t id)
{
	return valid_id(id) ? index_names[id].title : NULL;
}

const char *kpi_index_name_zh(kpi_index_id_t id)
{
	return valid_id(id) ? index_names[id].zh : NULL;
}

bool kpi_index_from_token(const char *token, kpi_index_id_t *out)
{
	if (!token)
		return false;
	for (int i = 0; i < KPI_INDEX_COUNT; i++)
		if (strcmp(token, index_names[i].token) == 0) {
			*out = (kpi_index_id_t)i;
			return true;
		}
	return false;
}

static bool has_data(const kpi_t *k)
{
	return k->has_value && k->has_target && isfinite(k->value) && isfinite(k->target);
}

kpi_status_t kpi_status(const kpi_t *k)
{
	if (!has_data(k))
		return KPI_NO_DATA;
	return kpi_distance(k) >= 0 ? KPI_ON_TARGET : KPI_OFF_TARGET;
}

double kpi_distance(const kpi_t *k)
{
	if (!has_data(k))
		return 0;
	return k->better_lower ? k->target - k->value : k->value - k->target;
}

static double clamp01(double x)
{
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

double kpi_attainment(const kpi_t *k)
{
	if (!has_data(k))
		return NAN;
	double shortfall = -kpi_distance(k); /* > 0: on the wrong side */
	if (shortfall <= 0)
		return 1;
	double t = k->target, v = k->value;
	if (t > 0) /* a ratio: how much of the target was reached */
		return k->better_lower ? t / v : clamp01(v / t);
	if (t == 0) /* "zero incidents": met or not, no scale to be partly there */
		return 0;
	/* A negative target (a decline to reach): the shortfall against the
	 * target's own size, linear, as a ratio would be for a positive one. */
	return clamp01(1 - shortfall / -t);
}

/* The KPI's weight in each index, 0 where it is no member. Its memberships
 * are `indices` when it has any, else `index` with `weight` (1 without one);
 * the first membership of an index counts; a weight that is not a positive
 * number, or an unknown index, is no membership. */
static void memberships(const kpi_t *k, double w[KPI_INDEX_COUNT])
{
	memset(w, 0, KPI_INDEX_COUNT * sizeof *w);
	bool seen[KPI_INDEX_COUNT] = {false};
	kpi_index_id_t id;
	if (k->index_count > 0) {
		for (size_t m = 0; m < k->index_count && m < STORE_KPI_INDICES; m++)
			if (kpi_index_from_token(k->indices[m].index, &id) && !seen[id]) {
				seen[id] = true;
				w[id] = k->indices[m].weight;
			}
	} else if (k->index && kpi_index_from_token(k->index, &id)) {
		w[id] = k->has_weight ? k->weight : 1;
	}
	for (int i = 0; i < KPI_INDEX_COUNT; i++)
		if (!(isfinite(w[i]) && w[i] > 0))
			w[i] = 0;
}

void kpi_index_compute(const kpi_t *const *kpis, size_t n, kpi_index_score_t out[KPI_INDEX_COUNT])
{
	double sum[KPI_INDEX_COUNT] = {0};
	memset(out, 0, KPI_INDEX_COUNT * sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const kpi_t *k = kpis[i];
		if (!k)
			continue;
		double a = kpi_attainment(k), weights[KPI_INDEX_COUNT];
		memberships(k, weights);
		for (int id = 0; id < KPI_INDEX_COUNT; id++) {
			double w = weights[id];
			if (w <= 0)
				continue;
			out[id].members++;
			out[id].weight_total += w;
			if (isnan(a))
				continue;
			out[id].counted++;
			out[id].weight_counted += w;
			sum[id] += w * a;
		}
	}
	for (int id = 0; id < KPI_INDEX_COUNT; id++)
		out[id].score =
		    out[id].weight_counted > 0 ? 100 * sum[id] / out[id].weight_counted : NAN;
}
