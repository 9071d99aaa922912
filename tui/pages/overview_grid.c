/* overview_grid: the overview's blocks, which and where (overview_grid.h). */
#include "overview_grid.h"

int overview_domains_shown(const view_t *v, const store_t *st, domain_t out[DOMAIN_COUNT])
{
	unsigned sent = 0;
	size_t sources = st ? store_source_count(st) : 0;
	for (size_t i = 0; i < sources && i < v->source_cap; i++)
		sent |= v->source_domains[i];
	bool unnamed_silent = v->silent_unnamed > 0; /* a silent "city" feed */
	int n = 0;
	for (int d = 0; d < view_domain_count(v); d++) {
		const domain_view_t *dv = &v->domains[d];
		bool known = d < DOMAIN_KNOWN_COUNT;
		bool shown = (sent & (1u << d)) || dv->total > 0 || dv->sources_failing > 0 ||
		             (known && (dv->silent_named >= 0 || unnamed_silent));
		if (shown)
			out[n++] = (domain_t)d;
	}
	if (n == 0) /* nothing at all: the six, each saying it has no data */
		for (int d = 0; d < DOMAIN_KNOWN_COUNT; d++)
			out[n++] = (domain_t)d;
	return n;
}

overview_grid_t overview_grid_plan(int w, int n)
{
	overview_grid_t g = {.n = n > 0 ? n : 0};
	if (g.n == 0)
		return g;
	int most = w >= 120 ? (w / 40 > 3 ? w / 40 : 3) : 2;
	g.cols = n < most ? n : most;
	g.rows = (n + g.cols - 1) / g.cols;
	g.cols = (n + g.rows - 1) / g.rows; /* spread evenly over those rows */
	return g;
}

void overview_grid_cell(const overview_grid_t *g, int i, int w, int *row, int *x, int *width)
{
	int r = g->cols ? i / g->cols : 0;
	int col = g->cols ? i % g->cols : 0;
	int across = r == g->rows - 1 ? g->n - r * g->cols : g->cols;
	if (across < 1)
		across = 1;
	*row = r;
	*x = w * col / across;
	*width = w * (col + 1) / across - *x;
}
