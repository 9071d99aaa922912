/* reading_row: one reading on one line — marker, [district], name, [place],
 * gauge, value, [history], [age] — shared by the overview and the domain
 * page so a reading looks the same everywhere. Columns are chosen from the
 * width; a name too wide keeps its head and its tail (name_fit.h), so the
 * measure stays readable. */
#ifndef CITYDASH_READING_ROW_H
#define CITYDASH_READING_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

typedef struct reading_row_opts {
	bool detailed; /* domain page: place, history and age when they fit */
	bool selected;
	/* Overview: columns of a district column after the marker (0: none),
	 * so a listed reading says where it is; the gauge only when the name
	 * keeps 20 columns. */
	int district_cols;
	/* The column holds the street instead: within a district's scope, where
	 * every row would name the same district. */
	bool where_street;
	/* The name already cut to reading_row_name_cols() (name_fit_many, to
	 * keep rows shown together distinct); NULL: cut here. */
	const char *name;
} reading_row_opts_t;

/* The reading's district (or, with `street`, its street) as the district
 * column shows it in `cols` columns, without the kind the names share:
 * "九龙坡" for 九龙坡区, "渝州路" for 渝州路街道 (but "忠县"). */
void reading_row_district(const reading_t *r, bool street, int cols, char *buf, size_t size);
/* Columns the name gets at `width` with these options. */
int reading_row_name_cols(int width, const reading_row_opts_t *opts);
/* What the row calls the reading, before cutting ("domain: name" for a
 * domain outside the six), into buf. */
void reading_row_label(const reading_t *r, char *buf, size_t size);

void reading_row_draw(WINDOW *win, int y, int x, int width, const ui_ctx_t *ctx, size_t reading,
                      const reading_row_opts_t *opts);

/* Draws the column titles matching reading_row_draw(detailed) at `width`. */
void reading_row_header(WINDOW *win, int y, int x, int width);

#endif
