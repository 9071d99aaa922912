/* kpi_row: one KPI as a row of the KPI board — off-target marker, name,
 * bullet graph, value / target with unit, signed distance to target, trend
 * sparkline and period — with columns chosen by the width (kpi_row_layout),
 * and the numbers as the KPI pages print them. Draws only; the board
 * (page_kpis.c) decides which rows. */
#ifndef CITYDASH_KPI_ROW_H
#define CITYDASH_KPI_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "bullet.h"
#include "store.h"

/* Columns of one row; 0: not shown. The marker and the name are always
 * there, so are value / target and distance; the bullet narrows first, the
 * trend and the period come only when wide. */
typedef struct kpi_row_layout {
	int marker, name, bullet, value, distance, trend, period;
} kpi_row_layout_t;

/* The layout for `width` columns, the name column no wider than the widest
 * name (name_max, in display columns) needs. */
kpi_row_layout_t kpi_row_layout(int width, int name_max);

/* The column headings of a layout, in ROLE_LABEL. */
void kpi_row_header(WINDOW *win, int y, int x, const kpi_row_layout_t *l);

void kpi_row_draw(WINDOW *win, int y, int x, const kpi_row_layout_t *l, const kpi_t *k,
                  bool selected);

/* What to call a KPI on screen: its name, or in ASCII mode (where CJK would
 * be spelled as code points) its id; a nameless KPI is its id. */
const char *kpi_row_label(const kpi_t *k);

/* The bullet graph of a KPI (scale 0..100 for a percentage within it). */
bullet_t kpi_row_bullet(const kpi_t *k);

/* Decimals to print a KPI's numbers with: the same for value, target and
 * distance, from the larger of |value| and |target|. */
int kpi_row_decimals(const kpi_t *k);
/* "97.4/98.0 %" (value / target and unit); "-" for a missing number. */
void kpi_row_value_target(const kpi_t *k, char *buf, size_t size);
/* The signed distance to target, positive on the better side: "+0.6",
 * "-1.20"; "" without value or target. */
void kpi_row_distance(const kpi_t *k, char *buf, size_t size);
/* "!" off target, "-" no data, " " on target: the marker never left to
 * colour alone. */
const char *kpi_row_marker(const kpi_t *k);

#endif
