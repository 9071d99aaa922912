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
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "city.h"
#include "city_json.h"
#include "clock.h"
#include "http_gzip.h"
#include "i18n.h"
#include "mock_scenario_serve.h"
#include "mock_sta_serve.h"
#include "xalloc.h"

#include "mock_server_private.h"
#include "mock_since.h"

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
	} fixed[] = {{"/v1/kpis", DOC_KPIS},
	             {"/v1/events", DOC_EVENTS},
	             {"/healthz", DOC_HEALTH},
	             {"/metrics", DOC_METRICS}};
	size_t nd = city_domain_count(), nf = sizeof(fixed) / sizeof(fixed[0]);
	size_t total = nfiles + nd + nf + 1;
	route_t *r = srv->routes = xcalloc(total, sizeof(*srv->routes));
	for (size_t i = 0; i < total; i++) {
		mock_cache_init(&srv->routes[i]);
		atomic_init(&srv->routes[i].requests, 0);
		for (size_t c = 0; c < COUNT_CODES; c++)
			atomic_init(&srv->routes[i].counts[c], 0);
		for (size_t k = 0; k < FAULT_KINDS; k++)
			atomic_init(&srv->routes[i].faults[k], 0);
	}
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
	r->path = xstrdup("other"); /* never matched: route_find stops before it */
	r->kind = DOC_FILE;
	srv->route_count = nfiles + nd + nf;
}

static void routes_free(mock_server_t *srv)
{
	for (size_t i = 0; i <= srv->route_count; i++) {
		mock_cache_free(&srv->routes[i]);
		free(srv->routes[i].path);
		free(srv->routes[i].body);
		free(srv->routes[i].bounds);
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

char *mock_server_doc_build(const mock_server_t *srv, const route_t *r, int64_t tick, size_t *len)
{
	city_json_time_t tm = {
	    .tick = tick,
	    .tick0_ms = srv->start_wall_ms,
	    .tick_ms = srv->tick_ms,
	    .now_ms = clock_wall_ms(),
	};
	char *whole = mock_since_whole(srv, r, tick, len); /* with its cursor */
	if (whole)
		return whole;
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
	case DOC_METRICS: /* built by metrics_serve */
		break;
	}
	return city_json_health(srv->city, &tm, len);
}

static bool etag_matches(const char *inm, const char *etag)
{
	return inm && (strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL);
}

enum MHD_Result mock_server_queue_json(struct MHD_Connection *conn, unsigned status, char *body,
                                       size_t len, const char *allow)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, JSON_TYPE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (allow)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, allow);
	if (status == MHD_HTTP_SERVICE_UNAVAILABLE)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
	enum MHD_Result ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

enum MHD_Result mock_server_queue_error(struct MHD_Connection *conn, unsigned status,
                                        const char *msg)
{
	size_t len;
	char *body = city_json_error(msg, &len);
	return mock_server_queue_json(conn, status, body, len,
	                              status == MHD_HTTP_METHOD_NOT_ALLOWED ? "GET, HEAD" : NULL);
}

int64_t mock_server_tick(const mock_server_t *srv)
{
	int64_t elapsed = clock_mono_ms() - srv->start_mono_ms;
	return elapsed > 0 ? elapsed / srv->tick_ms : 0;
}

/* A GET or HEAD has no body: one announced is refused without reading it,
 * so a client cannot make the server swallow an upload. */
static bool request_has_body(struct MHD_Connection *conn)
{
	const char *cl =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	return te || (cl && strspn(cl, "0") != strlen(cl));
}

