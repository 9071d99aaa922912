/* am_client_private: the client's state, shared by its two files:
 * am_client.c (the caller's side and the thread) and am_sync.c (one cycle
 * of exchanges, on the thread). Fields marked "lock" are read and written
 * under `lock`; "thread" ones by the thread alone. */
#ifndef CITYDASH_AM_CLIENT_PRIVATE_H
#define CITYDASH_AM_CLIENT_PRIVATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "am_client.h"
#include "am_http.h"

#define AM_QUEUE_MAX 10000      /* silence commands waiting */
#define AM_SILENCES_MAX 10000   /* silences taken from one list */
#define AM_MIN_INTERVAL_MS 200  /* no busier than this */
#define AM_MAX_TIMEOUT_MS 5000  /* one exchange at most */
#define AM_MIN_TIMEOUT_MS 1000  /* ... and at least, however short the interval */
#define AM_MIN_ALERT_TTL_MS (2 * 60 * 1000) /* an alert's endsAt at least this ahead */
#define AM_ALERT_TTL_INTERVALS 4            /* ... or this many intervals */

/* A silence to make (expire false) or to end (expire true). */
typedef struct am_cmd {
	bool expire, ack;
	char *alarm_id;
	int64_t ends_ms;           /* make only */
	char *created_by, *comment; /* make only; comment with AM_ACK_PREFIX for an ack */
} am_cmd_t;

struct am_client {
	char *base; /* URL without trailing slashes */
	int64_t interval_ms;
	void (*notify)(void *ctx);
	void *ctx;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond; /* on CLOCK_MONOTONIC */
	atomic_bool stopping; /* cuts a transfer short */

	/* lock */
	bool stop, kicked;
	am_alert_t *alerts; /* a new set to post (owned strings), until the thread takes it */
	size_t alert_count;
	bool alerts_new;    /* set since the thread last took it */
	am_cmd_t *queue; /* in order */
	size_t queue_len, queue_cap;
	size_t in_flight; /* commands the thread took out of the queue this cycle */
	am_status_t status;
	am_silence_t *silences; /* the last list, until taken */
	size_t silence_count;
	bool fresh; /* silences not yet taken */

	/* thread */
	am_http_t *http;
	am_alert_t *current; /* the set to post, sorted by alarm_id */
	size_t current_count;
	am_alert_t *posted; /* the last set Alertmanager accepted, sorted by alarm_id */
	size_t posted_count;
	bool posted_is_current; /* posted holds what current does */
	char last_error[160]; /* the last error logged, not to repeat it each cycle */
};

/* One cycle: alerts, silence commands, the silence list. On the thread. */
void am_sync(am_client_t *c);

/* Deep copy of alerts (every string owned), and its free. */
am_alert_t *am_alerts_copy(const am_alert_t *a, size_t n);
void am_alerts_free(am_alert_t *a, size_t n);

void am_cmd_free(am_cmd_t *cmd);

/* Puts commands at the head (in their order) or the tail of the queue,
 * dropping the oldest beyond AM_QUEUE_MAX. Under the lock; takes the
 * commands' strings. */
void am_queue_put(am_client_t *c, am_cmd_t *cmds, size_t n, bool head);

#endif
