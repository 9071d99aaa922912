/* gauge: one reading as a horizontal bar on its scale, with its limit bands
 * (lolo/lo/hi/hihi) visible in colour and without it. */
#ifndef CITYDASH_GAUGE_H
#define CITYDASH_GAUGE_H

#include <stdbool.h>
#include <curses.h>

#include "../themes/theme.h"

/* The reading's state, when the caller knows it better than the limits do
 * (an alarm engine holds a level inside its deadband): AUTO derives it from
 * value and limits. */
typedef enum gauge_state { GAUGE_AUTO, GAUGE_NORMAL, GAUGE_WARN, GAUGE_ALARM } gauge_state_t;

/* The limits drawn on the scale: which are set (enum gauge_limit_bit) and
 * their values. The gauge's own struct, so the widget knows no feed model. */
enum gauge_limit_bit {
	GAUGE_LOLO = 1u << 0,
	GAUGE_LO = 1u << 1,
	GAUGE_HI = 1u << 2,
	GAUGE_HIHI = 1u << 3,
};

typedef struct gauge_limits {
	unsigned mask;
	double lolo, lo, hi, hihi;
} gauge_limits_t;

typedef struct gauge {
	double min, max; /* scale, min < max */
	bool has_value;  /* false: "no value" is drawn, never an empty bar */
	double value;    /* may lie outside the scale: the bar pins, the mark shows it */
	gauge_limits_t limits;
	bool stale;          /* drawn dimmed: the value is old */
	bool bad;            /* the instrument reports a fault */
	gauge_state_t state; /* colours the fill and the mark; AUTO (0) by default */
} gauge_t;

/* Draws the bar in exactly `width` columns at (y, x). Width < 3 draws nothing. */
void gauge_draw(WINDOW *win, int y, int x, int width, const gauge_t *g);

/* The role to draw the reading's value text in, matching the gauge's mark:
 * ROLE_BAD (fault), ROLE_DIM (no value), ROLE_STALE, then by state: ROLE_ALARM
 * (beyond lolo/hihi), ROLE_WARN (beyond lo/hi), else ROLE_VALUE. */
theme_role_t gauge_role(const gauge_t *g);

#endif
