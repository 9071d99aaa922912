/* reading_need: what each reading needs of the detailed row's columns
 * (reading_cols.h: its name, place, lo/hi, lolo/hihi, min/max and source in
 * display columns), added up over a list: reading_row_plan's measure.
 *
 * The whole list is measured at every frame, so the columns keep still
 * while it scrolls; what each reading's texts need is kept between frames,
 * by store index, and formatted again only when they change: the name,
 * place and limits when the reading's label_stamp does (feeds/store.h: new
 * for a new reading, a changed text and across stores), the min/max when
 * the lowest or highest of its history does (read from the history's
 * codes, not decoded whole), all of them when the glyphs switch to or from
 * ASCII. A source's name never changes once it is registered. So a frame
 * reads each reading's history codes and compares; it formats only what
 * moved. A cache of what the store says, not state of a page: one for the
 * process, used by the main thread's drawing only. */
#ifndef CITYDASH_READING_NEED_H
#define CITYDASH_READING_NEED_H

#include <stddef.h>

#include "reading_cols.h"
#include "store.h"

/* Widens need's name, place, limits, outer, minmax and source to what the
 * readings at store indices idx[0..n) need (free slots are skipped); the
 * min/max over the newest STORE_HISTORY seconds, the most a row shows. */
void reading_need_add(const store_t *st, const size_t *idx, size_t n, reading_cols_need_t *need);

/* Frees what is kept (it is made again as needed). */
void reading_need_forget(void);

#endif
