/* adapter_json_error: the reason shown for an answer of a json source that
 * is not 2xx, from the API's own words: the string at the "error" pointer of
 * the settings, or else at the first of a few usual places (below). NULL
 * (the poller's "HTTP status N") when the body is no JSON, or holds no
 * string there. Sanitized and cut: it is shown on one line. */
#include <cjson/cJSON.h>
#include <string.h>

#include "adapter_json_opts.h"
#include "text.h"

#define REASON_MAX     200         /* bytes of the message kept */
#define ERROR_BODY_MAX (64 * 1024) /* a longer error body is not read */

/* {"error": {"message": ...}} (Google APIs, OpenAI-style), {"error": "..."},
 * {"message": "..."} (many REST APIs), {"detail": "..."} (RFC 9457 problem
 * details, Django REST framework). */
static const char *const usual[] = {"/error/message", "/error", "/message", "/detail"};

static char *reason_from(const cJSON *n)
{
	if (!cJSON_IsString(n) || !n->valuestring || !n->valuestring[0])
		return NULL;
	const char *s = n->valuestring;
	size_t len = strlen(s);
	if (len > REASON_MAX) { /* at a character boundary */
		len = REASON_MAX;
		while (len > REASON_MAX - 3 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	return text_sanitize(s, len);
}

char *json_error_reason(const void *opts, long status, const char *body, size_t len)
{
	(void)status;
	const json_opts_t *o = opts;
	if (!body || !len || len > ERROR_BODY_MAX)
		return NULL;
	cJSON *doc = cJSON_ParseWithLength(body, len);
	char *why = NULL;
	if (o && o->error) {
		why = reason_from(json_pointer_get(o->error, doc));
	} else {
		for (size_t i = 0; doc && !why && i < sizeof usual / sizeof usual[0]; i++) {
			json_pointer_t *p = json_pointer_compile(usual[i]);
			why = reason_from(json_pointer_get(p, doc));
			json_pointer_free(p);
		}
	}
	cJSON_Delete(doc);
	return why;
}
