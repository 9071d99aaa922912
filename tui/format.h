/* format: numbers and small texts as pages show them. Pure. */
#ifndef CITYDASH_FORMAT_H
#define CITYDASH_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"
#include "view.h"

/* A value with sensible precision and its unit: "0.420 MPa", "1234 veh/h";
 * "no value" when there is none. The precision is that of the value as
 * rounded (999.96 is "1000", not "1000.0"), and -0 is "0". */
void format_reading_value(const reading_t *r, char *buf, size_t size);

/* Columns of a reading's marker: the most symbols that can apply at once. */
#define FORMAT_MARKER_COLS 4
/* The marker of a set of states, readable without colour: one symbol per
 * state that applies, in a fixed order, padded to FORMAT_MARKER_COLS:
 * "!!" alarm or "!" warning, "x" bad, "-" no value, "#" limits invalid,
 * "?" uncertain, "~" stale. So "!!?~" is an alarm on an uncertain, stale
 * value; "    " an ok reading. `buf` holds FORMAT_MARKER_COLS + 1. */
void format_states_marker(view_states_t states, char buf[FORMAT_MARKER_COLS + 1]);
/* Role (theme.h) to draw a reading in: that of its worst state. */
int format_states_role(view_states_t states);

/* What to call a reading on screen: its name, or in ASCII mode (where CJK
 * would show as "????") its id, which the protocol keeps ASCII. */
const char *format_reading_label(const reading_t *r);
/* "district street", or "" in ASCII mode when that would be unreadable. */
void format_reading_place(const reading_t *r, char *buf, size_t size);
/* The reading's district, or "" in ASCII mode when it would be unreadable. */
const char *format_reading_district(const reading_t *r);

/* What keeps the data from being whole, "" if nothing does: "2 sources
 * failing, 1 never answered, 45 readings stale"; `compact` drops words
 * ("2 failing, 1 never answered, 45 stale"). */
void format_data_gaps(const view_t *v, bool compact, char *buf, size_t size);
/* The line said when no reading is beyond a limit: "No reading is beyond a
 * limit." only when every source answers and all data is fresh; otherwise
 * what is missing. Returns the role to draw it in. */
int format_no_alarms(const view_t *v, char *buf, size_t size);
/* A domain block's word on its sources, "" if there is nothing to say: for
 * an empty block why it is empty ("source water failing: Couldn't connect
 * to server", "no data: 2 sources failing", "waiting for the first data");
 * for a block with readings, that a source of them is failing. Returns the
 * role to draw it in. */
int format_domain_sources(const view_t *v, const store_t *st, domain_t d, char *buf, size_t size);

#endif
