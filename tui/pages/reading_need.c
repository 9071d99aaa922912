/* reading_need: what each reading needs of the detailed row's columns,
 * kept between frames (reading_need.h). */
#include "reading_need.h"

#include <stdbool.h>
#include <stdlib.h>

#include "format.h"
#include "glyphs.h"
#include "reading_cells.h"
#include "reading_row.h"
#include "text_draw.h"
#include "xalloc.h"

/* What one reading's texts need, and what they were measured from. */
typedef struct measured {
	uint64_t label_stamp; /* 0: nothing measured */
	int name, place, limits, outer, source;
	bool any;    /* its history holds a number: */
	float lo, hi; /* ... its lowest and highest */
	int minmax;
} measured_t;

static struct {
	measured_t *of; /* by store index */
	size_t cap;
	bool ascii; /* the glyphs they were measured with */
} memo;

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

static void measure_labels(const store_t *st, const reading_t *r, measured_t *m)
{
	char buf[320];
	reading_row_label(r, buf, sizeof buf);
	m->name = text_draw_width(buf);
	format_reading_place(r, buf, sizeof buf);
	m->place = text_draw_width(buf);
	reading_cells_limits(r, false, buf, sizeof buf);
	m->limits = text_draw_width(buf);
	reading_cells_limits(r, true, buf, sizeof buf);
	m->outer = text_draw_width(buf);
	const source_status_t *src = store_source(st, r->source);
	m->source = src && src->name ? text_draw_width(src->name) : 0;
	m->label_stamp = r->label_stamp;
	m->any = false; /* the min/max measured again too */
}

/* The reading's entry, measured again where it changed. */
static const measured_t *measured_of(const store_t *st, size_t index, const reading_t *r)
{
	if (index >= memo.cap) {
		size_t cap = memo.cap ? memo.cap : 256;
		while (cap <= index)
			cap *= 2;
		memo.of = xreallocarray(memo.of, cap, sizeof *memo.of);
		for (size_t i = memo.cap; i < cap; i++)
			memo.of[i] = (measured_t){0};
		memo.cap = cap;
	}
	measured_t *m = &memo.of[index];
	if (m->label_stamp != r->label_stamp || !r->label_stamp) /* 0: not stamped */
		measure_labels(st, r, m);
	/* Over all the history a row may show: the widest its part can need. */
	float lo, hi;
	if (!reading_history_extremes(r, STORE_HISTORY, &lo, &hi)) {
		m->any = false;
	} else if (!m->any || lo != m->lo || hi != m->hi) {
		char buf[96];
		reading_cells_minmax(lo, hi, buf, sizeof buf);
		m->minmax = text_draw_width(buf);
		m->any = true;
		m->lo = lo;
		m->hi = hi;
	}
	return m;
}

void reading_need_add(const store_t *st, const size_t *idx, size_t n, reading_cols_need_t *need)
{
	if (memo.ascii != glyphs()->ascii) { /* the labels are shown otherwise */
		for (size_t i = 0; i < memo.cap; i++)
			memo.of[i] = (measured_t){0};
		memo.ascii = glyphs()->ascii;
	}
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, idx[i]);
		if (!r)
			continue;
		const measured_t *m = measured_of(st, idx[i], r);
		need->name = max_i(need->name, m->name);
		need->place = max_i(need->place, m->place);
		need->limits = max_i(need->limits, m->limits);
		need->outer = max_i(need->outer, m->outer);
		if (m->any)
			need->minmax = max_i(need->minmax, m->minmax);
		need->source = max_i(need->source, m->source);
	}
}

void reading_need_forget(void)
{
	free(memo.of);
	memo.of = NULL;
	memo.cap = 0;
}
