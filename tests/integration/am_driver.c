/* am_driver: drives am_client against a live Alertmanager for
 * alertmanager_test.sh. Every mode waits (bounded by `--wait SECONDS`,
 * default 30) for what it needs, prints what it saw, and exits 0, or 1 if
 * it did not come.
 *
 *   am_driver URL post ID...      posts these alarms, until accepted
 *   am_driver URL shelve ID USER REASON SECONDS
 *                                  queues a shelve, until accepted
 *   am_driver URL ack ID USER REASON
 *   am_driver URL unshelve ID     queues the end of ID's shelves
 *   am_driver URL list            prints the silences, one a line:
 *                                  id|state(ack/shelve)|createdBy|comment|ends_ms|matchers
 *   am_driver URL outage ID USER REASON SECONDS
 *                                  waits until Alertmanager is unreachable,
 *                                  queues a shelve, prints "queued pending=N",
 *                                  then waits until it is accepted
 *   am_driver URL resolve ID      posts ID, then an empty set (resolved) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "am_client.h"
#include "clock.h"

static int wait_s = 30;

static void nap(void)
{
	struct timespec ts = {0, 50 * 1000 * 1000};
	nanosleep(&ts, NULL);
}

static am_alert_t sample(const char *id)
{
	return (am_alert_t){
		.alarm_id = id, .kind = "limit", .domain = "water", .district = "North",
		.street = "Quay Street", .priority = "high", .source = "water",
		.value = "9.1 bar", .limit = "8 bar", .name = "Pump pressure", .state = "UNACK",
		.starts_ms = clock_wall_ms() - 1000,
	};
}

/* Waits until the link is up, at least `syncs` lists were fetched and no
 * command waits. Prints the last status. */
static int settle(am_client_t *c, uint64_t syncs, am_silence_t **list, size_t *n)
{
	int64_t deadline = clock_mono_ms() + wait_s * 1000;
	am_status_t st = {0};
	while (clock_mono_ms() < deadline) {
		am_silence_t *got;
		size_t k;
		if (am_client_take(c, &st, &got, &k) && list) {
			am_silences_free(*list, *n);
			*list = got;
			*n = k;
		} else if (got) {
			am_silences_free(got, k);
		}
		if (st.reachable && st.syncs >= syncs && st.pending == 0) {
			printf("status reachable=1 pending=0 alerts=%zu syncs=%llu\n", st.alerts,
			       (unsigned long long)st.syncs);
			return 0;
		}
		nap();
	}
	printf("status reachable=%d pending=%zu error=%s\n", st.reachable, st.pending, st.error);
	return 1;
}

static void print_list(const am_silence_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		printf("%s|%s|%s|%s|%lld|", s[i].id, s[i].ack ? "ack" : "shelve", s[i].created_by,
		       s[i].comment, (long long)s[i].ends_ms);
		for (size_t k = 0; k < s[i].matcher_count; k++)
			printf("%s%s%s%s", k ? "," : "", s[i].matchers[k].name,
			       s[i].matchers[k].is_regex ? (s[i].matchers[k].is_equal ? "=~" : "!~")
			                                 : (s[i].matchers[k].is_equal ? "=" : "!="),
			       s[i].matchers[k].value);
		printf("\n");
	}
}

static int outage(am_client_t *c, char **arg)
{
	int64_t deadline = clock_mono_ms() + wait_s * 1000;
	am_status_t st = {0};
	am_silence_t *got;
	size_t k;
	for (;;) {
		am_client_take(c, &st, &got, &k);
		am_silences_free(got, k);
		if (!st.reachable && st.error[0]) /* before the first exchange: no error yet */
			break;
		if (clock_mono_ms() >= deadline) {
			printf("still reachable\n");
			return 1;
		}
		nap();
	}
	printf("unreachable error=%s\n", st.error);
	am_client_silence(c, arg[0], false, clock_wall_ms() + atoll(arg[3]) * 1000, arg[1], arg[2]);
	am_client_take(c, &st, &got, &k);
	am_silences_free(got, k);
	printf("queued pending=%zu\n", st.pending);
	fflush(stdout);
	return settle(c, st.syncs + 1, NULL, NULL);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--wait") == 0) {
		wait_s = atoi(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc < 3) {
		fputs("usage: am_driver [--wait S] URL MODE ARGS...\n", stderr);
		return 2;
	}
	char *cause = NULL;
	am_client_t *c = am_client_start(argv[1], 300, NULL, NULL, &cause);
	if (!c) {
		fprintf(stderr, "am_driver: %s\n", cause);
		free(cause);
		return 2;
	}
	const char *mode = argv[2];
	char **arg = argv + 3;
	int nargs = argc - 3, rc = 2;
	am_silence_t *list = NULL;
	size_t n = 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(mode, "post") == 0 && nargs >= 1) {
		am_alert_t *alerts = calloc((size_t)nargs, sizeof *alerts);
		for (int i = 0; alerts && i < nargs; i++)
			alerts[i] = sample(arg[i]);
		am_client_set_alerts(c, alerts, alerts ? (size_t)nargs : 0);
		free(alerts);
		am_client_kick(c);
		rc = settle(c, 2, NULL, NULL);
	} else if (strcmp(mode, "resolve") == 0 && nargs == 1) {
		am_alert_t a = sample(arg[0]);
		am_client_set_alerts(c, &a, 1);
		rc = settle(c, 2, NULL, NULL);
		am_client_set_alerts(c, NULL, 0);
		am_client_kick(c);
		if (rc == 0)
			rc = settle(c, 4, NULL, NULL);
	} else if (strcmp(mode, "shelve") == 0 && nargs == 4) {
		am_client_silence(c, arg[0], false, clock_wall_ms() + atoll(arg[3]) * 1000, arg[1],
		                  arg[2]);
		rc = settle(c, 1, NULL, NULL);
	} else if (strcmp(mode, "ack") == 0 && nargs == 3) {
		am_client_silence(c, arg[0], true, clock_wall_ms() + 365LL * 86400 * 1000, arg[1],
		                  arg[2]);
		rc = settle(c, 1, NULL, NULL);
	} else if (strcmp(mode, "unshelve") == 0 && nargs == 1) {
		am_client_expire(c, arg[0], false);
		rc = settle(c, 1, NULL, NULL);
	} else if (strcmp(mode, "list") == 0 && nargs == 0) {
		rc = settle(c, 1, &list, &n);
		print_list(list, n);
	} else if (strcmp(mode, "outage") == 0 && nargs == 4) {
		rc = outage(c, arg);
	} else {
		fprintf(stderr, "am_driver: bad mode or arguments: %s\n", mode);
	}
	am_silences_free(list, n);
	am_client_stop(c);
	return rc;
}
