#include "kpi_indices.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bigdigits.h"
#include "glyphs.h"
#include "i18n.h"
#include "sparkline.h"
#include "text_draw.h"
#include "theme.h"

int kpi_indices_rows(int h, int w)
{
	return h >= 40 && w >= 120 ? 2 + BIGDIGITS_SMALL : 3;
}

void kpi_indices_name(kpi_index_id_t id, char *buf, size_t size)
{
	const char *title = kpi_index_title(id), *said = _(title);
	if (glyphs()->ascii || strcmp(said, title) != 0)
		snprintf(buf, size, "%s", said);
	else
		snprintf(buf, size, "%s %s", kpi_index_name_zh(id), title);
}

/* "12 of 15 with data", "12/15 with data" or "data 12/15": the longest
 * that fits `room`. */
static void members_text(const kpi_index_score_t *s, int room, char *buf, size_t size)
{
	snprintf(buf, size, _("%u of %u with data"), s->counted, s->members);
	if (text_draw_width(buf) > room)
		snprintf(buf, size, _("%u/%u with data"), s->counted, s->members);
	if (text_draw_width(buf) > room)
		snprintf(buf, size, _("data %u/%u"), s->counted, s->members);
}

/* The trend's scale: its range, widened to TREND_SPAN_MIN points around its
 * middle, so that a wobble of a tenth of a point does not fill the cell
 * height as a plunge would. */
#define TREND_SPAN_MIN 2.0
static void trend_scale(const float *v, size_t n, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		*lo = fmin(*lo, v[i]);
		*hi = fmax(*hi, v[i]);
	}
	if (!(*lo <= *hi)) {
		*lo = *hi = 0; /* only gaps: the sparkline draws none */
		return;
	}
	if (*hi - *lo < TREND_SPAN_MIN) {
		double mid = (*lo + *hi) / 2;
		*lo = mid - TREND_SPAN_MIN / 2;
		*hi = mid + TREND_SPAN_MIN / 2;
	}
}

static void draw_one(WINDOW *win, int y, int x, int rows, int w, const gov_view_t *gv,
                     kpi_index_id_t id)
{
	const kpi_index_score_t *s = &gv->indices[id];
	char name[96], score[32], members[64];
	kpi_indices_name(id, name, sizeof name);
	bool has = isfinite(s->score);
	if (has)
		snprintf(score, sizeof score, "%.1f", s->score);
	else
		snprintf(score, sizeof score, "%s", "--");
	attr_t value = has ? theme_attr(ROLE_VALUE) : theme_attr(ROLE_DIM);
	attr_t normal = theme_attr(ROLE_NORMAL);
	int cw = w - 1; /* a column of space between indices */
	for (int r = 0; r < rows; r++)
		text_fill(win, y + r, x, w, normal);
	text_draw(win, y, x, cw, name, theme_attr(ROLE_TITLE));
	float trend[GOV_TREND_LEN];
	size_t n = gov_trend(gv, id, trend, GOV_TREND_LEN);
	int spark_y, sx = x;
	if (rows > 3) { /* large digits, then trend and members on one line */
		bigdigits_draw(win, y + 1, x, BIGDIGITS_SMALL, cw, score, value);
		spark_y = y + 1 + BIGDIGITS_SMALL;
	} else { /* score and trend, then members */
		spark_y = y + 1;
		sx += text_draw(win, spark_y, x, cw, score, value | A_BOLD) + 1;
	}
	int spark = x + cw - sx;
	if (spark > 16)
		spark = 16;
	if (rows > 3)
		members_text(s, cw - spark - 1, members, sizeof members);
	else
		members_text(s, cw, members, sizeof members);
	if (spark >= 4 && n > 0) {
		double lo, hi;
		trend_scale(trend, n, &lo, &hi);
		sparkline_draw(win, spark_y, sx, spark, trend, n, lo, hi);
	}
	if (rows > 3)
		text_draw(win, spark_y, sx + spark + 1, cw - spark - 1, members,
		          theme_attr(ROLE_DIM));
	else
		text_draw(win, y + 2, x, cw, members, theme_attr(ROLE_DIM));
}

void kpi_indices_draw(WINDOW *win, int y, int x, int rows, int w, const gov_view_t *gv)
{
	if (gv == NULL || w < KPI_INDEX_COUNT * 6)
		return;
	for (int i = 0; i < KPI_INDEX_COUNT; i++) {
		int ix = x + w * i / KPI_INDEX_COUNT, iw = x + w * (i + 1) / KPI_INDEX_COUNT - ix;
		draw_one(win, y, ix, rows, iw, gv, (kpi_index_id_t)i);
	}
}
