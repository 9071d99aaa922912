/* shown_age: see shown_age.h. */
#include "shown_age.h"

void shown_age_reading(nav_t *nav, const ui_ctx_t *ctx, size_t reading)
{
	if (!ctx->store || reading >= store_reading_count(ctx->store))
		return;
	const reading_t *r = store_reading(ctx->store, reading);
	if (!r)
		return;
	int64_t age = store_reading_vouched_age(ctx->store, r, ctx->now_ms);
	if (age < 0)
		return; /* never had data */
	int64_t at = ctx->now_ms - age;
	if (at <= 0)
		at = 1; /* 0 means nothing shown */
	if (nav->oldest_shown_ms == 0 || at < nav->oldest_shown_ms)
		nav->oldest_shown_ms = at;
}

void shown_age_view(nav_t *nav, const ui_ctx_t *ctx)
{
	if (!ctx->view)
		return;
	for (int d = 0; d < view_domain_count(ctx->view); d++) {
		const domain_view_t *dv = &ctx->view->domains[d];
		for (size_t i = 0; i < dv->total; i++)
			shown_age_reading(nav, ctx, dv->by_place[i]);
	}
}
