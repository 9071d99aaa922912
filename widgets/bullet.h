/* bullet: Stephen Few's bullet graph in one row — a measure against its
 * target, on qualitative bands — for the KPI board.
 *
 * The row is `width` cells of one linear scale. From left to right:
 *   - the bands, behind everything: poor, fair, good, judged against the
 *     target and the better direction. Higher is better: good from the
 *     target up, fair within `fair` below it, poor further below; lower is
 *     better: the mirror (good from the target down, fair within `fair`
 *     above it, poor beyond). Drawn as shading, darkest for poor: "▒" poor,
 *     "░" fair, " " good (":", ".", " " with --ascii), so they read
 *     without colour;
 *   - the measure, a bar from the scale's start to the value, in block
 *     eighths ("█" and "▏".."▉"; "#" whole cells with --ascii), the bands
 *     showing beyond it;
 *   - the target, a mark ("┃", '|') over whatever lies in its cell.
 * A value beyond the scale fills the bar and ends in an arrow ("▶"/'>', or
 * "◀"/'<' below the start). Colour only for a measure off target (the bar in
 * ROLE_BULLET_OFF), never alone: the bar short of (or past) the mark says it,
 * and the caller shows a marker and the distance beside. Without a value the
 * row says "no data" over the bands and the target mark. */
#ifndef CITYDASH_BULLET_H
#define CITYDASH_BULLET_H

#include <stdbool.h>
#include <curses.h>

typedef struct bullet {
	bool has_value, has_target;
	double value, target;
	bool better_lower; /* lower is better (a congestion index, a response time) */
	/* Scale. min >= max (the default 0, 0): from 0 (or the lowest of value
	 * and target when below 0) to 1.25 × the largest of them, so a bar's
	 * length is proportional to its value, as Few asks of bars. */
	double min, max;
	/* Width of the fair band beside the target, as a fraction of |target|
	 * (of the scale's span when the target is 0). 0: BULLET_FAIR. */
	double fair;
	bool dim; /* the value is old: everything drawn dimmed */
} bullet_t;

#define BULLET_FAIR 0.10

typedef enum bullet_band { BULLET_POOR, BULLET_FAIR_BAND, BULLET_GOOD } bullet_band_t;

/* Draws the graph in exactly `width` columns at (y, x); width < 3 draws
 * nothing. */
void bullet_draw(WINDOW *win, int y, int x, int width, const bullet_t *b);

/* The band a value falls in (GOOD when there is no target). */
bullet_band_t bullet_band(const bullet_t *b, double v);

/* Whether the measure is off target: a value and a target, the value on
 * the worse side. */
bool bullet_off_target(const bullet_t *b);

#endif