/* A cached document (or its gzip variant), or 304 if the client has it. */
static enum MHD_Result doc_serve(mock_server_t *srv, route_t *r, struct MHD_Connection *conn,
                                 unsigned *code)
{
	const char *inm =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	bool gz = http_gzip_accepted(
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));
	enum MHD_Result ret;
	if (mock_since_serve(srv, r, conn, code, &ret)) /* ?since=: a delta */
		return ret;
	mock_cache_refresh(
	    srv, r, r->kind == DOC_FILE ? 0 : mock_server_tick(srv)); /* files never change */
	/* Queuing takes libmicrohttpd's reference: the version may be swapped
	 * out as soon as the lock is let go. */
	pthread_mutex_lock(&r->lock);
	const doc_version_t *d = &r->doc;
	bool use_gz = gz && d->ok_gz;
	if (!d->ok) {
		ret = MHD_NO;
	} else if (etag_matches(inm, use_gz ? d->etag_gz : d->etag)) {
		*code = MHD_HTTP_NOT_MODIFIED;
		ret = MHD_queue_response(conn, MHD_HTTP_NOT_MODIFIED,
		                         use_gz ? d->not_modified_gz : d->not_modified);
	} else {
		*code = MHD_HTTP_OK;
		ret = MHD_queue_response(conn, MHD_HTTP_OK, use_gz ? d->ok_gz : d->ok);
	}
	pthread_mutex_unlock(&r->lock);
	return ret;
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *conn, const char *url,
                             const char *method, const char *version, const char *upload_data,
                             size_t *upload_size, void **req_cls)
{
	mock_server_t *srv = cls;
	bool get =
	    strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
	/* The first call brings the headers alone. An answer queued then makes
	 * libmicrohttpd close the connection after it (it will not read on past
	 * a request answered early): right for a refused upload, wrong for a
	 * GET. So a GET is answered on the second call, and the connection
	 * stays open for the client's next request (keep-alive). */
	if (get && !*req_cls && !request_has_body(conn)) {
		*req_cls = srv; /* any non-NULL mark: headers seen */
		return MHD_YES;
	}
	unsigned code = 0;
	enum MHD_Result ret;
	if (mock_scenario_route(url)) /* the scenarios' control routes: their own file */
		return mock_scenario_serve(srv, conn, url, method, &code);
	route_t *r = route_find(srv, url);
	if (!r && mock_sta_route(url)) /* SensorThings API v1.1 (a --serve file takes its place) */
		return mock_sta_serve(srv, conn, url, method, &code);
	if (!get) {
		code = MHD_HTTP_METHOD_NOT_ALLOWED;
		ret = mock_server_queue_error(conn, code, "method not allowed");
	} else if (request_has_body(conn)) {
		code = MHD_HTTP_CONTENT_TOO_LARGE;
		ret = mock_server_queue_error(conn, code, "a GET or HEAD request carries no body");
	} else if (!r) {
		code = MHD_HTTP_NOT_FOUND;
		ret = mock_server_queue_error(conn, code, "not found");
	} else if (r->kind == DOC_METRICS) {
		code = MHD_HTTP_OK;
		ret = mock_metrics_serve(srv, r, conn);
	} else if (fault_any(&srv->fault) && fault_applies(r->path) &&
	           mock_fault_serve(srv, r, conn, &code, &ret)) {
		/* answered (or not: hang) by the fault */
	} else
		ret = doc_serve(srv, r, conn, &code);
	if (ret == MHD_YES)
		mock_count_answer(r ? r : &srv->routes[srv->route_count], code);
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

/* Serving threads: one per CPU, within reason. */
static unsigned pool_size(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > POOL_MAX ? POOL_MAX : (unsigned)n;
}

/* CONNECTION_LIMIT, or fewer if the process may not open that many files
 * (citydash-mock raises its limit at start; see mock_main.c): libmicrohttpd
 * then refuses the ones past it instead of failing to accept them. */
static unsigned connection_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= CONNECTION_LIMIT + FD_RESERVE)
		return CONNECTION_LIMIT;
	return rl.rlim_cur > 2 * FD_RESERVE ? (unsigned)(rl.rlim_cur - FD_RESERVE) : FD_RESERVE;
}

mock_server_t *mock_server_start(const mock_options_t *opts, char **cause)
{
	const char *bind = opts->bind ? opts->bind : "127.0.0.1";
	struct sockaddr_in sa;
	if (!parse_bind(bind, opts->port, &sa, cause))
		return NULL;
	mock_server_t *srv = xcalloc(1, sizeof(*srv));
	srv->tick_ms = opts->tick_ms ? opts->tick_ms : 1000;
	srv->start_mono_ms = clock_mono_ms();
	srv->start_wall_ms = clock_wall_ms();
	srv->city = mock_scenario_city(opts, srv->tick_ms, srv->start_wall_ms, cause);
	if (!srv->city) {
		free(srv);
		return NULL;
	}
	pthread_mutex_init(&srv->lock, NULL);
	routes_init(srv, opts->files, opts->file_count);
	srv->log_errors = opts->log_errors;
	srv->fault = opts->fault;
	srv->seed = opts->seed;
	mock_since_init(srv, opts);
	atomic_init(&srv->stopping, false);
	atomic_init(&srv->serving, false);
	/* A pool of threads, one per CPU, each with its own epoll set. Any fault
	 * wants a thread per connection instead, so that a delayed, hung or
	 * dripped answer holds up only its own client (poll, not select:
	 * descriptors past 1023). Measured with bench/mock-vs-nginx on 2 CPUs,
	 * a thread per connection for every answer did as well on the plain
	 * city feed under a heavy neighbour's load but worse when the machine
	 * was quiet, and worse on the gzipped feed (0.8-0.9x the pool). */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	unsigned pool = pool_size();
	if (fault_any(&opts->fault)) {
		flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
		        MHD_USE_POLL | MHD_USE_ERROR_LOG;
		pool = 0;
	}
	srv->daemon = MHD_start_daemon(
	    flags, opts->port, NULL, NULL, serve, srv, MHD_OPTION_EXTERNAL_LOGGER, log_mhd, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)CONNECTION_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)LISTEN_BACKLOG,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY,
	    MHD_OPTION_THREAD_STACK_SIZE, (size_t)THREAD_STACK,
	    pool ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, pool, MHD_OPTION_END);
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

unsigned long mock_server_files_wanted(void)
{
	return CONNECTION_LIMIT + FD_RESERVE;
}

uint16_t mock_server_port(const mock_server_t *srv)
{
	return srv->port;
}

void mock_server_stop(mock_server_t *srv)
{
	if (!srv)
		return;
	atomic_store(&srv->stopping, true);
	if (srv->daemon)
		MHD_stop_daemon(srv->daemon); /* joins the server thread */
	routes_free(srv);
	mock_since_free(srv);
	pthread_mutex_destroy(&srv->lock);
	city_destroy(srv->city);
	free(srv);
}
