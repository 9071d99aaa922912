/* journal_line: encoding and decoding one journal line (journal_line.h).
 *
 *   {"time":"2026-11-26T10:00:00.123Z","user":"li","host":"wall-1",
 *    "alarm":"water.jb.p1","action":"shelve","reason":"pump swap",
 *    "until":"2026-11-26T12:00:00.000Z"}
 *
 * Required: time, user, host, alarm (not empty), action; "until" for a
 * shelve; "reason" optional. Unknown keys are ignored (a later version may
 * add some). Strings are sanitized both ways: what this version writes is
 * clean, and what anything else wrote is made clean before it is shown. */
#include "journal_line.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "timefmt.h"
#include "i18n.h"
#include "xalloc.h"

const char *journal_action_name(journal_action_t a)
{
	static const char *const names[] = {"ack", "shelve", "unshelve"};
	return (unsigned)a < JOURNAL_ACTION_COUNT ? names[a] : "?";
}

static bool action_from_name(const char *s, journal_action_t *out)
{
	for (int a = 0; a < JOURNAL_ACTION_COUNT; a++)
		if (strcmp(s, journal_action_name((journal_action_t)a)) == 0) {
			*out = (journal_action_t)a;
			return true;
		}
	return false;
}

void journal_cut_utf8(char *s, size_t max)
{
	s[text_cut(s, max)] = '\0';
}

static char *clean_copy(const char *s)
{
	s = s ? s : "";
	return text_sanitize(s, strlen(s));
}

static bool add_time(cJSON *obj, const char *key, int64_t ms)
{
	char buf[40];
	timefmt_format_rfc3339(ms, buf, sizeof buf);
	return cJSON_AddStringToObject(obj, key, buf) != NULL;
}

char *journal_line_encode(const journal_entry_t *e, size_t *len, char **cause)
{
	if ((unsigned)e->action >= JOURNAL_ACTION_COUNT) {
		*cause = xstrdup(_("unknown journal action"));
		return NULL;
	}
	char *user = clean_copy(e->user), *host = clean_copy(e->host);
	char *alarm = clean_copy(e->alarm), *reason = clean_copy(e->reason);
	journal_cut_utf8(reason, JOURNAL_REASON_MAX);
	char *text = NULL;
	cJSON *obj = NULL;
	if (!*alarm) {
		*cause = xstrdup(_("no alarm id for the journal"));
		goto out;
	}
	if (e->action == JOURNAL_SHELVE && e->until_ms <= e->at_ms) {
		/* A shelve that ends before it starts (or in 1970) is a caller's
		 * mistake; written, it would read as a shelve long over. */
		*cause = xstrdup(_("a shelve must end after it starts"));
		goto out;
	}
	obj = cJSON_CreateObject();
	bool ok = obj && add_time(obj, "time", e->at_ms) &&
	          cJSON_AddStringToObject(obj, "user", user) &&
	          cJSON_AddStringToObject(obj, "host", host) &&
	          cJSON_AddStringToObject(obj, "alarm", alarm) &&
	          cJSON_AddStringToObject(obj, "action", journal_action_name(e->action)) &&
	          (!*reason || cJSON_AddStringToObject(obj, "reason", reason)) &&
	          (e->action != JOURNAL_SHELVE || add_time(obj, "until", e->until_ms));
	char *json = ok ? cJSON_PrintUnformatted(obj) : NULL;
	if (!json) {
		*cause = xstrdup(_("out of memory building a journal line"));
		goto out;
	}
	size_t n = strlen(json);
	if (n > JOURNAL_LINE_MAX) {
		*cause = xasprintf(_("a journal line of %zu bytes is over the limit (%d)"), n,
		                   JOURNAL_LINE_MAX);
		cJSON_free(json);
		goto out;
	}
	text = xmalloc(n + 2);
	memcpy(text, json, n);
	text[n] = '\n';
	text[n + 1] = '\0';
	*len = n + 1;
	cJSON_free(json);
out:
	cJSON_Delete(obj);
	free(user);
	free(host);
	free(alarm);
	free(reason);
	return text;
}

/* The string at key, sanitized only if it needs to be (a copy kept in d). */
static const char *get_string(journal_decoded_t *d, int slot, const char *key, bool required,
                              bool *bad)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive((cJSON *)d->json, key);
	if (!it) {
		*bad = *bad || required;
		return "";
	}
	if (!cJSON_IsString(it) || !it->valuestring) {
		*bad = true;
		return "";
	}
	const char *s = it->valuestring;
	if (text_is_clean(s))
		return s;
	d->owned[slot] = text_sanitize(s, strlen(s));
	return d->owned[slot];
}

static bool get_time(const cJSON *obj, const char *key, int64_t *ms)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
	return cJSON_IsString(it) && it->valuestring && timefmt_parse_rfc3339(it->valuestring, ms);
}

int journal_line_decode(const char *line, size_t len, journal_decoded_t *out, const char **why)
{
	memset(out, 0, sizeof *out);
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithLengthOpts(line, len, &end, false);
	out->json = obj;
	if (!cJSON_IsObject(obj)) {
		*why = _("not a JSON object");
		goto bad;
	}
	/* cJSON stops after the object: anything but blanks after it (two
	 * lines run together, say) makes the line bad, not half-read. */
	for (; end < line + len; end++)
		if (*end != ' ' && *end != '\t' && *end != '\r') {
			*why = _("more after the JSON object");
			goto bad;
		}
	journal_entry_t *e = &out->entry;
	if (!get_time(obj, "time", &e->at_ms)) {
		*why = _("no valid \"time\"");
		goto bad;
	}
	const cJSON *action = cJSON_GetObjectItemCaseSensitive(obj, "action");
	if (!cJSON_IsString(action) || !action_from_name(action->valuestring, &e->action)) {
		*why = _("no known \"action\"");
		goto bad;
	}
	bool bad = false;
	e->user = get_string(out, 0, "user", true, &bad);
	e->host = get_string(out, 1, "host", true, &bad);
	e->alarm = get_string(out, 2, "alarm", true, &bad);
	if (bad || !*e->alarm) {
		*why = _("a missing or malformed \"user\", \"host\" or \"alarm\"");
		goto bad;
	}
	e->reason = get_string(out, 3, "reason", false, &bad);
	if (bad) {
		*why = _("a malformed \"reason\"");
		goto bad;
	}
	if (strlen(e->reason) > JOURNAL_REASON_MAX) {
		if (!out->owned[3])
			out->owned[3] = xstrdup(e->reason);
		journal_cut_utf8(out->owned[3], JOURNAL_REASON_MAX);
		e->reason = out->owned[3];
	}
	if (e->action == JOURNAL_SHELVE && !get_time(obj, "until", &e->until_ms)) {
		*why = _("a shelve without a valid \"until\"");
		goto bad;
	}
	return 0;
bad:
	journal_decoded_free(out);
	return -1;
}

void journal_decoded_free(journal_decoded_t *d)
{
	cJSON_Delete(d->json);
	for (size_t i = 0; i < sizeof d->owned / sizeof d->owned[0]; i++)
		free(d->owned[i]);
	memset(d, 0, sizeof *d);
}
