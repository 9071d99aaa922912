/* alarm_kpis: the EEMUA 191 figures in words — the one-line strip of the
 * alarms page (arrivals in the last 10 minutes and hour against the
 * benchmarks, unacknowledged, chattering, stale, priority mix) and the
 * flood banner every page shows under the title while a flood lasts. */
#ifndef CITYDASH_ALARM_KPIS_H
#define CITYDASH_ALARM_KPIS_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

#include "pages.h"

/* "10 min: 7 (>2 manageable)  hour: 9 (manageable)  unacked 5  chattering 1
 * stale 0  high 3 med 9" into buf; returns whether an arrival rate is over
 * the manageable benchmark (drawn as a warning). */
bool alarm_kpis_strip(const alarm_kpi_counts_t *k, char *buf, size_t size);
/* The strip in w columns at (y, x); nothing without an engine. */
void alarm_kpis_strip_draw(WINDOW *win, int y, int x, int w, const ui_ctx_t *ctx);

/* "ALARM FLOOD: 37 alarms in 10 min since 10:02 — 12 unacknowledged, high
 * priority first" into buf while the engine says flood; false (buf "")
 * otherwise. */
bool alarm_kpis_flood(const ui_ctx_t *ctx, char *buf, size_t size);

#endif
