#include "demo.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

/* Source names shown in the status bar, and the mock paths behind them. */
static const struct {
	const char *name, *path;
} demo_feeds[] = {
    {"water", "/v1/feeds/water"},   {"power", "/v1/feeds/power"},
    {"gas", "/v1/feeds/gas"},       {"telecom", "/v1/feeds/telecom"},
    {"bridge", "/v1/feeds/bridge"}, {"tunnel", "/v1/feeds/tunnel"},
    {"kpis", "/v1/kpis"},           {"events", "/v1/events"},
};

mock_server_t *demo_start(config_t *cfg, uint64_t seed, char **cause)
{
	mock_options_t mo = {.bind = "127.0.0.1", .port = 0, .seed = seed, .tick_ms = 1000};
	/* The server's thread inherits the signal mask: blocked there, SIGWINCH,
	 * SIGINT and the like are always delivered to the event loop's thread,
	 * which is the one waiting for them. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	mock_server_t *srv = mock_server_start(&mo, cause);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!srv)
		return NULL;
	uint16_t port = mock_server_port(srv);
	for (size_t i = 0; i < sizeof demo_feeds / sizeof demo_feeds[0]; i++) {
		char *arg = xasprintf("%s=http://127.0.0.1:%u%s", demo_feeds[i].name,
		                      (unsigned)port, demo_feeds[i].path);
		int rc = config_add_source_arg(cfg, arg, cause);
		free(arg);
		if (rc != 0) {
			mock_server_stop(srv);
			return NULL;
		}
	}
	return srv;
}
