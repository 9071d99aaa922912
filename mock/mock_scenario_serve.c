/* mock_scenario_serve: GET /v1/scenarios and POST /v1/scenarios/NAME
 * (mock_scenario_serve.h). The state lives in the city (scenario.h); this
 * file only reads it, starts runs, and writes JSON. */
#include "mock_scenario_serve.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "city_json.h"
#include "i18n.h"
#include "jbuf.h"
#include "scenario.h"
#include "xalloc.h"

#include "mock_server_private.h"

#define SCENARIO_PREFIX SCENARIOS_PATH "/"

city_t *mock_scenario_city(const mock_options_t *opts, unsigned tick_ms, int64_t start_ms,
                           char **cause)
{
	size_t k;
	for (size_t i = 0; i < opts->scenario_count; i++) {
		if (!city_scenario_find(opts->scenarios[i], &k)) {
			*cause = xasprintf(_("unknown scenario \"%s\""), opts->scenarios[i]);
			return NULL;
		}
	}
	city_config_t cfg = opts->city;
	cfg.speed = (opts->speed > 0 ? opts->speed : 1) * tick_ms / 1000.0;
	cfg.start_ms = start_ms;
	city_t *c = city_create_config(opts->seed, &cfg);
	for (size_t i = 0; i < opts->scenario_count; i++)
		if (city_scenario_find(opts->scenarios[i], &k))
			city_scenario_start(c, k, 0); /* refused (running) when repeated */
	return c;
}

bool mock_scenario_route(const char *url)
{
	return strcmp(url, SCENARIOS_PATH) == 0 ||
	       strncmp(url, SCENARIO_PREFIX, strlen(SCENARIO_PREFIX)) == 0;
}

bool mock_scenario_client_loopback(const struct sockaddr *sa)
{
	if (!sa)
		return false;
	if (sa->sa_family == AF_INET) {
		struct sockaddr_in in;
		memcpy(&in, sa, sizeof in);
		return (ntohl(in.sin_addr.s_addr) >> 24) == 127;
	}
	if (sa->sa_family == AF_INET6) {
		struct sockaddr_in6 in6;
		memcpy(&in6, sa, sizeof in6);
		const uint8_t *a = in6.sin6_addr.s6_addr;
		static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
		if (memcmp(a, v4mapped, sizeof v4mapped) == 0)
			return a[12] == 127;
		return IN6_IS_ADDR_LOOPBACK(&in6.sin6_addr);
	}
	return false;
}

static bool client_loopback(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *info =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	return info && mock_scenario_client_loopback(info->client_addr);
}

static enum MHD_Result queue_error(struct MHD_Connection *conn, unsigned status, const char *msg,
                                   const char *allow)
{
	size_t len;
	char *body = city_json_error(msg, &len);
	return mock_server_queue_json(conn, status, body, len, allow);
}

static int64_t tick_wall_ms(const mock_server_t *srv, int64_t tick)
{
	return srv->start_wall_ms + tick * (int64_t)srv->tick_ms;
}

static void put_time(jbuf_t *b, const char *key, int64_t ms)
{
	char buf[32];
	city_json_format_time(ms, buf, sizeof buf);
	jbuf_field_str(b, key, buf);
}

static void put_scenario(jbuf_t *b, const mock_server_t *srv, size_t k, int64_t tick)
{
	city_scenario_status_t st;
	city_scenario_status_at(srv->city, k, tick, &st);
	jbuf_open(b, NULL, '{');
	jbuf_field_str(b, "name", city_scenario_name(k));
	jbuf_field_str(b, "title", city_scenario_title(k));
	jbuf_field_str(b, "description", city_scenario_description(k));
	jbuf_printf(b, "\"running\":%s,", st.phase == CITY_SCENARIO_RUNNING ? "true" : "false");
	jbuf_field_str(b, "phase", city_scenario_phase_name(st.phase));
	jbuf_field_num(b, "duration_s", (double)city_scenario_duration_s(k), 0);
	if (st.phase == CITY_SCENARIO_IDLE) {
		jbuf_puts(b, "\"started_at\":null,\"started_tick\":null,\"ends_at\":null,");
	} else {
		put_time(b, "started_at", tick_wall_ms(srv, st.started_tick));
		jbuf_printf(b, "\"started_tick\":%" PRId64 ",", st.started_tick);
		put_time(b, "ends_at", tick_wall_ms(srv, st.end_tick));
	}
	jbuf_field_num(b, "progress", st.progress, 3);
	jbuf_printf(b, "\"runs\":%" PRId64 ",", st.runs);
	jbuf_close(b, '}');
}

