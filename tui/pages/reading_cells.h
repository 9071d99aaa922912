/* reading_cells: the texts of a detailed reading row's added columns —
 * the state as a word, limits and min/max as compact numbers, the trend
 * and the sparkline's scale floor. Pure (no curses): unit-tested.
 *
 * The sparkline's scale (reading_cells_min_span): a reading's history is
 * drawn on its own lowest..highest, but never on less than 2% of the
 * value (±1% about the middle of what is shown) nor less than 1% of the
 * reading's range: a steady 10.0 kV with a jitter in its last digit is a
 * flat line, not a swing from ▁ to █. The trend uses the same floor: a
 * move under half of it is steady (→). */
#ifndef CITYDASH_READING_CELLS_H
#define CITYDASH_READING_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"
#include "view.h"

/* The worst state as a word, "" for an ok reading: ALARM, WARN, BAD, NOLIM
 * (limits invalid), STALE, NULL (no value), DOUBT (uncertain); as written
 * (N_() marked), at most 5 columns. */
const char *reading_cells_state_word(view_states_t states);
/* The same word translated, as the state column shows it. */
const char *reading_cells_state_shown(view_states_t states);

/* A number in few columns: "%.4g" without exponents up to 10^7 ("12345",
 * "0.0125", "-3.5"). */
void reading_cells_number(double v, char *buf, size_t size);

/* A measured value (the history's lowest, highest) with the decimals the
 * value column gives a number as large as `ref`, so "2.00/2.01" sits
 * beside "2.00 %LEL" rather than float noise ("2.001"). */
void reading_cells_measured(double v, double ref, char *buf, size_t size);
/* "min/max" of the history as reading_cells_measured writes them. */
void reading_cells_minmax(double lo, double hi, char *buf, size_t size);

/* "lo/hi" (outer: "lolo/hihi") as numbers, a missing side empty ("/80",
 * "20/"); "" when neither is set or the limits are invalid. */
void reading_cells_limits(const reading_t *r, bool outer, char *buf, size_t size);

/* The least span of the sparkline's scale, around `mid`. */
double reading_cells_min_span(const reading_t *r, double mid);

typedef enum reading_trend {
	TREND_NONE, /* fewer than two samples */
	TREND_STEADY,
	TREND_UP,
	TREND_DOWN
} reading_trend_t;

/* What the history shown says: its lowest and highest and its trend (the
 * mean of its last third against that of its first). */
typedef struct reading_hist {
	bool any; /* some sample is a number */
	double lo, hi;
	reading_trend_t trend;
} reading_hist_t;

/* Over the last `shown` of values[0..n) (NAN: gaps); steady is a move
 * under half of reading_cells_min_span at the middle of the samples. */
reading_hist_t reading_cells_history(const float *values, size_t n, size_t shown,
                                     const reading_t *r);

/* "↑" "↓" "→" (ASCII "^" "v" "="), "" for TREND_NONE. */
const char *reading_cells_trend_glyph(reading_trend_t t);

#endif
