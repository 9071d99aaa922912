/* timefmt: RFC 3339 timestamps and short human ages. Pure functions. */
#ifndef CITYDASH_TIMEFMT_H
#define CITYDASH_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses an RFC 3339 date-time ("2026-11-25T07:59:59.500Z", "...+08:00",
 * fraction optional) into epoch milliseconds. Returns false if malformed. */
bool timefmt_parse_rfc3339(const char *s, int64_t *out_ms);

/* Writes "2026-11-25T07:59:59.500Z" (UTC, milliseconds) into buf (>= 25). */
void timefmt_format_rfc3339(int64_t ms, char *buf, size_t size);

/* Writes a compact age: "0s", "42s", "5m", "3h", "2d"; negative ages
 * (clock skew) are written as "0s". Fits in 8 bytes. */
void timefmt_format_age(int64_t age_ms, char *buf, size_t size);

/* Writes local "HH:MM:SS" of epoch ms into buf (>= 9). */
void timefmt_format_clock(int64_t ms, char *buf, size_t size);

#endif
