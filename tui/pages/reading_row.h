/* reading_row: one reading on one line, shared by the overview and the
 * domain and tiers pages so a reading looks the same everywhere. The
 * overview's short rows: marker, [district], name, [gauge], value. The
 * detailed rows (domain and tiers pages) follow a column plan
 * (reading_cols.h: state word, place, gauge, value, trend, limits, history
 * and its min/max, age, source as the width allows). A name too wide keeps
 * its head and its tail (name_fit.h), so the measure stays readable. */
#ifndef CITYDASH_READING_ROW_H
#define CITYDASH_READING_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"
#include "reading_cols.h"

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
	/* Detailed rows: the columns (reading_row_plan), shared with the
	 * header; NULL: planned here for the width without measuring. */
	const reading_cols_t *plan;
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

/* Draws the column titles matching reading_row_draw(detailed) at `width`
 * (planned without measuring, as rows given no plan). */
void reading_row_header(WINDOW *win, int y, int x, int width);
/* The same for a plan; every column shown is named. */
void reading_row_header_plan(WINDOW *win, int y, int x, const reading_cols_t *plan);

/* The plan for detailed rows `width` wide showing the readings at store
 * indices idx[0..n): the name gets its widest, the limits, places and
 * sources what theirs need (measured over the whole list, what each
 * reading needs kept between frames: reading_need.h). */
void reading_row_plan(const ui_ctx_t *ctx, const size_t *idx, size_t n, int width,
                      reading_cols_t *plan);

#endif
