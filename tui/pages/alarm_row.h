/* alarm_row: one alarm on one line, shared by the alarms page's tabs and
 * the overview's alarm pane. Its state is never told by colour alone: a
 * glyph and the ISA tag in words ("▲ UNACK", "✔ ACKED"; "! UNACK" in ASCII;
 * "▲ 未确认" in Chinese), then
 * priority, level, since when, place, name and the value beside it; at
 * wider widths the limit crossed, the source and who acknowledged or
 * shelved it (and till when).
 * Unacknowledged alarms stand out (reverse tag, bold name). */
#ifndef CITYDASH_ALARM_ROW_H
#define CITYDASH_ALARM_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

/* Widths from which the row adds its wider columns. */
#define ALARM_ROW_AGE_COLS 100  /* the age beside the time of day, a wider place, the
                                   priority as a word (narrower: "P1" high, "P2") */
#define ALARM_ROW_LIMIT_COLS 110 /* the limit crossed */
#define ALARM_ROW_WHO_COLS 130  /* the source, who acked / shelved */

#define ALARM_ROW_NAME_MAX 40 /* the name's columns at most (from ALARM_ROW_WHO_COLS):
                                  room beyond goes to who acted, not to a gap */
#define ALARM_ROW_SOURCE   12 /* the source's name, from ALARM_ROW_WHO_COLS */

/* Columns of each part of a row `w` wide (0: not shown); a space follows
 * each. The value sits right after the name. */
typedef struct alarm_row_cols {
	int tag, prio, time, place, name, value, limit, source, who;
	int prio_word;    /* of prio: the widest priority word; the level after it */
	bool prio_narrow; /* the priority as "P1", "P2" */
} alarm_row_cols_t;
alarm_row_cols_t alarm_row_cols(int w);
/* What the names of a list need (alarm_row_measure each row shown): the
 * widest name of a row with a place, and of one without (whose name starts
 * in the place's column); the widest value; the widest state (glyph, space
 * and word: the tag column). */
typedef struct alarm_row_need {
	int name, whole, value, state;
} alarm_row_need_t;
void alarm_row_measure(const ui_ctx_t *ctx, const alarm_info_t *a, alarm_row_need_t *need);
/* The columns for such a list: the name column no wider than it needs, the
 * rest to who acted, then blank at the right; the priority as "P1" rather
 * than a word much wider when a name would be cut. NULL: as alarm_row_cols. */
alarm_row_cols_t alarm_row_cols_fit(int w, const alarm_row_need_t *need);

/* The state's glyph: "▲" UNACK, "✔" ACKED, "↺" RTNUN, "⏸" SHLVD, "⊘" DSUPR,
 * "○" OOSRV, "·" NORM (ASCII: "!", "+", "<", "=", "/", "o", "."). */
const char *alarm_row_state_glyph(isa_state_t state);
/* The words of the state, priority and level columns, translated (the
 * columns are as wide as the widest translation): the state's ISA tag,
 * "UNACK", "ACKED", "RTNUN", "SHLVD", "DSUPR", "OOSRV", "NORM"; the
 * priority "HIGH", "MED" (narrow: "P1", "P2" as ISA numbers them; "" for
 * none); the level "LO", "HI", "LOLO", "HIHI", an instrument fault "FLT",
 * a communications alarm "COMM". */
const char *alarm_row_state_word(isa_state_t state);
const char *alarm_row_priority_word(alarm_priority_t p, bool narrow);
const char *alarm_row_level_word(alarm_kind_t kind, alarm_level_t level);
/* alarm_row_priority_word(p, false). */
const char *alarm_row_priority_tag(alarm_priority_t p);
/* The level column: LIMIT its level (its peak once returned), FAULT "FLT",
 * COMM "COMM" (alarm_row_level_word). */
const char *alarm_row_level_tag(const alarm_info_t *a);
/* The widest of each, in columns (text_draw_width): the state with its glyph
 * and a space ("▲ UNACK"), the priority, the level. */
int alarm_row_state_cols(void);
int alarm_row_priority_cols(bool narrow);
int alarm_row_level_cols(void);
/* Columns of one state with its glyph and a space ("▲ UNACK"). */
int alarm_row_state_width(isa_state_t state);
/* The state's glyph and word in `cols` columns from (y, x), all in attr. */
void alarm_row_draw_state(WINDOW *win, int y, int x, int cols, isa_state_t state, attr_t attr);
/* The priority word, then the level lined up after the widest priority
 * word (`word_cols`), in `cols` columns from (y, x), all in attr. */
void alarm_row_draw_prio_level(WINDOW *win, int y, int x, int cols, int word_cols,
                               const char *prio, const char *level, attr_t attr);

/* Draws alarm `a` in w columns at (y, x). */
void alarm_row_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx, const alarm_info_t *a,
                    bool selected);
/* The same in the columns of a list (alarm_row_cols_fit). */
void alarm_row_draw_cols(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx,
                         const alarm_info_t *a, bool selected, const alarm_row_cols_t *cols);

#endif
