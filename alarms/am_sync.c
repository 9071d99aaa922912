/* am_sync: one cycle of the Alertmanager client, on its thread: post the
 * alerts (the active set, and once more with endsAt now the ones that left
 * it), fetch the silences, carry out the queued silence commands in order
 * against that list, fetch again if anything changed, and hand the list and
 * the link's state back. Nothing is lost on a failure: the commands not
 * done go back to the head of the queue, the alarms are posted again next
 * cycle, and an alarm that left the set is resolved once a post works. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "am_client_private.h"
#include "am_json.h"
#include "clock.h"
#include "i18n.h"
#include "log.h"
#include "text.h"
#include "xalloc.h"

/* What one cycle found out. */
typedef struct cycle {
	int64_t now_ms;
	bool failed;     /* some exchange failed */
	bool unreached;  /* Alertmanager did not answer: stop this cycle */
	char error[160]; /* the first failure */
	am_silence_t *list;
	size_t count;
	bool have_list;
} cycle_t;

static void note_failure(cycle_t *cy, am_result_t r, const char *what, const char *why)
{
	if (r == AM_UNREACHED)
		cy->unreached = true;
	if (!cy->failed) {
		char *text = xasprintf("%s: %s", what, why);
		text_copy_cut(cy->error, sizeof cy->error, text);
		free(text);
	}
	cy->failed = true;
}

static int by_alarm_id(const void *a, const void *b)
{
	return strcmp(((const am_alert_t *)a)->alarm_id, ((const am_alert_t *)b)->alarm_id);
}

/* Takes a set handed in since the last cycle (copied by the caller's
 * thread; here only a pointer changes hands under the lock). */
static void take_alerts(am_client_t *c)
{
	pthread_mutex_lock(&c->lock);
	am_alert_t *alerts = c->alerts;
	size_t n = c->alert_count;
	bool fresh = c->alerts_new;
	c->alerts = NULL;
	c->alert_count = 0;
	c->alerts_new = false;
	pthread_mutex_unlock(&c->lock);
	if (!fresh)
		return;
	if (n > 1)
		qsort(alerts, n, sizeof *alerts, by_alarm_id);
	am_alerts_free(c->current, c->current_count);
	c->current = alerts;
	c->current_count = n;
	c->posted_is_current = false;
}

/* Posts the current set, and the ones last accepted that left it as resolved. */
static void post_alerts(am_client_t *c, cycle_t *cy)
{
	const am_alert_t *alerts = c->current;
	size_t n = c->current_count;
	/* The ones Alertmanager last took that are no longer active: resolve. */
	am_alert_t *resolved = c->posted_count ? xcalloc(c->posted_count, sizeof *resolved) : NULL;
	size_t m = 0;
	for (size_t i = 0; i < c->posted_count; i++)
		if (n == 0 || !bsearch(&c->posted[i], alerts, n, sizeof *alerts, by_alarm_id))
			resolved[m++] = c->posted[i]; /* borrowed */
	int64_t ttl = c->interval_ms * AM_ALERT_TTL_INTERVALS;
	if (ttl < AM_MIN_ALERT_TTL_MS)
		ttl = AM_MIN_ALERT_TTL_MS;
	am_result_t r = AM_OK;
	if (n + m > 0) {
		char *body = am_json_alerts(alerts, n, resolved, m, cy->now_ms, cy->now_ms + ttl);
		char *url = xasprintf("%s/api/v2/alerts", c->base);
		am_reply_t reply;
		r = am_http_do(c->http, "POST", url, body, &reply);
		if (r != AM_OK)
			note_failure(cy, r, _("posting alerts"), reply.error);
		free(reply.body.data);
		free(url);
		free(body);
	}
	free(resolved);
	if (r == AM_OK) {
		if (!c->posted_is_current) {
			am_alerts_free(c->posted, c->posted_count);
			c->posted = am_alerts_copy(alerts, n);
			c->posted_count = n;
			c->posted_is_current = true;
		}
		pthread_mutex_lock(&c->lock);
		c->status.alerts = n;
		pthread_mutex_unlock(&c->lock);
	}
}

