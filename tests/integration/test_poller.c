/* The real poller against the real mock city on 127.0.0.1, next to a feed
 * that hangs (accepts connections, never answers) and one that is down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "clock.h"
#include "config.h"
#include "mock_server.h"
#include "poller.h"
#include "store.h"

/* Every loop below is bounded by this much wall time. */
#define LOOP_LIMIT_MS 20000

/* A socket that listens on an ephemeral loopback port and never accepts:
 * the kernel completes connections, nobody ever answers. */
static int listen_silent(uint16_t *port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 16), 0);
	socklen_t len = sizeof a;
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

/* A loopback port with nothing behind it. */
static uint16_t closed_port(void)
{
	uint16_t port;
	int fd = listen_silent(&port);
	close(fd);
	return port;
}

static void add(config_t *cfg, const char *name, const char *url, int64_t interval, int64_t timeout)
{
	char *arg = NULL, *cause = NULL;
	size_t n = strlen(name) + strlen(url) + 2;
	arg = malloc(n);
	snprintf(arg, n, "%s=%s", name, url);
	assert_int_equal(config_add_source_arg(cfg, arg, &cause), 0);
	free(arg);
	cfg->sources[cfg->source_count - 1].interval_ms = interval;
	cfg->sources[cfg->source_count - 1].timeout_ms = timeout;
}

typedef struct rig {
	mock_server_t *mock;
	int silent_fd;
	config_t cfg;
	store_t *store;
	poller_t *poller;
	int keys[2]; /* a pipe standing in for the keyboard */
} rig_t;

static int rig_setup(void **state)
{
	rig_t *r = calloc(1, sizeof *r);
	char *cause = NULL;
	mock_options_t mo = {.bind = "127.0.0.1", .port = 0, .seed = 42, .tick_ms = 60000};
	r->mock = mock_server_start(&mo, &cause);
	assert_non_null(r->mock);
	uint16_t hang_port;
	r->silent_fd = listen_silent(&hang_port);
	char url[128];
	snprintf(url, sizeof url, "http://127.0.0.1:%u/v1/feeds/water", mock_server_port(r->mock));
	add(&r->cfg, "water", url, 200, 2000);
	snprintf(url, sizeof url, "http://127.0.0.1:%u/v1/feeds/water", hang_port);
	add(&r->cfg, "hung", url, 200, 3000);
	snprintf(url, sizeof url, "http://127.0.0.1:%u/v1/feeds/water", closed_port());
	add(&r->cfg, "down", url, 200, 2000);
	snprintf(url, sizeof url, "http://127.0.0.1:%u/v1/feeds/power", mock_server_port(r->mock));
	add(&r->cfg, "capped", url, 200, 2000);
	r->cfg.sources[3].max_body = 64;
	r->store = store_create();
	r->poller = poller_create(r->store, &r->cfg, &cause);
	assert_non_null(r->poller);
	assert_int_equal(pipe(r->keys), 0);
	*state = r;
	return 0;
}

static int rig_teardown(void **state)
{
	rig_t *r = *state;
	poller_destroy(r->poller);
	store_destroy(r->store);
	config_free(&r->cfg);
	close(r->silent_fd);
	close(r->keys[0]);
	close(r->keys[1]);
	mock_server_stop(r->mock);
	free(r);
	return 0;
}

/* One turn of an event loop like the TUI's. Returns whether the key pipe was readable. */
static bool turn(rig_t *r, int timeout_ms)
{
	bool ready = false;
	poller_start_due(r->poller, clock_mono_ms());
	assert_int_equal(poller_wait(r->poller, &r->keys[0], 1, &ready, timeout_ms), 0);
	poller_perform(r->poller, clock_wall_ms(), clock_mono_ms());
	return ready;
}

static void test_hung_feed_delays_nothing(void **state)
{
	rig_t *r = *state;
	int64_t start = clock_mono_ms();
	/* Good source polls again and again while the hung one is still waiting. */
	const source_status_t *water = store_source(r->store, 0);
	const source_status_t *hung = store_source(r->store, 1);
	while (water->polls_ok + water->not_modified < 3 && clock_mono_ms() - start < LOOP_LIMIT_MS)
		turn(r, 100);
	assert_true(water->polls_ok + water->not_modified >= 3);
	assert_false(water->failing);
	assert_true(store_reading_count(r->store) >= 20);
	assert_int_equal(hung->polls_ok + hung->polls_failed, 0); /* still hanging */

	/* A key arrives while the hung transfer is in flight: the wait returns
	 * for it at once, long before the hung feed's 3 s timeout. */
	assert_int_equal(write(r->keys[1], "k", 1), 1);
	bool ready = turn(r, 10000);
	assert_true(ready);
	assert_int_equal(hung->polls_ok + hung->polls_failed, 0);
	char c;
	assert_int_equal(read(r->keys[0], &c, 1), 1);

	/* In the end the hung feed fails, says why, and the rest keeps its data. */
	while (!hung->failing && clock_mono_ms() - start < LOOP_LIMIT_MS)
		turn(r, 100);
	assert_true(hung->failing);
	assert_non_null(hung->error);
	assert_non_null(strstr(hung->error, "no answer within 3000 ms"));
	assert_false(water->failing);
}

static void test_down_feed_fails_with_reason(void **state)
{
	rig_t *r = *state;
	int64_t start = clock_mono_ms();
	const source_status_t *down = store_source(r->store, 2);
	while (!down->failing && clock_mono_ms() - start < LOOP_LIMIT_MS)
		turn(r, 100);
	assert_true(down->failing);
	assert_false(down->ever_ok);
	assert_non_null(down->error);
	assert_non_null(
	    strstr(down->error, "onnect")); /* "Connection refused", "Failed to connect" */
}

static void test_body_over_cap_is_refused(void **state)
{
	rig_t *r = *state;
	int64_t start = clock_mono_ms();
	const source_status_t *capped = store_source(r->store, 3);
	while (!capped->failing && clock_mono_ms() - start < LOOP_LIMIT_MS)
		turn(r, 100);
	assert_true(capped->failing);
	assert_non_null(strstr(capped->error, "larger than 64 bytes"));
	/* Nothing of the refused body reached the store. */
	for (size_t i = 0; i < store_reading_count(r->store); i++)
		assert_int_not_equal(store_reading(r->store, i)->source, 3);
}

static void test_unchanged_document_is_not_modified(void **state)
{
	rig_t *r = *state;
	int64_t start = clock_mono_ms();
	/* The mock's tick is a minute: the same document comes back, so after the
	 * first poll the ETag makes the answer 304. */
	const source_status_t *water = store_source(r->store, 0);
	while (water->not_modified < 2 && clock_mono_ms() - start < LOOP_LIMIT_MS)
		turn(r, 100);
	assert_true(water->not_modified >= 2);
	assert_false(water->failing);
	/* The 304s made the source healthy, but not its data younger than the
	 * document they confirmed. */
	assert_true(store_reading(r->store, 0)->received_ms < water->last_ok_ms);
	assert_true(store_source_data_age(r->store, 0, water->last_ok_ms) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_hung_feed_delays_nothing, rig_setup, rig_teardown),
	    cmocka_unit_test_setup_teardown(test_down_feed_fails_with_reason, rig_setup,
	                                    rig_teardown),
	    cmocka_unit_test_setup_teardown(test_body_over_cap_is_refused, rig_setup, rig_teardown),
	    cmocka_unit_test_setup_teardown(test_unchanged_document_is_not_modified, rig_setup,
	                                    rig_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
