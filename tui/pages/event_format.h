/* event_format: an event's parts as short texts, shared by the events
 * board (event_row.h), the event page and whoever else names events (the
 * overview's summary). Pure but for the glyph set (Unicode or ASCII). */
#ifndef CITYDASH_EVENT_FORMAT_H
#define CITYDASH_EVENT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* "critical", "major", "minor", "info", translated: in Chinese the
 * national warning level in words, "红色·特别重大" .. "蓝色·一般". */
const char *event_severity_word(severity_t s);
/* The same for a narrow column: in Chinese the colour word alone, "红色". */
const char *event_severity_short(severity_t s);
/* A marker that says the severity without colour: "!!!", "!!", "!", " ". */
const char *event_severity_marker(severity_t s);
/* Role (theme.h) to draw the severity in. */
int event_severity_role(severity_t s);
/* Columns of the widest marker ("!!!"). */
int event_severity_marker_cols(void);
/* Columns of a severity column, "!!! critical": the widest marker, a
 * space and the widest word (short or not) in the language shown. */
int event_severity_cols(bool short_form);

/* The tier as one character, "市" "区" "街" (ASCII: "C" "D" "S"). */
const char *event_tier_short(tier_t t);
/* "city", "district", "street" (translated: "市", "区县", "镇街"). */
const char *event_tier_word(tier_t t);
/* The tier named with its mark, "市 city" (the mark ties an English word
 * to the chain's marks); a word that is not ASCII, as in Chinese, alone:
 * "市", not "市 市". */
void event_tier_named(tier_t t, char *buf, size_t size);
/* The owning tier and, if the event was handed up, the way it went:
 * "区", or "街→区→市" (ASCII "S>D>C"). */
void event_tier_chain(const event_t *e, char *buf, size_t size);

/* What to call the event: its title, or in ASCII mode (where CJK is
 * unreadable) its id, which the protocol keeps ASCII. */
const char *event_label(const event_t *e);
/* "district street", "" in ASCII mode when that would be unreadable. */
void event_place(const event_t *e, char *buf, size_t size);

/* Plan steps done and in all: the feed's counts when it sent them, else
 * counted from the plan. */
void event_steps(const event_t *e, int *done, int *total);
/* Steps of the plan that belong to department `name`, and how many are done. */
void event_dept_steps(const event_t *e, const char *name, int *done, int *total);
/* Departments done, and in all. */
void event_depts_done(const event_t *e, int *done, int *total);
/* A department's state as a glyph: done ● / '#', active ◐ / '*', pending ○ / '.'. */
const char *event_dept_glyph(dept_state_t s);
/* "done", "active", "pending" (translated). */
const char *event_dept_word(dept_state_t s);
/* Role to draw a department's glyph in. */
int event_dept_role(dept_state_t s);

/* The deadline column: "✖ OVERDUE 3h" (the fail mark) when it passed (gov_event_overdue), "due in 2h" when one
 * is set, "" otherwise. Returns the role to draw it in. */
int event_deadline_text(const event_t *e, int64_t clock_ms, char *buf, size_t size);
/* Columns the deadline column needs for ages up to "59m", in the language shown. */
int event_deadline_cols(void);
/* Age since opened ("48m"), "" if the feed did not say when. */
void event_age_text(const event_t *e, int64_t clock_ms, char *buf, size_t size);

/* A wall-clock time to show: "07:12:05" if within EVENT_RECENT_MS of
 * clock_ms, else "2d ago" (a time of day alone would read as today). */
#define EVENT_RECENT_MS (20LL * 3600 * 1000)
void event_time_text(int64_t at_ms, int64_t clock_ms, char *buf, size_t size);

#endif
