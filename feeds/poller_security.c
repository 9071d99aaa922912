/* poller_security: what a source's configuration says about who it talks
 * to and as whom, set once on its curl handle (poller_private.h): its extra
 * request headers, its credentials (a bearer token or a basic-auth
 * password, source_cfg_t.secret) and its TLS settings (the CA to verify the
 * server with, a client certificate for mutual TLS, verification).
 *
 * The secret goes to libcurl only (which copies it) and is never written
 * anywhere else: no log line, message or reason here names it, only the
 * source and where it came from. */
#include "poller_private.h"

#include <stdbool.h>
#include <stdlib.h>

#include "i18n.h"
#include "log.h"
#include "xalloc.h"

/* "Name: value" lines, which each transfer's header list starts from
 * (poller_start_transfer). An empty value is sent as "Name;": curl reads
 * "Name:" as "do not send Name". The configuration has checked names and
 * values (a token, and no control character). */
static void set_headers(source_t *s)
{
	curl_slist_free_all(s->extra_headers);
	s->extra_headers = NULL;
	for (size_t i = 0; i < s->cfg.header_count; i++) {
		const source_header_t *h = &s->cfg.headers[i];
		char *line = h->value && h->value[0] ? xasprintf("%s: %s", h->name, h->value)
		                                     : xasprintf("%s;", h->name);
		struct curl_slist *list = curl_slist_append(s->extra_headers, line);
		free(line);
		if (!list) /* out of memory, as xalloc treats it */
			abort();
		s->extra_headers = list;
	}
}

/* No control character: curl would put a CR or LF of a bearer token into
 * the request as it is (a basic-auth pair goes in base64). The
 * configuration strips the newline that ends a secret's file. */
static bool fit_for_header(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* The token or the user and password, for this host only: libcurl does not
 * send them on to another host (or port, or scheme) a redirect leads to
 * while CURLOPT_UNRESTRICTED_AUTH is off, which it is by default and is
 * set here so that no later change turns it on unseen. Custom headers are
 * not the way: "auth" is, so that this holds. */
static void set_credentials(source_t *s)
{
	CURL *e = s->easy;
	curl_easy_setopt(e, CURLOPT_UNRESTRICTED_AUTH, 0L);
	if (!s->cfg.secret || s->cfg.auth == SOURCE_AUTH_NONE)
		return;
	if (s->cfg.auth == SOURCE_AUTH_BEARER && !fit_for_header(s->cfg.secret)) {
		/* Not sent: the server's refusal then shows on screen. */
		log_printf(LOG_LEVEL_ERROR,
		           _("source \"%s\": the token from %s holds a control character: not sent"),
		           s->cfg.name, s->cfg.secret_from ? s->cfg.secret_from : "?");
		return;
	}
	switch (s->cfg.auth) {
	case SOURCE_AUTH_BEARER:
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BEARER);
		curl_easy_setopt(e, CURLOPT_XOAUTH2_BEARER, s->cfg.secret);
		break;
	case SOURCE_AUTH_BASIC:
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(e, CURLOPT_USERNAME, s->cfg.username ? s->cfg.username : "");
		curl_easy_setopt(e, CURLOPT_PASSWORD, s->cfg.secret);
		break;
	case SOURCE_AUTH_NONE:
		break;
	}
}

/* Verification stays on (the peer's chain and its name) unless the source
 * deliberately turned it off; the store then shows it (tls_unverified). */
static void set_tls(source_t *s)
{
	CURL *e = s->easy;
	if (s->cfg.ca_file)
		curl_easy_setopt(e, CURLOPT_CAINFO, s->cfg.ca_file);
	if (s->cfg.client_cert) {
		curl_easy_setopt(e, CURLOPT_SSLCERT, s->cfg.client_cert);
		curl_easy_setopt(e, CURLOPT_SSLCERTTYPE, "PEM");
	}
	if (s->cfg.client_key) { /* without one, the key is looked for in the certificate's file */
		curl_easy_setopt(e, CURLOPT_SSLKEY, s->cfg.client_key);
		curl_easy_setopt(e, CURLOPT_SSLKEYTYPE, "PEM");
	}
	/* TLS 1.0 and 1.1 are deprecated (RFC 8996). */
	curl_easy_setopt(e, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	if (s->cfg.tls_insecure) {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
		log_printf(LOG_LEVEL_WARN,
		           _("source \"%s\": TLS verification off (insecure_skip_verify): its "
		             "server's certificate is not checked"),
		           s->cfg.name);
	} else {
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
		curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	}
}

void poller_setup_security(source_t *s)
{
	set_headers(s);
	set_credentials(s);
	set_tls(s);
}
