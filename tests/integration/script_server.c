#include "script_server.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct script_server {
	struct MHD_Daemon *daemon;
	uint16_t port;
	char url[64];
	pthread_mutex_t lock;
	unsigned status;
	char *body;
	size_t body_len;
	int requests;
	script_handler_t handler;
	void *handler_ctx;
};

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **req_cls)
{
	(void)method, (void)version, (void)upload, (void)upload_size, (void)req_cls;
	script_server_t *s = cls;
	pthread_mutex_lock(&s->lock);
	s->requests++;
	unsigned status = s->status;
	const char *body = s->body;
	size_t body_len = s->body_len;
	if (s->handler) {
		body = NULL;
		s->handler(s->handler_ctx, url,
		           MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match"),
		           &status, &body);
		body_len = body ? strlen(body) : 0;
	}
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(body_len, (void *)body, MHD_RESPMEM_MUST_COPY);
	pthread_mutex_unlock(&s->lock);
	enum MHD_Result ret = MHD_queue_response(conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static struct MHD_Daemon *listen_on(script_server_t *s, uint16_t port)
{
	struct sockaddr_in sa = {.sin_family = AF_INET,
	                         .sin_port = htons(port),
	                         .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, answer, s,
	                        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                        MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
}

script_server_t *script_server_start(unsigned status, const char *body)
{
	script_server_t *s = calloc(1, sizeof *s);
	assert_non_null(s);
	pthread_mutex_init(&s->lock, NULL);
	script_server_set(s, status, body);
	s->daemon = listen_on(s, 0);
	assert_non_null(s->daemon);
	s->port = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
	snprintf(s->url, sizeof s->url, "http://127.0.0.1:%u/feed", (unsigned)s->port);
	return s;
}

void script_server_stop(script_server_t *s)
{
	if (s->daemon)
		MHD_stop_daemon(s->daemon);
	pthread_mutex_destroy(&s->lock);
	free(s->body);
	free(s);
}

uint16_t script_server_port(const script_server_t *s)
{
	return s->port;
}

const char *script_server_url(const script_server_t *s)
{
	return s->url;
}

void script_server_set(script_server_t *s, unsigned status, const char *body)
{
	pthread_mutex_lock(&s->lock);
	free(s->body);
	s->status = status;
	s->body = body ? strdup(body) : NULL;
	s->body_len = body ? strlen(body) : 0;
	pthread_mutex_unlock(&s->lock);
}

void script_server_down(script_server_t *s)
{
	if (s->daemon)
		MHD_stop_daemon(s->daemon);
	s->daemon = NULL;
}

void script_server_up(script_server_t *s)
{
	if (!s->daemon)
		s->daemon = listen_on(s, s->port);
	assert_non_null(s->daemon);
}

void script_server_set_handler(script_server_t *s, script_handler_t handler, void *ctx)
{
	pthread_mutex_lock(&s->lock);
	s->handler = handler;
	s->handler_ctx = ctx;
	pthread_mutex_unlock(&s->lock);
}

int script_server_requests(script_server_t *s)
{
	pthread_mutex_lock(&s->lock);
	int n = s->requests;
	pthread_mutex_unlock(&s->lock);
	return n;
}
