/* chart: see chart.h. Layout of the h × w rectangle:
 *
 *   labels │ plot ......................................  line labels
 *   (y     ┤ bands (░) first, reference lines (─) over      ("HI 80")
 *   scale) │ them, the data's dots over both
 *   unit     left time label                 right time label
 *
 * The plot is a grid of dots — 2 × 4 per cell in braille, 1 per cell in
 * ASCII — and each column of dots covers an equal share of the samples: the
 * column shows their whole range (so a spike among 600 samples drawn in 130
 * columns is not lost) joined to the previous column's last value, so the
 * dots read as a line. A column whose samples are all NAN stays empty and
 * breaks the line. Values off the scale (only possible with a caller's
 * min/max) are pinned to its top or bottom row. */
#include "chart.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"
#include "chart_scale.h"
#include "glyphs.h"
#include "text_draw.h"

#define CHART_MAX_TICKS 32
#define CHART_LABEL_LEN 24

typedef struct chart_layout {
	int y, x;       /* the plot's top-left cell */
	int rows, cols; /* the plot's size in cells */
	int label_cols; /* the y scale's labels, left of the axis */
	int margin;     /* columns right of the plot for the lines' labels; 0: over the plot */
	bool time_row;  /* a row under the plot for the time labels and the unit */
	int dot_rows, dot_cols; /* dots per cell: 4 × 2 in braille, 1 × 1 in ASCII */
	chart_scale_t scale;
} chart_layout_t;

static void chart_widen(double v, double *lo, double *hi, bool *any)
{
	if (!isfinite(v))
		return;
	if (!*any || v < *lo)
		*lo = v;
	if (!*any || v > *hi)
		*hi = v;
	*any = true;
}

/* The range to scale: the caller's, or everything the chart shows. */
static void chart_range(const chart_t *c, double *lo, double *hi)
{
	if (isfinite(c->min) && isfinite(c->max) && c->min < c->max) {
		*lo = c->min;
		*hi = c->max;
		return;
	}
	bool any = false;
	for (size_t i = 0; c->values != NULL && i < c->n; i++)
		chart_widen(c->values[i], lo, hi, &any);
	for (size_t i = 0; c->lines != NULL && i < c->line_count; i++)
		chart_widen(c->lines[i].y, lo, hi, &any);
	for (size_t i = 0; c->bands != NULL && i < c->band_count; i++) {
		chart_widen(c->bands[i].lo, lo, hi, &any);
		chart_widen(c->bands[i].hi, lo, hi, &any);
	}
	if (!any)
		*lo = *hi = 0.0;
}

/* The dot row of v, 0 at the top; off-scale values pinned to an edge. */
static int chart_dot_row(const chart_layout_t *L, double v)
{
	int last = L->rows * L->dot_rows - 1;
	double f = (L->scale.hi - v) / (L->scale.hi - L->scale.lo) * last + 0.5;
	if (!(f >= 0))
		return 0;
	if (f >= last)
		return last;
	return (int)f;
}

static int chart_cell_row(const chart_layout_t *L, double v)
{
	return chart_dot_row(L, v) / L->dot_rows;
}

static bool chart_on_scale(const chart_layout_t *L, double v)
{
	return isfinite(v) && v >= L->scale.lo && v <= L->scale.hi;
}

static int chart_label_width(const chart_t *c)
{
	int widest = 0;
	for (size_t i = 0; c->lines != NULL && i < c->line_count; i++) {
		if (c->lines[i].label == NULL)
			continue;
		int lw = text_draw_width(c->lines[i].label);
		if (lw > widest)
			widest = lw;
	}
	return widest;
}

/* The values the y scale labels: the step's multiples on the scale. */
static int chart_ticks(const chart_scale_t *s, double *out, int max)
{
	double first = ceil(s->lo / s->step - 1e-9);
	int n = 0;
	for (int k = 0; n < max; k++) {
		double v = (first + k) * s->step;
		if (v > s->hi + s->step * 1e-9)
			break;
		out[n++] = v;
	}
	return n;
}

