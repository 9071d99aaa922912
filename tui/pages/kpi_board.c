#include "kpi_board.h"

#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "xalloc.h"

#define FOLD_MAX (sizeof((nav_t *)0)->kpi_folded / sizeof((nav_t *)0)->kpi_folded[0])

/* FNV-1a: stable from run to run, so folds survive the category moving. */
uint32_t kpi_board_hash(const char *name)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static int fold_slot(const nav_t *nav, uint32_t h)
{
	for (int i = 0; i < nav->kpi_folded_count; i++)
		if (nav->kpi_folded[i] == h)
			return i;
	return -1;
}

bool kpi_board_folded(const nav_t *nav, const char *category)
{
	return fold_slot(nav, kpi_board_hash(category)) >= 0;
}

void kpi_board_set_folded(nav_t *nav, const char *category, bool folded)
{
	uint32_t h = kpi_board_hash(category);
	int i = fold_slot(nav, h);
	if (folded && i < 0 && (size_t)nav->kpi_folded_count < FOLD_MAX)
		nav->kpi_folded[nav->kpi_folded_count++] = h;
	else if (!folded && i >= 0)
		nav->kpi_folded[i] = nav->kpi_folded[--nav->kpi_folded_count];
}

void kpi_board_fold_all(nav_t *nav, const gov_view_t *gv)
{
	bool any_open = false;
	for (size_t c = 0; c < gv->category_count && !any_open; c++)
		any_open = !kpi_board_folded(nav, gv->categories[c].name);
	if (!any_open) {
		nav->kpi_folded_count = 0;
		return;
	}
	for (size_t c = 0; c < gv->category_count; c++)
		kpi_board_set_folded(nav, gv->categories[c].name, true);
}

void kpi_board_build(kpi_board_t *b, const gov_view_t *gv, const store_t *st, const nav_t *nav)
{
	b->count = b->matched = b->kpis = 0;
	b->rows = NULL;
	if (gv == NULL || gv->category_count == 0)
		return;
	b->rows = xcalloc(gv->category_count + gv->kpi_count, sizeof *b->rows);
	for (size_t c = 0; c < gv->category_count; c++) {
		const gov_category_t *cat = &gv->categories[c];
		size_t header = b->count, matched = 0;
		b->rows[b->count++] = (kpi_board_row_t){
		    .category = c,
		    .header = true,
		    .serial = KPI_BOARD_HEADER | kpi_board_hash(cat->name),
		};
		bool folded = kpi_board_folded(nav, cat->name);
		for (size_t i = cat->first; i < cat->first + cat->count && i < gv->kpi_count; i++) {
			const kpi_t *k = gov_kpi(st, gv->kpis[i]);
			if (k == NULL)
				continue; /* gone since the evaluation: the next has it right */
			b->kpis++;
			if (!filter_kpi(nav->filter, k))
				continue;
			matched++;
			if (!folded)
				b->rows[b->count++] = (kpi_board_row_t){
				    .category = c, .ref = gv->kpis[i], .serial = k->serial};
		}
		b->matched += matched;
		if (nav->filter[0] && matched == 0)
			b->count = header; /* nothing of it matches: not even its header */
	}
}

void kpi_board_free(kpi_board_t *b)
{
	free(b->rows);
	b->rows = NULL;
	b->count = 0;
}

int kpi_board_find(const kpi_board_t *b, int row, uint64_t *serial)
{
	int total = (int)b->count;
	if (total == 0)
		return 0;
	int found = -1;
	if (*serial && row >= 0 && row < total && b->rows[row].serial == *serial)
		found = row;
	for (int i = 0; *serial && found < 0 && i < total; i++)
		if (b->rows[i].serial == *serial)
			found = i;
	if (found < 0)
		found = row < 0 ? 0 : row >= total ? total - 1 : row;
	*serial = b->rows[found].serial;
	return found;
}
