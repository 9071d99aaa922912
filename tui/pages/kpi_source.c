#include "kpi_source.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "theme.h"
#include "timefmt.h"
#include "xalloc.h"

typedef struct kpi_sources {
	unsigned count, failing, waiting;
	int first_failing, first; /* -1 if none */
} kpi_sources_t;

/* A KPI source: one that sent KPIs, or one polling a KPI feed (/v1/kpis)
 * that has sent none yet. */
static kpi_sources_t kpi_sources(const store_t *st)
{
	kpi_sources_t s = {.first_failing = -1, .first = -1};
	size_t n = store_source_count(st);
	if (n == 0)
		return s;
	bool *has = xcalloc(n, sizeof *has);
	for (size_t i = 0; i < store_kpi_count(st); i++) {
		const kpi_t *k = store_kpi(st, i);
		if (k && k->source >= 0 && (size_t)k->source < n)
			has[k->source] = true;
	}
	for (size_t i = 0; i < n; i++) {
		const source_status_t *src = store_source(st, (int)i);
		if (!has[i] && !(src->url && strstr(src->url, "/kpis")))
			continue;
		s.count++;
		if (s.first < 0)
			s.first = (int)i;
		if (src->failing) {
			s.failing++;
			if (s.first_failing < 0)
				s.first_failing = (int)i;
		} else if (!src->ever_ok) {
			s.waiting++;
		}
	}
	free(has);
	return s;
}

int kpi_source_empty(const ui_ctx_t *ctx, char *buf, size_t size)
{
	const store_t *st = ctx->store;
	if (ctx->gov && store_kpi_count(st) > 0) {
		char scope[2 * SCOPE_NAME_MAX + 2];
		scope_format(&ctx->gov->scope, scope, sizeof scope);
		snprintf(buf, size, _("No KPIs in scope %s (the city reports %zu)."), scope,
		         store_kpi_count(st));
		return ROLE_LABEL;
	}
	kpi_sources_t s = kpi_sources(st);
	if (s.count == 0) {
		snprintf(buf, size, "%s",
		         _("No KPIs: no source sends them (a source at /v1/kpis would)."));
		return ROLE_DIM;
	}
	if (s.failing) {
		const source_status_t *src = store_source(st, s.first_failing);
		snprintf(buf, size, _("No KPIs: source %s failing: %s"), src->name,
		         src->error ? src->error : _("no answer"));
		return ROLE_BAD;
	}
	const source_status_t *src = store_source(st, s.first);
	if (s.waiting) {
		snprintf(buf, size, _("No KPIs yet: waiting for the first answer of %s."),
		         src->name);
		return ROLE_DIM;
	}
	snprintf(buf, size, _("No KPIs: source %s answers but sends none."), src->name);
	return ROLE_DIM;
}

int kpi_source_note(const ui_ctx_t *ctx, char *buf, size_t size)
{
	buf[0] = '\0';
	kpi_sources_t s = kpi_sources(ctx->store);
	if (s.failing == 0)
		return ROLE_NORMAL;
	const source_status_t *src = store_source(ctx->store, s.first_failing);
	int64_t age = source_data_age(src, ctx->now_ms);
	char when[32];
	if (age >= 0)
		timefmt_format_age(age, when, sizeof when);
	snprintf(buf, size, _("source %s failing: %s; KPIs as of %s ago"), src->name,
	         src->error ? src->error : _("no answer"), age >= 0 ? when : "?");
	return ROLE_BAD;
}

void kpi_source_age(const ui_ctx_t *ctx, int source, char *buf, size_t size)
{
	if (source < 0 || (size_t)source >= store_source_count(ctx->store)) {
		snprintf(buf, size, "%s", "?");
		return;
	}
	const source_status_t *src = store_source(ctx->store, source);
	int64_t age = source_data_age(src, ctx->now_ms);
	char when[32] = "?";
	if (age >= 0)
		timefmt_format_age(age, when, sizeof when);
	if (src->failing)
		snprintf(buf, size, _("%s, data %s old, failing: %s"), src->name, when,
		         src->error ? src->error : _("no answer"));
	else
		snprintf(buf, size, _("%s, data %s old"), src->name, when);
}
