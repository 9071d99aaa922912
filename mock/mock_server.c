#include "mock_server.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "city.h"
#include "city_json.h"
#include "clock.h"
#include "i18n.h"
#include "xalloc.h"

#define CONNECTION_TIMEOUT_S 10 /* a stuck client cannot hold a slot forever */
#define CONNECTION_LIMIT     256
#define JSON_TYPE            "application/json; charset=utf-8"

typedef enum doc_kind { DOC_READINGS, DOC_KPIS, DOC_EVENTS, DOC_HEALTH, DOC_FILE } doc_kind_t;

/* One path and its cached document: built at most once per tick, then the
 * same MHD_Response (reference-counted by libmicrohttpd) answers every
 * request of that tick. */
typedef struct route {
	char *path;
	doc_kind_t kind;
	size_t domain; /* for DOC_READINGS */
	char *body;    /* for DOC_FILE: the fixed document */
	size_t body_len;
	int64_t tick;
	struct MHD_Response *response; /* NULL until first built */
	char etag[40];
} route_t;

struct mock_server {
	struct MHD_Daemon *daemon;
	city_t *city;
	uint16_t port;
	unsigned tick_ms;
	int64_t start_mono_ms, start_wall_ms;
	pthread_mutex_t lock; /* guards the routes' cached documents */
	route_t *routes;      /* one per domain feed, then kpis, events, healthz */
	size_t route_count;
	bool log_errors;
	atomic_bool serving;   /* false while starting: see log_mhd */
	char start_error[256]; /* libmicrohttpd's first message while starting */
};

/* libmicrohttpd's messages. While starting, the first is kept to explain a
 * failure in one message of ours, instead of its line and then ours; once
 * serving, they are printed if log_errors asks for it. */
static void log_mhd(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	mock_server_t *srv = cls;
	if (atomic_load(&srv->serving)) {
		if (srv->log_errors) {
			fputs("citydash-mock: ", stderr);
			vfprintf(stderr, fmt, ap);
		}
	} else if (!srv->start_error[0]) {
		vsnprintf(srv->start_error, sizeof srv->start_error, fmt, ap);
	}
}

/* The system's reason in a libmicrohttpd message ("Failed to bind to port
 * 8080: Address already in use\n" gives "Address already in use"). */
static const char *start_reason(mock_server_t *srv)
{
	char *e = srv->start_error;
	size_t n = strlen(e);
	while (n && (e[n - 1] == '\n' || e[n - 1] == '.'))
		e[--n] = '\0';
	const char *colon = strrchr(e, ':');
	return colon && colon[1] == ' ' ? colon + 2 : e;
}

/* The feed paths come from the model's domain table, so a new domain is
 * served without touching this file. Fixed files come first, so they take
 * the place of a city path of the same name. */
static void routes_init(mock_server_t *srv, const mock_file_t *files, size_t nfiles)
{
	static const struct {
		const char *path;
		doc_kind_t kind;
	} fixed[] = {{"/v1/kpis", DOC_KPIS}, {"/v1/events", DOC_EVENTS}, {"/healthz", DOC_HEALTH}};
	size_t nd = city_domain_count(), nf = sizeof(fixed) / sizeof(fixed[0]);
	route_t *r = srv->routes = xcalloc(nfiles + nd + nf, sizeof(*srv->routes));
	for (size_t i = 0; i < nfiles; i++, r++) {
		r->path = xstrdup(files[i].path);
		r->kind = DOC_FILE;
		r->body = xmalloc(files[i].len);
		memcpy(r->body, files[i].body, files[i].len);
		r->body_len = files[i].len;
	}
	for (size_t d = 0; d < nd; d++, r++) {
		r->path = xasprintf("/v1/feeds/%s", city_domain_name(d));
		r->kind = DOC_READINGS;
		r->domain = d;
	}
	for (size_t k = 0; k < nf; k++, r++) {
		r->path = xstrdup(fixed[k].path);
		r->kind = fixed[k].kind;
	}
	srv->route_count = nfiles + nd + nf;
}

static void routes_free(mock_server_t *srv)
{
	for (size_t i = 0; i < srv->route_count; i++) {
		if (srv->routes[i].response)
			MHD_destroy_response(srv->routes[i].response);
		free(srv->routes[i].path);
		free(srv->routes[i].body);
	}
	free(srv->routes);
}

static route_t *route_find(mock_server_t *srv, const char *url)
{
	for (size_t i = 0; i < srv->route_count; i++) {
		if (strcmp(url, srv->routes[i].path) == 0)
			return &srv->routes[i];
	}
	return NULL;
}

static char *doc_build(const mock_server_t *srv, const route_t *r, int64_t tick, size_t *len)
{
	city_json_time_t tm = {
	    .tick = tick,
	    .tick0_ms = srv->start_wall_ms,
	    .tick_ms = srv->tick_ms,
	    .now_ms = clock_wall_ms(),
	};
	switch (r->kind) {
	case DOC_READINGS:
		return city_json_readings(srv->city, r->domain, &tm, len);
	case DOC_KPIS:
		return city_json_kpis(srv->city, &tm, len);
	case DOC_EVENTS:
		return city_json_events(srv->city, &tm, len);
	case DOC_FILE:
		*len = r->body_len;
		return memcpy(xmalloc(r->body_len), r->body, r->body_len);
	case DOC_HEALTH:
		break;
	}
	return city_json_health(srv->city, &tm, len);
}