static void fetch_silences(am_client_t *c, cycle_t *cy)
{
	char *url = xasprintf("%s/api/v2/silences", c->base);
	am_reply_t reply;
	am_result_t r = am_http_do(c->http, "GET", url, NULL, &reply);
	free(url);
	if (r == AM_OK) {
		am_silence_t *list;
		size_t skipped = 0;
		bool capped = false;
		char *cause = NULL;
		long got = am_json_parse_silences(reply.body.data ? reply.body.data : "",
		                                  reply.body.len, cy->now_ms, AM_SILENCES_MAX, &list,
		                                  &skipped, &capped, &cause);
		if (got < 0) {
			note_failure(cy, AM_REFUSED, _("reading silences"), cause);
			free(cause);
		} else {
			if (capped)
				log_printf(LOG_LEVEL_WARN,
				           _("alertmanager: more than %d silences, the rest ignored"),
				           AM_SILENCES_MAX);
			if (skipped)
				log_printf(LOG_LEVEL_WARN,
				           P_("alertmanager: %zu malformed silence ignored",
				              "alertmanager: %zu malformed silences ignored", skipped),
				           skipped);
			am_silences_free(cy->list, cy->count);
			cy->list = list;
			cy->count = (size_t)got;
			cy->have_list = true;
			pthread_mutex_lock(&c->lock);
			c->status.syncs++;
			pthread_mutex_unlock(&c->lock);
		}
	} else {
		note_failure(cy, r, _("fetching silences"), reply.error);
	}
	free(reply.body.data);
}

/* Adds the silence just made to the cycle's list, so a later command in
 * the same cycle sees it. */
static void remember_silence(cycle_t *cy, const am_cmd_t *cmd, const char *id)
{
	cy->list = xreallocarray(cy->list, cy->count + 1, sizeof *cy->list);
	am_silence_t *s = &cy->list[cy->count++];
	*s = (am_silence_t){
		.id = xstrdup(id),
		.matcher_count = 2,
		.starts_ms = cy->now_ms,
		.ends_ms = cmd->ends_ms,
		.created_by = xstrdup(cmd->created_by),
		.comment = xstrdup(cmd->comment),
		.ack = cmd->ack,
	};
	s->matchers = xcalloc(2, sizeof *s->matchers);
	s->matchers[0] = (am_matcher_t){xstrdup("alertname"), xstrdup("citydash"), false, true};
	s->matchers[1] = (am_matcher_t){xstrdup("alarm_id"), xstrdup(cmd->alarm_id), false, true};
}

static am_result_t make_silence(am_client_t *c, cycle_t *cy, const am_cmd_t *cmd, long *status)
{
	if (cmd->ends_ms <= cy->now_ms)
		return AM_OK; /* ended while it waited: nothing to make */
	for (size_t i = 0; i < cy->count; i++) {
		const am_silence_t *s = &cy->list[i];
		if (s->ack == cmd->ack && s->ends_ms >= cmd->ends_ms &&
		    am_silence_is_exact(s, cmd->alarm_id))
			return AM_OK; /* made already (by another host, or an earlier try) */
	}
	char *body = am_json_silence(cmd->alarm_id, cy->now_ms, cmd->ends_ms, cmd->created_by,
	                             cmd->comment);
	char *url = xasprintf("%s/api/v2/silences", c->base);
	am_reply_t reply;
	am_result_t r = am_http_do(c->http, "POST", url, body, &reply);
	*status = reply.status;
	if (r == AM_OK) {
		cJSON *root = cJSON_ParseWithLength(reply.body.data ? reply.body.data : "",
		                                    reply.body.len);
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "silenceID");
		remember_silence(cy, cmd, cJSON_IsString(id) ? id->valuestring : "");
		cJSON_Delete(root);
	} else {
		note_failure(cy, r, _("making a silence"), reply.error);
	}
	free(reply.body.data);
	free(url);
	free(body);
	return r;
}

static void drop_from_list(cycle_t *cy, size_t i)
{
	am_silence_t *s = &cy->list[i];
	am_silence_t copy = *s;
	memmove(s, s + 1, (cy->count - i - 1) * sizeof *s);
	cy->count--;
	/* am_silences_free frees the array too: free this one's fields alone */
	am_silence_t *one = xmalloc(sizeof *one);
	*one = copy;
	am_silences_free(one, 1);
}