/* Fills in the layout; false if the rectangle is too small for a plot. */
static bool chart_layout(const chart_t *c, int y, int x, int h, int w, chart_layout_t *L)
{
	bool ascii = c->ascii || glyphs()->ascii;
	L->dot_rows = ascii ? 1 : 4;
	L->dot_cols = ascii ? 1 : 2;
	L->time_row = c->left != NULL || c->right != NULL || c->unit != NULL;
	L->rows = h - (L->time_row ? 1 : 0);
	double lo = 0, hi = 0;
	chart_range(c, &lo, &hi);
	L->scale = chart_scale_make(lo, hi, L->rows / 3 + 1);
	if (isfinite(c->min) && isfinite(c->max) && c->min < c->max) {
		L->scale.lo = c->min; /* the caller's scale is kept as given */
		L->scale.hi = c->max;
	}

	char buf[CHART_LABEL_LEN];
	double ticks[CHART_MAX_TICKS];
	int nticks = chart_ticks(&L->scale, ticks, CHART_MAX_TICKS), lw = 1;
	for (int i = 0; i < nticks; i++) {
		chart_scale_label(&L->scale, ticks[i], buf, sizeof buf);
		int tw = text_draw_width(buf);
		if (tw > lw)
			lw = tw;
	}
	if (L->time_row && c->unit != NULL) {
		int uw = text_draw_width(c->unit);
		uw = uw < 8 ? uw : 8; /* a long unit is cut rather than narrow the plot */
		if (uw > lw)
			lw = uw;
	}
	if (lw > w / 3)
		lw = w / 3;
	L->label_cols = lw;

	int margin = chart_label_width(c);
	margin = margin > 0 ? margin + 1 : 0;
	if (w - lw - 1 - margin < 12)
		margin = 0; /* too narrow: the labels go over the plot's right end */
	L->margin = margin;
	L->cols = w - lw - 1 - margin;
	L->y = y;
	L->x = x + lw + 1;
	return L->rows >= 2 && L->cols >= 4;
}

static void chart_bands(WINDOW *win, const chart_layout_t *L, const chart_t *c, bool ascii)
{
	for (size_t i = 0; c->bands != NULL && i < c->band_count; i++) {
		const chart_band_t *b = &c->bands[i];
		if (!isfinite(b->lo) || !isfinite(b->hi))
			continue;
		double lo = b->lo < b->hi ? b->lo : b->hi, hi = b->lo < b->hi ? b->hi : b->lo;
		if (hi < L->scale.lo || lo > L->scale.hi)
			continue;
		attr_t attr = theme_attr(b->role);
		for (int r = chart_cell_row(L, hi); r <= chart_cell_row(L, lo); r++)
			for (int col = 0; col < L->cols; col++)
				text_draw(win, L->y + r, L->x + col, 1, ascii ? ":" : "░", attr);
	}
}

static void chart_lines(WINDOW *win, const chart_layout_t *L, const chart_t *c, bool ascii)
{
	for (size_t i = 0; c->lines != NULL && i < c->line_count; i++) {
		if (!chart_on_scale(L, c->lines[i].y))
			continue;
		attr_t attr = theme_attr(c->lines[i].role);
		int r = chart_cell_row(L, c->lines[i].y);
		for (int col = 0; col < L->cols; col++)
			text_draw(win, L->y + r, L->x + col, 1, ascii ? "-" : "─", attr);
	}
}

