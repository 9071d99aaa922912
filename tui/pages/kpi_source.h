/* kpi_source: what the KPI pages say about the sources of the KPIs — why
 * the board is empty (no source sends KPIs, the source fails, has not
 * answered yet, sent none, or none is in the scope) and, when it is not,
 * that a KPI source is failing and how old its KPIs are. So that an empty
 * or frozen board is never taken for a quiet one. */
#ifndef CITYDASH_KPI_SOURCE_H
#define CITYDASH_KPI_SOURCE_H

#include <stddef.h>

#include "pages.h"

/* Why the board is empty, into buf; returns the role (theme.h) to draw it in. */
int kpi_source_empty(const ui_ctx_t *ctx, char *buf, size_t size);
/* "" when every KPI source answers; else "source kpis failing: ...; KPIs
 * as of 3m ago". Returns the role. */
int kpi_source_note(const ui_ctx_t *ctx, char *buf, size_t size);
/* "kpis, 4s ago": a KPI's source and the age of its data. */
void kpi_source_age(const ui_ctx_t *ctx, int source, char *buf, size_t size);

#endif
