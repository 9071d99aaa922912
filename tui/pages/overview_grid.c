/* overview_grid: the overview's blocks, which and where (overview_grid.h). */
#include "overview_grid.h"

#include <strings.h>

/* Named after a known domain, as view.c reads a silent source's name. */
static bool named_after_domain(const char *name)
{
	for (int d = 0; d < DOMAIN_KNOWN_COUNT; d++)
		if (strcasecmp(name, domain_token((domain_t)d)) == 0 ||
		    strcasecmp(name, domain_title((domain_t)d)) == 0)
			return true;
	return false;
}

int overview_domains_shown(const view_t *v, const store_t *st, domain_t out[DOMAIN_COUNT])
{
	unsigned sent = 0;
	bool unnamed_silent = false;
	size_t sources = st ? store_source_count(st) : 0;
	for (size_t i = 0; i < sources; i++) {
		unsigned domains = i < v->source_cap ? v->source_domains[i] : 0;
		sent |= domains;
		const source_status_t *s = store_source(st, (int)i);
		bool silent = domains == 0 && (s->failing || !s->ever_ok);
		if (silent && !named_after_domain(s->name))
			unnamed_silent = true;
	}
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
