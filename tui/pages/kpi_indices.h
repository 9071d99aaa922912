/* kpi_indices: the five composite indices (发展 建设 运维 服务 健康) as a
 * strip of scores, each with its trend (gov_trend) and how many of its
 * member KPIs have data — the top of the KPI board, and for the overview. */
#ifndef CITYDASH_KPI_INDICES_H
#define CITYDASH_KPI_INDICES_H

#include <curses.h>

#include <stddef.h>

#include "gov_view.h"
#include "kpi_index.h"

/* Rows the strip takes at a body of h × w: 3 (name; score and trend;
 * members with data), or 5 with the scores in large digits when the body
 * is big (h >= 40, w >= 120): name, digits, trend and members. */
int kpi_indices_rows(int h, int w);

/* An index's name as the pages show it: "发展 Development" (the Chinese name
 * beside the English title), or the title alone when the language has its
 * own word for it or in ASCII mode. */
void kpi_indices_name(kpi_index_id_t id, char *buf, size_t size);

/* Draws the strip in `rows` rows (kpi_indices_rows) of `w` columns at (y, x). */
void kpi_indices_draw(WINDOW *win, int y, int x, int rows, int w, const gov_view_t *gv);

#endif
