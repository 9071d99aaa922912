/* am_json: Alertmanager API v2 bodies, without the network. Encodes the
 * alerts citydash posts (POST /api/v2/alerts) and the silences it makes
 * (POST /api/v2/silences); parses the silence list (GET /api/v2/silences)
 * into am_silence_t. Pure functions: time comes in as parameters.
 *
 * The mapping (docs/alertmanager.md): an alert's labels are
 * alertname="citydash" and the alarm's id, kind, domain, district, street,
 * priority and source (an empty one left out, as Alertmanager drops empty
 * labels anyway); its annotations value, limit, name and state. A silence
 * citydash makes matches exactly alertname="citydash" and alarm_id="<id>". */
#ifndef CITYDASH_AM_JSON_H
#define CITYDASH_AM_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "am_client.h"

/* The body of POST /api/v2/alerts: every alert in `active` with endsAt
 * `ends_ms`, then every one in `resolved` with endsAt `now_ms` (resolved).
 * startsAt is the alert's starts_ms (now_ms if 0). Caller frees. */
char *am_json_alerts(const am_alert_t *active, size_t n, const am_alert_t *resolved, size_t m,
                     int64_t now_ms, int64_t ends_ms);

/* The body of POST /api/v2/silences for a silence on alarm_id="<alarm_id>"
 * from starts_ms to ends_ms. `comment` is written as given (an ack's
 * AM_ACK_PREFIX is the caller's). Caller frees. */
char *am_json_silence(const char *alarm_id, int64_t starts_ms, int64_t ends_ms,
                      const char *created_by, const char *comment);

/* Parses a GET /api/v2/silences body: keeps the silences whose status.state
 * is "active" or "pending" (an expired one is dropped; one without a state,
 * by its endsAt against now_ms), at most `cap` of them. Strings are
 * sanitized (text.h). Returns the count kept with *out set (caller frees,
 * am_silences_free; NULL when none), or -1 with *cause set (caller frees)
 * when the body is not a list of silences. A silence with a missing or
 * wrong-typed field is skipped, and counted in *skipped (may be NULL);
 * *capped (may be NULL) is set when more than `cap` were kept. */
long am_json_parse_silences(const char *body, size_t len, int64_t now_ms, size_t cap,
                            am_silence_t **out, size_t *skipped, bool *capped, char **cause);

/* Whether a silence is exactly citydash's on that alarm: two matchers,
 * alertname="citydash" and alarm_id="<alarm_id>", both isEqual and not
 * regex (any order). */
bool am_silence_is_exact(const am_silence_t *s, const char *alarm_id);

/* A short, clean text from an error response's body: Alertmanager answers
 * a JSON string, or an object with "message", or plain text. At most
 * `size` - 1 bytes, cut at a character. */
void am_json_error_text(const char *body, size_t len, char *buf, size_t size);


#endif
