/* format: numbers and small texts as pages show them. Pure. */
#ifndef CITYDASH_FORMAT_H
#define CITYDASH_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"
#include "view.h"

/* A value with sensible precision and its unit: "0.420 MPa", "1234 veh/h";
 * "no value" when there is none. */
void format_reading_value(const reading_t *r, char *buf, size_t size);
/* Two-column marker for a class, readable without colour: "!!", "! ",
 * "~ " (stale), "x " (bad), "- " (no value), "  ". */
const char *format_class_marker(reading_class_t c);
/* What to call a reading on screen: its name, or in ASCII mode (where CJK
 * would show as "????") its id, which the protocol keeps ASCII. */
const char *format_reading_label(const reading_t *r);
/* "district street", or "" in ASCII mode when that would be unreadable. */
void format_reading_place(const reading_t *r, char *buf, size_t size);
/* The marker of one reading: its class's, except that a normal reading whose
 * instrument reports "uncertain" quality is marked "? ". */
const char *format_reading_marker(const reading_t *r, reading_class_t c);
/* Role name for a class, see theme.h. */
int format_class_role(reading_class_t c);

#endif
