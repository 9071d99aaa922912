/* reading_cols: which columns a detailed reading row (the domain page, the
 * tiers page) shows at a width, and how wide each is. Pure: no curses, no
 * store; the page measures what its list needs (reading_cols_need_t) and
 * the rows and the header draw from one plan, so they line up.
 *
 * Left to right: marker, state, name, place, gauge, value, trend, lo/hi,
 * lolo/hihi, history, min/max, age, source.
 *
 * The marker, the name and the value are always there. The others come in
 * this order while they fit, so a narrower terminal drops them in the
 * reverse one (READING_COLS_DROP_ORDER, also in the README):
 *   source, lolo/hihi, history (with its min/max), trend, lo/hi, state,
 *   age, place, gauge.
 * The history never shows without its min/max: they are its scale.
 * A column is shown only if every column dropped after it is, so a wider
 * terminal never shows less. A column whose need is 0
 * (no reading in the list has lolo/hihi, a source name...) is left out and
 * takes no room.
 *
 * The name gets at least READING_COLS_NAME_MIN (or its need, if smaller),
 * then, once the columns are placed, what it needs: the widest name in the
 * list, not all the rest. Columns left over widen, in turn, the place to its
 * need, the gauge and the history to their caps; what is still left stays
 * blank at the right.
 *
 * A column is never narrower than its title as drawn (need.title, measured
 * by the caller in the language shown; the constants below are the least
 * for the English words and the cells' contents). */
#ifndef CITYDASH_READING_COLS_H
#define CITYDASH_READING_COLS_H

#include <stdbool.h>

typedef enum reading_col {
	RC_MARKER,  /* the states' symbols ("!!~") */
	RC_STATE,   /* the worst state as a word: ALARM, WARN, BAD, STALE... */
	RC_NAME,    /* what is measured */
	RC_PLACE,   /* district and street */
	RC_GAUGE,   /* the value on its range, the limits as ticks */
	RC_VALUE,   /* the value and its unit */
	RC_TREND,   /* ↑ ↓ → over the history shown */
	RC_LIMITS,  /* lo/hi as numbers */
	RC_OUTER,   /* lolo/hihi as numbers */
	RC_HISTORY, /* the sparkline */
	RC_MINMAX,  /* lowest/highest of the history shown */
	RC_AGE,     /* how old the value is */
	RC_SOURCE,  /* the source it came from */
	RC_COUNT
} reading_col_t;

/* Dropped first to last as the width shrinks; RC_MINMAX goes with RC_HISTORY. */
#define READING_COLS_DROP_ORDER                                                               \
	{RC_SOURCE, RC_OUTER, RC_HISTORY, RC_TREND, RC_LIMITS, RC_STATE, RC_AGE, RC_PLACE, RC_GAUGE}

#define READING_COLS_NAME_MIN  24 /* the name's columns before any optional column */
#define READING_COLS_VALUE     12
#define READING_COLS_STATE     5  /* "ALARM" */
#define READING_COLS_TREND     5  /* "trend", the arrow under it */
#define READING_COLS_AGE       5
#define READING_COLS_GAUGE_MIN 8
#define READING_COLS_GAUGE_MAX 30
#define READING_COLS_HIST_MIN  10
#define READING_COLS_HIST_MAX  48
#define READING_COLS_PLACE_MIN 14
#define READING_COLS_SOURCE_MAX 16

/* What the list needs, in columns (0: nothing to show). */
typedef struct reading_cols_need {
	int name;   /* widest name (0: unknown, take what is left, as before) */
	int place;  /* widest place */
	int limits; /* widest "lo/hi" */
	int outer;  /* widest "lolo/hihi" */
	int minmax; /* widest "min/max" */
	int source; /* widest source name */
	/* Columns of each column's title as drawn, and for RC_STATE of the
	 * widest state word too (0: no wider than the constants above). */
	int title[RC_COUNT];
} reading_cols_need_t;

typedef struct reading_cols {
	int w[RC_COUNT]; /* columns of each (0: not shown) */
	int x[RC_COUNT]; /* where each starts, from the row's left edge */
	int width;
} reading_cols_t;

/* The plan for a row `width` columns wide. */
void reading_cols_plan(int width, const reading_cols_need_t *need, reading_cols_t *out);

/* Whether the plan shows column c. */
static inline bool reading_cols_shown(const reading_cols_t *p, reading_col_t c)
{
	return p->w[c] > 0;
}

#endif
