/* kpi_index: how well a KPI meets its target (its attainment), and the five
 * composite indices the centre is judged by — 发展 development, 建设
 * construction, 运维 operation, 服务 service, 健康 health — computed from
 * the KPIs' index memberships and weights. The formula, with worked cases,
 * is docs/indices.md; the unit tests check those cases by hand. Pure: no
 * allocation, no curses, no clock. */
#ifndef CITYDASH_KPI_INDEX_H
#define CITYDASH_KPI_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

typedef enum kpi_index_id {
	KPI_INDEX_DEVELOPMENT,
	KPI_INDEX_CONSTRUCTION,
	KPI_INDEX_OPERATION,
	KPI_INDEX_SERVICE,
	KPI_INDEX_HEALTH,
	KPI_INDEX_COUNT
} kpi_index_id_t;

/* "development", ... (the wire token); NULL for an out-of-range id. */
const char *kpi_index_token(kpi_index_id_t id);
/* Display title, untranslated (wrap in _() where shown): "Development", ... */
const char *kpi_index_title(kpi_index_id_t id);
/* Short Chinese name: "发展", "建设", "运维", "服务", "健康". */
const char *kpi_index_name_zh(kpi_index_id_t id);
/* false for an unknown token (a membership in it is ignored by the indices). */
bool kpi_index_from_token(const char *token, kpi_index_id_t *out);

typedef enum kpi_status { KPI_ON_TARGET, KPI_OFF_TARGET, KPI_NO_DATA } kpi_status_t;

/* NO_DATA without a value or without a target; ON_TARGET when the value is
 * at the target or on its better side. */
kpi_status_t kpi_status(const kpi_t *k);
/* The signed distance to target in the KPI's unit, positive on the better
 * side (value - target, or target - value when lower is better); 0 with
 * NO_DATA. */
double kpi_distance(const kpi_t *k);
/* Attainment, 0 (far off) .. 1 (target met or beaten); NAN with NO_DATA.
 * See docs/indices.md for zero and negative targets. */
double kpi_attainment(const kpi_t *k);

typedef struct kpi_index_score {
	double score;          /* 0..100; NAN when no member has data */
	double weight_total;   /* sum of the members' weights in this index */
	double weight_counted; /* of it, members with data */
	unsigned members;      /* KPIs in the index */
	unsigned counted;      /* of them, with data */
} kpi_index_score_t;

/* Computes all five indices over kpis[0..n) (NULL entries skipped). */
void kpi_index_compute(const kpi_t *const *kpis, size_t n, kpi_index_score_t out[KPI_INDEX_COUNT]);

#endif
