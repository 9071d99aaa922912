/* reading_cols: the detailed reading row's column plan (reading_cols.h). */
#include "reading_cols.h"

#include "format.h"

static int min_i(int a, int b)
{
	return a < b ? a : b;
}

/* At least as wide as the column's title ("lo/hi", "lolo/hihi", "min/max",
 * "source"), so the header names it. */
static int titled(int need, int title)
{
	return need > 0 ? (need > title ? need : title) : 0;
}

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

/* The least columns of c when shown; 0: nothing to show. The English
 * titles' widths ("lo/hi" 5...) are the floor; a wider translated title
 * widens its column. */
static int least(reading_col_t c, const reading_cols_need_t *n)
{
	int t = n->title[c];
	switch (c) {
	case RC_STATE:
		return max_i(READING_COLS_STATE, t);
	case RC_PLACE:
		return n->place > 0 ? max_i(min_i(n->place, READING_COLS_PLACE_MIN), t) : 0;
	case RC_GAUGE:
		return max_i(READING_COLS_GAUGE_MIN, t);
	case RC_TREND:
		return max_i(READING_COLS_TREND, t);
	case RC_LIMITS:
		return titled(n->limits, max_i(5, t));
	case RC_OUTER:
		return titled(n->outer, max_i(9, t));
	case RC_HISTORY:
		return max_i(READING_COLS_HIST_MIN, t);
	case RC_MINMAX:
		return titled(n->minmax, max_i(7, t));
	case RC_AGE:
		return max_i(READING_COLS_AGE, t);
	case RC_SOURCE:
		return titled(min_i(n->source, READING_COLS_SOURCE_MAX), max_i(6, t));
	default:
		return 0;
	}
}

/* Widens column c by up to `more`, to at most `cap`; returns what it took. */
static int widen(reading_cols_t *p, reading_col_t c, int cap, int more)
{
	if (!p->w[c] || p->w[c] >= cap || more <= 0)
		return 0;
	int take = min_i(cap - p->w[c], more);
	p->w[c] += take;
	return take;
}

void reading_cols_plan(int width, const reading_cols_need_t *need, reading_cols_t *out)
{
	static const reading_col_t drop[] = READING_COLS_DROP_ORDER;
	const int ndrop = (int)(sizeof drop / sizeof drop[0]);
	reading_cols_need_t none = {0};
	if (!need)
		need = &none;
	*out = (reading_cols_t){.width = width > 0 ? width : 0};
	int name_min = need->name > 0 ? min_i(need->name, READING_COLS_NAME_MIN)
	                              : READING_COLS_NAME_MIN;
	out->w[RC_MARKER] = FORMAT_MARKER_COLS;
	out->w[RC_VALUE] = max_i(READING_COLS_VALUE, need->title[RC_VALUE]);
	/* Marker, name, value; a space before the value. */
	int used = FORMAT_MARKER_COLS + name_min + 1 + out->w[RC_VALUE];
	/* Optional columns, the last dropped first, each with its space; the
	 * history comes with its min/max, which says its scale. */
	for (int i = ndrop - 1; i >= 0; i--) {
		int w = least(drop[i], need);
		if (w == 0)
			continue; /* nothing to show: takes no room, stops nothing */
		int with = drop[i] == RC_HISTORY ? least(RC_MINMAX, need) : 0;
		int cost = w + 1 + (with ? with + 1 : 0);
		if (used + cost > width)
			break;
		out->w[drop[i]] = w;
		if (with)
			out->w[RC_MINMAX] = with;
		used += cost;
	}
	int left = width - used;
	if (left < 0) { /* narrower than the three: the name gives way */
		name_min += left;
		left = 0;
		if (name_min < 0)
			name_min = 0;
	}
	out->w[RC_NAME] = name_min;
	if (need->name <= 0) {
		/* Nothing measured: the name takes the rest, as a row always did,
		 * after the place and the gauge have their share. */
		left -= widen(out, RC_PLACE, need->place, left / 3);
		int g = widen(out, RC_GAUGE, READING_COLS_GAUGE_MAX, left * 2 / 5);
		left -= g;
		out->w[RC_NAME] += left;
		left = 0;
	} else {
		left -= widen(out, RC_NAME, need->name, left);
		left -= widen(out, RC_PLACE, need->place, left);
		/* The gauge and the history share what is left, a column each in turn. */
		while (left > 0) {
			int took = widen(out, RC_GAUGE, READING_COLS_GAUGE_MAX, 1);
			if (left - took > 0)
				took += widen(out, RC_HISTORY, READING_COLS_HIST_MAX, 1);
			if (took == 0)
				break;
			left -= took;
		}
	}
	int x = 0;
	for (int c = 0; c < RC_COUNT; c++) {
		out->x[c] = x;
		if (out->w[c] > 0 || c == RC_NAME)
			x += out->w[c] + (c == RC_MARKER ? 0 : 1);
	}
}