/* {"version":1,"tick":N,"speed":K,"sim_time":...,"scenarios":[...]} or, for
 * one scenario (k < count), that scenario's object alone with the tick. */
static char *scenarios_json(const mock_server_t *srv, size_t only, size_t *len)
{
	int64_t tick = mock_server_tick(srv);
	jbuf_t b;
	jbuf_init(&b, 4096);
	jbuf_open(&b, NULL, '{');
	jbuf_field_num(&b, "version", 1, 0);
	jbuf_printf(&b, "\"tick\":%" PRId64 ",", tick);
	jbuf_field_num(&b, "speed", city_speed(srv->city) * 1000.0 / srv->tick_ms, 3);
	put_time(&b, "sim_time", city_sim_wall_ms(srv->city, tick));
	if (only < city_scenario_count()) {
		jbuf_key(&b, "scenario");
		put_scenario(&b, srv, only, tick);
	} else {
		jbuf_open(&b, "scenarios", '[');
		for (size_t k = 0; k < city_scenario_count(); k++)
			put_scenario(&b, srv, k, tick);
		jbuf_close(&b, ']');
	}
	jbuf_close(&b, '}');
	jbuf_trim_comma(&b);
	jbuf_puts(&b, "\n");
	return jbuf_finish(&b, len);
}

static bool has_body(struct MHD_Connection *conn)
{
	const char *cl =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	return te || (cl && strspn(cl, "0") != strlen(cl));
}

static enum MHD_Result start_one(mock_server_t *srv, struct MHD_Connection *conn, const char *name,
                                 unsigned *code)
{
	size_t k;
	if (!client_loopback(conn)) {
		*code = MHD_HTTP_FORBIDDEN;
		return queue_error(conn, *code, "scenarios are started from loopback only", NULL);
	}
	if (!city_scenario_find(name, &k)) {
		*code = MHD_HTTP_NOT_FOUND;
		return queue_error(conn, *code, "no such scenario", NULL);
	}
	/* From the next tick on: what was served for this tick stays true. */
	if (!city_scenario_start(srv->city, k, mock_server_tick(srv) + 1)) {
		*code = MHD_HTTP_CONFLICT;
		return queue_error(conn, *code, "already running", NULL);
	}
	size_t len;
	char *body = scenarios_json(srv, k, &len);
	*code = MHD_HTTP_OK;
	return mock_server_queue_json(conn, *code, body, len, NULL);
}

enum MHD_Result mock_scenario_serve(mock_server_t *srv, struct MHD_Connection *conn,
                                    const char *url, const char *method, unsigned *code)
{
	bool list = strcmp(url, SCENARIOS_PATH) == 0;
	bool get =
	    strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
	bool post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
	if (list && !get) {
		*code = MHD_HTTP_METHOD_NOT_ALLOWED;
		return queue_error(conn, *code, "method not allowed", "GET, HEAD");
	}
	if (!list && !post) {
		*code = MHD_HTTP_METHOD_NOT_ALLOWED;
		return queue_error(conn, *code, "method not allowed", "POST");
	}
	if (has_body(conn)) {
		*code = MHD_HTTP_CONTENT_TOO_LARGE;
		return queue_error(conn, *code, "these requests carry no body", NULL);
	}
	if (!list)
		return start_one(srv, conn, url + strlen(SCENARIO_PREFIX), code);
	size_t len;
	char *body = scenarios_json(srv, SIZE_MAX, &len);
	*code = MHD_HTTP_OK;
	return mock_server_queue_json(conn, *code, body, len, NULL);
}
