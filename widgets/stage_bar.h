/* stage_bar: where an event stands on the closed loop
 * sensed → handling → evaluating → reviewing → closed (感知预警 → 决策处置 →
 * 监督评价 → 复盘改进 → 办结), drawn as progress. A stage is its place on the loop, 0
 * (sensed) to STAGE_BAR_CLOSED: the order of the feed model's int, which
 * callers pass as it is; the widget knows no feed model.
 *
 * Three forms, by the room there is:
 *   cells     "●●◉○○"                 5 columns, one cell per stage
 *   labelled  "●●◉○○ evaluating"      the cells and the current stage's name
 *   wide      "●sensed › ●handling › ◉evaluating › ○reviewing › ○closed"
 * Stages passed are filled (● / '#'), the current one is marked (◉ / '*')
 * and drawn bold, the ones ahead are hollow (○ / '.'): the glyphs alone
 * tell them apart, so the bar reads without colour and in ASCII. A closed
 * event has every stage passed. Draws nothing else; knows no store. */
#ifndef CITYDASH_STAGE_BAR_H
#define CITYDASH_STAGE_BAR_H

#include <curses.h>

typedef enum stage_bar_form {
	STAGE_BAR_CELLS,
	STAGE_BAR_LABELLED,
	STAGE_BAR_WIDE,
} stage_bar_form_t;

/* Stages on the loop: 0 (sensed) .. STAGE_BAR_CLOSED. */
#define STAGE_BAR_CLOSED 4
#define STAGE_BAR_STAGES (STAGE_BAR_CLOSED + 1)

/* The stage's name as shown ("sensed" .. "closed"), translated: the one
 * table of the stages' names, for every page that names a stage. */
const char *stage_bar_name(int s);

/* Columns a form takes (labelled: padded to the longest name, so a column
 * of bars lines up). */
int stage_bar_width(stage_bar_form_t form);

/* The widest form that fits in `width` columns; -1 if not even the cells do. */
int stage_bar_fit(int width);

/* Draws `form` at (y, x), at most `width` columns (a form wider than that
 * is cut); returns the columns drawn. */
int stage_bar_draw_form(WINDOW *win, int y, int x, int width, int stage, stage_bar_form_t form);

/* Draws the widest form that fits in `width`; returns the columns drawn
 * (0 if width < 5). */
int stage_bar_draw(WINDOW *win, int y, int x, int width, int stage);

#endif
