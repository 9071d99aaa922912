/* am_http: one blocking HTTP exchange with Alertmanager for the client's
 * thread (curl easy interface, a handle kept across exchanges so the
 * connection is reused). Bounded: a reply body over AM_HTTP_MAX_BODY is
 * refused, every exchange has a timeout, and a stop flag cuts one short. */
#ifndef CITYDASH_AM_HTTP_H
#define CITYDASH_AM_HTTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define AM_HTTP_MAX_BODY (8u * 1024 * 1024)

typedef struct am_http am_http_t;

typedef struct am_reply {
	long status;     /* HTTP status; 0 when no answer came */
	strbuf_t body;   /* the reply's body (caller frees body.data) */
	char error[160]; /* why not, when the result is not AM_OK: short, clean */
} am_reply_t;

typedef enum am_result {
	AM_OK,        /* a 2xx answer */
	AM_REFUSED,   /* an answer, not 2xx: Alertmanager is there but said no */
	AM_UNREACHED, /* no answer (connection, timeout, stopped, body too big) */
} am_result_t;

/* `stop` is watched during transfers (may be NULL). */
am_http_t *am_http_new(int64_t timeout_ms, const atomic_bool *stop);
void am_http_free(am_http_t *h);

/* `method` "GET", "POST" (with a JSON `body`) or "DELETE" on `url`. */
am_result_t am_http_do(am_http_t *h, const char *method, const char *url, const char *body,
                       am_reply_t *reply);

/* `s` escaped for a URL path segment. Caller frees. */
char *am_http_escape(am_http_t *h, const char *s);

#endif