/* The braille bit of the dot at (row 0..3, column 0..1) of a cell. */
static uint8_t chart_braille_bit(int row, int col)
{
	static const uint8_t bits[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
	return bits[row][col];
}

/* Sets the dots of one dot column from dot row a to b (either order). */
static void chart_dot_span(uint8_t *grid, const chart_layout_t *L, int dcol, int a, int b)
{
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	int cell_col = dcol / L->dot_cols;
	for (int d = a; d <= b; d++) {
		uint8_t bit = L->dot_rows == 1 ? 1 : chart_braille_bit(d % 4, dcol % 2);
		grid[(size_t)(d / L->dot_rows) * (size_t)L->cols + (size_t)cell_col] |= bit;
	}
}

/* The data's dots into grid (rows × cols cells, one bit per dot). */
static void chart_plot(uint8_t *grid, const chart_layout_t *L, const chart_t *c)
{
	size_t dcols = (size_t)L->cols * (size_t)L->dot_cols;
	int prev = -1; /* dot row of the previous column's last value; -1 after a gap */
	for (size_t dc = 0; dc < dcols; dc++) {
		size_t start = dc * c->n / dcols, end = (dc + 1) * c->n / dcols;
		if (end <= start)
			end = start + 1; /* fewer samples than columns: each is stretched */
		if (end > c->n)
			end = c->n;
		int top = INT_MAX, bottom = -1, last = -1;
		for (size_t i = start; i < end; i++) {
			if (!isfinite(c->values[i]))
				continue;
			int d = chart_dot_row(L, c->values[i]);
			top = d < top ? d : top;
			bottom = d > bottom ? d : bottom;
			last = d;
		}
		if (last < 0) {
			prev = -1;
			continue;
		}
		if (prev >= 0) {
			top = prev < top ? prev : top;
			bottom = prev > bottom ? prev : bottom;
		}
		chart_dot_span(grid, L, (int)dc, top, bottom);
		prev = last;
	}
}

static void chart_data(WINDOW *win, const chart_layout_t *L, const chart_t *c, bool ascii)
{
	if (c->values == NULL || c->n == 0)
		return;
	uint8_t *grid = xcalloc((size_t)L->rows * (size_t)L->cols, 1);
	chart_plot(grid, L, c);
	attr_t attr = theme_attr(ROLE_SPARK);
	for (int r = 0; r < L->rows; r++) {
		for (int col = 0; col < L->cols; col++) {
			uint8_t bits = grid[(size_t)r * (size_t)L->cols + (size_t)col];
			if (bits == 0)
				continue;
			/* U+2800 + bits in UTF-8 */
			char cell[4] = {(char)0xE2, (char)(0xA0 | (bits >> 6)),
			                (char)(0x80 | (bits & 0x3F)), '\0'};
			text_draw(win, L->y + r, L->x + col, 1, ascii ? "*" : cell, attr);
		}
	}
	free(grid);
}

/* The y axis with the scale's labels at their rows (one per row at most). */
static void chart_axis(WINDOW *win, const chart_layout_t *L, bool ascii)
{
	attr_t dim = theme_attr(ROLE_DIM), label = theme_attr(ROLE_LABEL);
	int ax = L->x - 1;
	for (int r = 0; r < L->rows; r++)
		text_draw(win, L->y + r, ax, 1, ascii ? "|" : "│", dim);
	char buf[CHART_LABEL_LEN];
	double ticks[CHART_MAX_TICKS];
	int nticks = chart_ticks(&L->scale, ticks, CHART_MAX_TICKS), used = -1;
	for (int i = 0; i < nticks; i++) {
		int r = chart_cell_row(L, ticks[i]);
		if (r == used)
			continue;
		used = r;
		chart_scale_label(&L->scale, ticks[i], buf, sizeof buf);
		text_draw_right(win, L->y + r, ax - L->label_cols, L->label_cols, buf, label);
		text_draw(win, L->y + r, ax, 1, ascii ? "+" : "┤", dim);
	}
}

/* Each line's label at its row's right end, moved to the nearest free row
 * when two lines share one (HI and HIHI close together on a small chart). */
static void chart_line_labels(WINDOW *win, const chart_layout_t *L, const chart_t *c)
{
	bool *taken = xcalloc((size_t)L->rows, sizeof *taken);
	for (size_t i = 0; c->lines != NULL && i < c->line_count; i++) {
		const chart_line_t *ln = &c->lines[i];
		if (ln->label == NULL || !chart_on_scale(L, ln->y))
			continue;
		int want = chart_cell_row(L, ln->y), r = -1;
		for (int d = 0; d < L->rows && r < 0; d++) {
			if (want - d >= 0 && !taken[want - d])
				r = want - d;
			else if (want + d < L->rows && !taken[want + d])
				r = want + d;
		}
		if (r < 0)
			break;
		taken[r] = true;
		attr_t attr = theme_attr(ln->role);
		if (L->margin > 0) {
			text_draw(win, L->y + r, L->x + L->cols + 1, L->margin - 1, ln->label,
			          attr);
		} else {
			int lw = text_draw_width(ln->label);
			int room = lw < L->cols ? lw : L->cols;
			text_draw(win, L->y + r, L->x + L->cols - room, room, ln->label, attr);
		}
	}
	free(taken);
}

static void chart_time_row(WINDOW *win, const chart_layout_t *L, const chart_t *c)
{
	if (!L->time_row)
		return;
	attr_t dim = theme_attr(ROLE_DIM);
	int y = L->y + L->rows;
	if (c->unit != NULL)
		text_draw(win, y, L->x - 1 - L->label_cols, L->label_cols, c->unit, dim);
	int right = c->right != NULL ? text_draw_width(c->right) : 0;
	if (right > L->cols)
		right = L->cols;
	if (c->left != NULL && L->cols - right - 1 > 0)
		text_draw(win, y, L->x, L->cols - right - 1, c->left, dim);
	if (c->right != NULL)
		text_draw_right(win, y, L->x, L->cols, c->right, dim);
}

void chart_draw(WINDOW *win, int y, int x, int h, int w, const chart_t *c)
{
	if (win == NULL || c == NULL || h < 3 || w < 16 || x > INT_MAX - w || y > INT_MAX - h)
		return;
	chart_layout_t L;
	if (!chart_layout(c, y, x, h, w, &L))
		return;
	bool ascii = c->ascii || glyphs()->ascii;
	attr_t normal = theme_attr(ROLE_NORMAL);
	for (int r = 0; r < h; r++)
		text_fill(win, y + r, x, w, normal);
	chart_bands(win, &L, c, ascii);
	chart_lines(win, &L, c, ascii);
	chart_data(win, &L, c, ascii);
	chart_axis(win, &L, ascii);
	chart_line_labels(win, &L, c);
	chart_time_row(win, &L, c);
}
