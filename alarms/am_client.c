/* am_client: the thread that keeps Alertmanager in step with citydash (see
 * am_client.h). The caller's calls only copy under the mutex and signal;
 * the thread does every exchange (am_sync) and hands results back the same
 * way. Bodies: am_json.c; one exchange: am_http.c. */
#include "am_client.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "am_client_private.h"
#include "clock.h"
#include "i18n.h"
#include "log.h"
#include "xalloc.h"

void am_cmd_free(am_cmd_t *cmd)
{
	free(cmd->alarm_id);
	free(cmd->created_by);
	free(cmd->comment);
}

void am_alerts_free(am_alert_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *fields[] = {a[i].alarm_id, a[i].kind,  a[i].domain, a[i].district,
		                        a[i].street,   a[i].priority, a[i].source, a[i].value,
		                        a[i].limit,    a[i].name,  a[i].state};
		for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
			free((char *)fields[k]);
	}
	free(a);
}

static const char *dup_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

am_alert_t *am_alerts_copy(const am_alert_t *a, size_t n)
{
	if (n == 0)
		return NULL;
	am_alert_t *copy = xcalloc(n, sizeof *copy);
	for (size_t i = 0; i < n; i++) {
		copy[i] = (am_alert_t){
			.alarm_id = dup_or_empty(a[i].alarm_id),
			.kind = dup_or_empty(a[i].kind),
			.domain = dup_or_empty(a[i].domain),
			.district = dup_or_empty(a[i].district),
			.street = dup_or_empty(a[i].street),
			.priority = dup_or_empty(a[i].priority),
			.source = dup_or_empty(a[i].source),
			.value = dup_or_empty(a[i].value),
			.limit = dup_or_empty(a[i].limit),
			.name = dup_or_empty(a[i].name),
			.state = dup_or_empty(a[i].state),
			.starts_ms = a[i].starts_ms,
		};
	}
	return copy;
}

/* Drops the oldest command to make room: the oldest expire if there is one
 * (an unshelve or a cleared ack matters less than a new shelve), else the
 * oldest of all. Under the lock. */
static void make_room(am_client_t *c)
{
	size_t victim = 0;
	for (size_t i = 0; i < c->queue_len; i++) {
		if (c->queue[i].expire) {
			victim = i;
			break;
		}
	}
	log_printf(LOG_LEVEL_WARN,
	           c->queue[victim].expire
	               ? _("alertmanager: %zu silence commands waiting, dropped the expiry on %s")
	               : _("alertmanager: %zu silence commands waiting, dropped the silence on %s"),
	           c->queue_len, c->queue[victim].alarm_id);
	am_cmd_free(&c->queue[victim]);
	memmove(&c->queue[victim], &c->queue[victim + 1],
	        (c->queue_len - victim - 1) * sizeof *c->queue);
	c->queue_len--;
}

/* Puts `n` commands in front of (head) or behind the queue. Under the lock. */
void am_queue_put(am_client_t *c, am_cmd_t *cmds, size_t n, bool head)
{
	for (size_t i = 0; i < n; i++) {
		if (c->queue_len >= AM_QUEUE_MAX)
			make_room(c);
		if (c->queue_len == c->queue_cap) {
			c->queue_cap = c->queue_cap ? c->queue_cap * 2 : 16;
			c->queue = xreallocarray(c->queue, c->queue_cap, sizeof *c->queue);
		}
		size_t at = head ? i : c->queue_len;
		memmove(&c->queue[at + 1], &c->queue[at], (c->queue_len - at) * sizeof *c->queue);
		c->queue[at] = cmds[i];
		c->queue_len++;
	}
}