static void add_common_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
}

/* FNV-1a: the path's part in the ETag. */
static uint64_t path_hash(const char *path)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

/* Rebuilds the cached document of route r if the tick moved. Lock held. */
static void cache_refresh(mock_server_t *srv, route_t *r, int64_t tick)
{
	if (r->response && r->tick == tick)
		return;
	size_t len;
	char *body = doc_build(srv, r, tick, &len);
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return; /* keep serving the previous tick's document */
	}
	uint64_t h =
	    city_hash(city_seed(srv->city), (uint64_t)tick, path_hash(r->path), 0x65746167);
	snprintf(r->etag, sizeof(r->etag), "\"%016" PRIx64 "-%" PRId64 "\"", h, tick);
	add_common_headers(resp);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, r->etag);
	if (r->response)
		MHD_destroy_response(r->response); /* freed when the last sender is done */
	r->response = resp;
	r->tick = tick;
}

static bool etag_matches(const char *inm, const char *etag)
{
	return inm && (strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL);
}

static enum MHD_Result queue_not_modified(struct MHD_Connection *conn, const char *etag)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	enum MHD_Result ret = MHD_queue_response(conn, MHD_HTTP_NOT_MODIFIED, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result queue_error(struct MHD_Connection *conn, unsigned status, const char *msg)
{
	size_t len;
	char *body = city_json_error(msg, &len);
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	enum MHD_Result ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static int64_t current_tick(const mock_server_t *srv)
{
	int64_t elapsed = clock_mono_ms() - srv->start_mono_ms;
	return elapsed > 0 ? elapsed / srv->tick_ms : 0;
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *conn, const char *url,
                             const char *method, const char *version, const char *upload_data,
                             size_t *upload_size, void **req_cls)
{
	mock_server_t *srv = cls;
	route_t *r;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return queue_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed");
	if (!(r = route_find(srv, url)))
		return queue_error(conn, MHD_HTTP_NOT_FOUND, "not found");
	const char *inm =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	enum MHD_Result ret;
	pthread_mutex_lock(&srv->lock);
	cache_refresh(srv, r, r->kind == DOC_FILE ? 0 : current_tick(srv)); /* files never change */
	if (!r->response)
		ret = MHD_NO;
	else if (etag_matches(inm, r->etag))
		ret = queue_not_modified(conn, r->etag);
	else
		ret = MHD_queue_response(conn, MHD_HTTP_OK, r->response);
	pthread_mutex_unlock(&srv->lock);
	return ret;
}

static bool parse_bind(const char *bind, uint16_t port, struct sockaddr_in *sa, char **cause)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(port);
	if (inet_pton(AF_INET, bind, &sa->sin_addr) != 1) {
		*cause =
		    xasprintf(_("invalid bind address \"%s\" (need IPv4, e.g. 127.0.0.1)"), bind);
		return false;
	}
	return true;
}

mock_server_t *mock_server_start(const mock_options_t *opts, char **cause)
{
	const char *bind = opts->bind ? opts->bind : "127.0.0.1";
	struct sockaddr_in sa;
	if (!parse_bind(bind, opts->port, &sa, cause))
		return NULL;
	mock_server_t *srv = xcalloc(1, sizeof(*srv));
	srv->tick_ms = opts->tick_ms ? opts->tick_ms : 1000;
	srv->city = city_create_config(opts->seed, &opts->city);
	srv->start_mono_ms = clock_mono_ms();
	srv->start_wall_ms = clock_wall_ms();
	pthread_mutex_init(&srv->lock, NULL);
	routes_init(srv, opts->files, opts->file_count);
	srv->log_errors = opts->log_errors;
	atomic_init(&srv->serving, false);
	unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG; /* to log_mhd */
	srv->daemon = MHD_start_daemon(
	    flags, opts->port, NULL, NULL, serve, srv, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)CONNECTION_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTION_LIMIT,
	    MHD_OPTION_END);
	if (!srv->daemon) {
		if (srv->start_error[0])
			*cause = xasprintf(_("cannot listen on %s:%u: %s"), bind,
			                   (unsigned)opts->port, start_reason(srv));
		else
			*cause =
			    xasprintf(_("cannot listen on %s:%u (port in use or not permitted?)"),
			              bind, (unsigned)opts->port);
		mock_server_stop(srv);
		return NULL;
	}
	const union MHD_DaemonInfo *info =
	    MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = info ? info->port : opts->port;
	atomic_store(&srv->serving, true);
	if (srv->port == 0) {
		*cause = xstrdup(_("cannot read back the bound port"));
		mock_server_stop(srv);
		return NULL;
	}
	return srv;
}

uint16_t mock_server_port(const mock_server_t *srv)
{
	return srv->port;
}

void mock_server_stop(mock_server_t *srv)
{
	if (!srv)
		return;
	if (srv->daemon)
		MHD_stop_daemon(srv->daemon); /* joins the server thread */
	routes_free(srv);
	pthread_mutex_destroy(&srv->lock);
	city_destroy(srv->city);
	free(srv);
}
