/* am_client: citydash's link to Prometheus Alertmanager (API v2), on a
 * thread of its own so the event loop never waits on it. The loop hands it
 * what should be true (the alarms to post, the silences to make or end) and
 * takes back what Alertmanager holds (its silences) and how the link is.
 *
 * Every interval the thread: posts every alarm handed in as an alert (labels
 * alertname="citydash", alarm_id, kind, domain, district, street, priority,
 * source; annotations value, limit, name, state) with endsAt a few intervals
 * ahead, so Alertmanager resolves them if citydash dies; posts an alarm that
 * left the set once more with endsAt now (resolved); carries out queued
 * silence commands (kept, in order, until Alertmanager accepts them: nothing
 * is lost while it is away); and fetches the silences. The mapping
 * (docs/alertmanager.md): a shelve is a silence on alarm_id="<id>" that ends when
 * the shelve does, createdBy the user, comment the reason; an
 * acknowledgement is a silence whose comment starts with AM_ACK_PREFIX and
 * which citydash ends when the alarm clears. Any other silence (amtool,
 * Alertmanager's UI) is a shelve.
 *
 * Ownership: everything handed in is copied; everything handed back is the
 * caller's (am_silences_free). */
#ifndef CITYDASH_AM_CLIENT_H
#define CITYDASH_AM_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AM_ACK_PREFIX "ACK: " /* a silence's comment that makes it an acknowledgement */

/* One alarm as an alert. All strings required ("" if unknown). */
typedef struct am_alert {
	const char *alarm_id, *kind, *domain, *district, *street, *priority, *source;
	const char *value, *limit, *name, *state;
	int64_t starts_ms; /* epoch ms the alarm became active */
} am_alert_t;

typedef struct am_matcher {
	char *name, *value;
	bool is_regex, is_equal; /* Alertmanager's isRegex / isEqual */
} am_matcher_t;

/* A silence as Alertmanager holds it (only active and pending ones are
 * handed back). */
typedef struct am_silence {
	char *id;
	am_matcher_t *matchers;
	size_t matcher_count;
	int64_t starts_ms, ends_ms;
	char *created_by, *comment; /* sanitized */
	bool ack;                   /* comment starts with AM_ACK_PREFIX */
} am_silence_t;

void am_silences_free(am_silence_t *s, size_t n);

/* Whether a silence's matchers all match the label set (names[i]=values[i],
 * n of them; a label not in the set is ""). Regex matchers are anchored,
 * as Alertmanager's are. */
bool am_silence_matches(const am_silence_t *s, const char *const *names,
                        const char *const *values, size_t n);

typedef struct am_status {
	bool reachable;        /* the last exchange worked (false before the first) */
	char error[160];       /* why not, if not ("" if it did, or before the first) */
	int64_t last_ok_ms;    /* wall clock of the last good exchange; 0: never */
	size_t pending;        /* silence commands not yet accepted */
	size_t alerts;         /* alarms in the last post */
	uint64_t syncs;        /* silence lists fetched so far */
} am_status_t;

typedef struct am_client am_client_t;

/* Starts the thread for Alertmanager at `url` (http(s)://host:port[/path]),
 * syncing every interval_ms. `notify(ctx)` is called from the thread when
 * there is news for am_client_take (the loop wakes: poller_wake). Returns
 * NULL with *cause set (caller frees) on a bad URL or no thread. */
am_client_t *am_client_start(const char *url, int64_t interval_ms, void (*notify)(void *ctx),
                             void *ctx, char **cause);
/* Stops the thread (a transfer under way is cut short) and frees. */
void am_client_stop(am_client_t *c);

/* The alarms that are active now (replaces the last set). */
void am_client_set_alerts(am_client_t *c, const am_alert_t *alerts, size_t n);
/* Queues a silence on alarm_id="<alarm_id>" from now to ends_ms. An ack is
 * made with ends_ms far ahead and comment AM_ACK_PREFIX + comment. */
void am_client_silence(am_client_t *c, const char *alarm_id, bool ack, int64_t ends_ms,
                       const char *created_by, const char *comment);
/* Queues the end of every silence of that kind (ack or not) whose only
 * matchers are alertname="citydash" and alarm_id="<alarm_id>" (an unshelve;
 * a cleared alarm's acknowledgement). Broader silences are left alone. */
void am_client_expire(am_client_t *c, const char *alarm_id, bool ack);
/* Asks for a sync now rather than at the next interval. */
void am_client_kick(am_client_t *c);

/* The link's state; and, if a silence list came since the last call, it
 * (*silences, *n, caller frees) and true. */
bool am_client_take(am_client_t *c, am_status_t *status, am_silence_t **silences, size_t *n);

#endif