static void *run(void *arg)
{
	am_client_t *c = arg;
	pthread_mutex_lock(&c->lock);
	while (!c->stop) {
		c->kicked = false;
		pthread_mutex_unlock(&c->lock);
		am_sync(c);
		pthread_mutex_lock(&c->lock);
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += (time_t)(c->interval_ms / 1000);
		until.tv_nsec += (long)(c->interval_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (!c->stop && !c->kicked) {
			if (pthread_cond_timedwait(&c->cond, &c->lock, &until) != 0)
				break; /* the interval is over */
		}
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

/* "http(s)://host..." without trailing slashes; NULL if not such a URL. */
static char *base_url(const char *url)
{
	if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0))
		return NULL;
	const char *host = url + (url[4] == 's' ? 8 : 7);
	if (!*host || *host == '/')
		return NULL;
	size_t len = strlen(url);
	while (len > 0 && url[len - 1] == '/')
		len--;
	return xstrndup(url, len);
}

am_client_t *am_client_start(const char *url, int64_t interval_ms, void (*notify)(void *ctx),
                             void *ctx, char **cause)
{
	char *base = base_url(url);
	if (!base) {
		*cause = xasprintf(_("not an http(s) URL of Alertmanager: %s"), url ? url : _("(none)"));
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		free(base);
		*cause = xstrdup(_("curl cannot start"));
		return NULL;
	}
	am_client_t *c = xcalloc(1, sizeof *c);
	c->base = base;
	c->interval_ms = interval_ms < AM_MIN_INTERVAL_MS ? AM_MIN_INTERVAL_MS : interval_ms;
	c->notify = notify;
	c->ctx = ctx;
	atomic_init(&c->stopping, false);
	/* an exchange never outlasts the interval by much, nor takes the thread away for long */
	int64_t timeout = c->interval_ms < AM_MAX_TIMEOUT_MS ? c->interval_ms : AM_MAX_TIMEOUT_MS;
	if (timeout < AM_MIN_TIMEOUT_MS)
		timeout = AM_MIN_TIMEOUT_MS;
	c->http = am_http_new(timeout, &c->stopping);
	pthread_condattr_t attr;
	bool ok = c->http && pthread_condattr_init(&attr) == 0;
	if (ok) {
		ok = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
		     pthread_cond_init(&c->cond, &attr) == 0;
		pthread_condattr_destroy(&attr);
	}
	if (ok && pthread_mutex_init(&c->lock, NULL) != 0) {
		pthread_cond_destroy(&c->cond);
		ok = false;
	}
	if (ok && pthread_create(&c->thread, NULL, run, c) != 0) {
		pthread_mutex_destroy(&c->lock);
		pthread_cond_destroy(&c->cond);
		ok = false;
	}
	if (!ok) {
		am_http_free(c->http);
		free(c->base);
		free(c);
		curl_global_cleanup();
		*cause = xstrdup(_("cannot start the Alertmanager thread"));
		return NULL;
	}
	return c;
}

void am_client_stop(am_client_t *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	atomic_store(&c->stopping, true);
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->cond);
	for (size_t i = 0; i < c->queue_len; i++)
		am_cmd_free(&c->queue[i]);
	free(c->queue);
	am_alerts_free(c->alerts, c->alert_count);
	am_alerts_free(c->current, c->current_count);
	am_alerts_free(c->posted, c->posted_count);
	am_silences_free(c->silences, c->silence_count);
	am_http_free(c->http);
	free(c->base);
	free(c);
	curl_global_cleanup();
}

void am_client_set_alerts(am_client_t *c, const am_alert_t *alerts, size_t n)
{
	am_alert_t *copy = am_alerts_copy(alerts, n);
	pthread_mutex_lock(&c->lock);
	am_alert_t *old = c->alerts;
	size_t old_n = c->alert_count;
	c->alerts = copy;
	c->alert_count = n;
	c->alerts_new = true;
	pthread_mutex_unlock(&c->lock);
	am_alerts_free(old, old_n);
}

static void enqueue(am_client_t *c, am_cmd_t cmd)
{
	pthread_mutex_lock(&c->lock);
	am_queue_put(c, &cmd, 1, false);
	c->kicked = true; /* a decision goes out at once, not at the next interval */
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

void am_client_silence(am_client_t *c, const char *alarm_id, bool ack, int64_t ends_ms,
                       const char *created_by, const char *comment)
{
	const char *why = comment ? comment : "";
	enqueue(c, (am_cmd_t){
		.expire = false,
		.ack = ack,
		.alarm_id = xstrdup(alarm_id),
		.ends_ms = ends_ms,
		.created_by = xstrdup(created_by ? created_by : ""),
		.comment = ack ? xasprintf("%s%s", AM_ACK_PREFIX, why) : xstrdup(why),
	});
}

void am_client_expire(am_client_t *c, const char *alarm_id, bool ack)
{
	enqueue(c, (am_cmd_t){.expire = true, .ack = ack, .alarm_id = xstrdup(alarm_id)});
}

void am_client_kick(am_client_t *c)
{
	pthread_mutex_lock(&c->lock);
	c->kicked = true;
	pthread_cond_signal(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

bool am_client_take(am_client_t *c, am_status_t *status, am_silence_t **silences, size_t *n)
{
	pthread_mutex_lock(&c->lock);
	*status = c->status;
	status->pending = c->queue_len + c->in_flight;
	bool fresh = c->fresh;
	*silences = fresh ? c->silences : NULL;
	*n = fresh ? c->silence_count : 0;
	if (fresh) {
		c->silences = NULL;
		c->silence_count = 0;
		c->fresh = false;
	}
	pthread_mutex_unlock(&c->lock);
	return fresh;
}