static am_result_t end_silences(am_client_t *c, cycle_t *cy, const am_cmd_t *cmd, long *status)
{
	for (size_t i = 0; i < cy->count;) {
		const am_silence_t *s = &cy->list[i];
		if (s->ack != cmd->ack || !am_silence_is_exact(s, cmd->alarm_id)) {
			i++;
			continue;
		}
		char *id = am_http_escape(c->http, s->id);
		char *url = xasprintf("%s/api/v2/silence/%s", c->base, id);
		am_reply_t reply;
		am_result_t r = am_http_do(c->http, "DELETE", url, NULL, &reply);
		*status = reply.status;
		free(id);
		free(url);
		if (r != AM_OK && !(r == AM_REFUSED && reply.status == 404)) {
			note_failure(cy, r, _("ending a silence"), reply.error);
			free(reply.body.data);
			return r;
		}
		free(reply.body.data);
		drop_from_list(cy, i);
	}
	return AM_OK;
}

/* A refusal that trying again will not change (a 4xx but for timeouts and
 * rate limits): the command is dropped, with a warning, not retried
 * forever ahead of the others. */
static bool refused_for_good(long status)
{
	return status >= 400 && status < 500 && status != 408 && status != 429;
}

/* Carries out cmds in order while Alertmanager takes them; returns how many
 * are done (dropped for good included). */
static size_t run_commands(am_client_t *c, cycle_t *cy, am_cmd_t *cmds, size_t n, bool *changed)
{
	size_t done = 0;
	for (; done < n && !cy->unreached; done++) {
		const am_cmd_t *cmd = &cmds[done];
		size_t before = cy->count;
		char first_error[160];
		bool had_failed = cy->failed;
		memcpy(first_error, cy->error, sizeof first_error);
		long status = 0;
		am_result_t r = cmd->expire ? end_silences(c, cy, cmd, &status)
		                            : make_silence(c, cy, cmd, &status);
		if (r == AM_UNREACHED)
			break;
		if (r == AM_REFUSED) {
			if (!refused_for_good(status))
				break;
			log_printf(LOG_LEVEL_WARN,
			           cmd->expire
			               ? _("alertmanager: ending the silences on %s refused, dropped: %s")
			               : _("alertmanager: a silence on %s refused, dropped: %s"),
			           cmd->alarm_id, cy->error);
			if (!had_failed) { /* a dropped command is not a failing link */
				cy->failed = false;
				memcpy(cy->error, first_error, sizeof first_error);
			}
		}
		if (cy->count != before)
			*changed = true;
	}
	return done;
}

void am_sync(am_client_t *c)
{
	cycle_t cy = {.now_ms = clock_wall_ms()};
	pthread_mutex_lock(&c->lock);
	am_cmd_t *cmds = c->queue;
	size_t ncmd = c->queue_len;
	c->queue = NULL;
	c->queue_len = c->queue_cap = 0;
	c->in_flight = ncmd;
	pthread_mutex_unlock(&c->lock);

	take_alerts(c);
	post_alerts(c, &cy);
	if (!cy.unreached)
		fetch_silences(c, &cy);
	size_t done = 0;
	bool changed = false;
	if (cy.have_list)
		done = run_commands(c, &cy, cmds, ncmd, &changed);
	if (changed && !cy.unreached)
		fetch_silences(c, &cy); /* Alertmanager's own view of what was made */
	for (size_t i = 0; i < done; i++)
		am_cmd_free(&cmds[i]);

	pthread_mutex_lock(&c->lock);
	am_queue_put(c, cmds + done, ncmd - done, true);
	c->in_flight = 0;
	c->status.reachable = !cy.failed;
	text_copy_cut(c->status.error, sizeof c->status.error, cy.failed ? cy.error : "");
	if (!cy.failed)
		c->status.last_ok_ms = cy.now_ms;
	if (cy.have_list) {
		am_silences_free(c->silences, c->silence_count);
		c->silences = cy.list;
		c->silence_count = cy.count;
		c->fresh = true;
		cy.list = NULL;
	}
	pthread_mutex_unlock(&c->lock);
	free(cmds);
	am_silences_free(cy.list, cy.count);

	if (strcmp(c->last_error, cy.error) != 0) {
		if (cy.failed)
			log_printf(LOG_LEVEL_WARN, "alertmanager %s: %s", c->base, cy.error);
		else
			log_printf(LOG_LEVEL_INFO, _("alertmanager %s: working again"), c->base);
		memcpy(c->last_error, cy.error, sizeof c->last_error);
	}
	if (c->notify)
		c->notify(c->ctx);
}
