/* mock_sta_serve: the /sta/v1.1 routes (mock_sta_serve.h). */
#include "mock_sta_serve.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "sta_json.h"
#include "xalloc.h"

#include "mock_server_private.h"

bool mock_sta_route(const char *url)
{
	size_t n = strlen(STA_ROOT_PATH);
	return strncmp(url, STA_ROOT_PATH, n) == 0 && (url[n] == '\0' || url[n] == '/');
}

static enum MHD_Result answer(struct MHD_Connection *conn, unsigned status, char *body,
                              size_t len, unsigned *code)
{
	*code = status;
	return mock_server_queue_json(conn, status, body, len,
	                              status == MHD_HTTP_METHOD_NOT_ALLOWED ? "GET, HEAD" : NULL);
}

static enum MHD_Result error(struct MHD_Connection *conn, unsigned status, const char *msg,
                             unsigned *code)
{
	size_t len;
	char *body = sta_json_error(status, msg, &len);
	return answer(conn, status, body, len, code);
}

/* The service root URL as the client reached it: its Host header when that
 * is a plain host[:port], else the address served on. */
static char *root_url(const mock_server_t *srv, struct MHD_Connection *conn)
{
	const char *host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (host && host[0] && strlen(host) < 256 &&
	    strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
	        strlen(host))
		return xasprintf("http://%s%s", host, STA_ROOT_PATH);
	return xasprintf("http://127.0.0.1:%u%s", (unsigned)srv->port, STA_ROOT_PATH);
}

/* A query option that must be a whole number >= 0: false if it is given
 * and is not one. */
static bool count_arg(struct MHD_Connection *conn, const char *key, size_t *out)
{
	const char *s = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, key);
	if (!s)
		return true;
	if (!s[0] || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return false;
	*out = (size_t)strtoul(s, NULL, 10);
	return true;
}

static enum MHD_Result datastreams(mock_server_t *srv, struct MHD_Connection *conn,
                                   unsigned *code)
{
	size_t top = STA_TOP_DEFAULT, skip = 0;
	if (!count_arg(conn, "$top", &top))
		return error(conn, MHD_HTTP_BAD_REQUEST, "$top must be a non-negative integer", code);
	if (!count_arg(conn, "$skip", &skip))
		return error(conn, MHD_HTTP_BAD_REQUEST, "$skip must be a non-negative integer", code);
	if (MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "$filter"))
		return error(conn, MHD_HTTP_BAD_REQUEST, "$filter is not supported by citydash-mock",
		             code);
	const char *count = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "$count");
	if (top > STA_TOP_MAX) /* as FROST: the server's maxTop caps the page */
		top = STA_TOP_MAX;
	char *root = root_url(srv, conn);
	size_t len;
	pthread_mutex_lock(&srv->lock); /* the model's */
	city_json_time_t tm = {
	    .tick = mock_server_tick(srv),
	    .tick0_ms = srv->start_wall_ms,
	    .tick_ms = srv->tick_ms,
	    .now_ms = clock_wall_ms(),
	};
	char *body = sta_json_datastreams(srv->city, &tm, root, skip, top,
	                                  count && strcmp(count, "true") == 0, &len);
	pthread_mutex_unlock(&srv->lock);
	free(root);
	return answer(conn, MHD_HTTP_OK, body, len, code);
}

enum MHD_Result mock_sta_serve(mock_server_t *srv, struct MHD_Connection *conn, const char *url,
                               const char *method, unsigned *code)
{
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed", code);
	const char *rest = url + strlen(STA_ROOT_PATH);
	if (strcmp(rest, "") == 0 || strcmp(rest, "/") == 0) {
		char *root = root_url(srv, conn);
		size_t len;
		char *body = sta_json_service_root(root, &len);
		free(root);
		return answer(conn, MHD_HTTP_OK, body, len, code);
	}
	if (strcmp(rest, "/Datastreams") == 0)
		return datastreams(srv, conn, code);
	return error(conn, MHD_HTTP_NOT_FOUND, "Nothing found.", code);
}
