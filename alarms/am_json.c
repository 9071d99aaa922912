/* am_json: Alertmanager API v2 bodies (see am_json.h). Runs on the
 * client's thread: cJSON allocates through plain malloc there (json_arena
 * routes only a thread that opened an arena). */
#include "am_json.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "timefmt.h"
#include "xalloc.h"

static void check(const void *p)
{
	if (!p) {
		fputs("citydash: out of memory building an Alertmanager request\n", stderr);
		abort();
	}
}

static void add_string(cJSON *obj, const char *name, const char *value)
{
	check(cJSON_AddStringToObject(obj, name, value ? value : ""));
}

/* Alertmanager drops a label with an empty value; leaving it out says so. */
static void add_label(cJSON *labels, const char *name, const char *value)
{
	if (value && *value)
		add_string(labels, name, value);
}

static void add_time(cJSON *obj, const char *name, int64_t ms)
{
	char buf[40];
	timefmt_format_rfc3339(ms, buf, sizeof buf);
	add_string(obj, name, buf);
}

static void add_alert(cJSON *array, const am_alert_t *a, int64_t now_ms, int64_t ends_ms)
{
	cJSON *alert = cJSON_CreateObject();
	check(alert);
	check(cJSON_AddItemToArray(array, alert) ? alert : NULL);
	cJSON *labels = cJSON_AddObjectToObject(alert, "labels");
	check(labels);
	add_string(labels, "alertname", "citydash");
	add_label(labels, "alarm_id", a->alarm_id);
	add_label(labels, "kind", a->kind);
	add_label(labels, "domain", a->domain);
	add_label(labels, "district", a->district);
	add_label(labels, "street", a->street);
	add_label(labels, "priority", a->priority);
	add_label(labels, "source", a->source);
	cJSON *notes = cJSON_AddObjectToObject(alert, "annotations");
	check(notes);
	add_string(notes, "value", a->value);
	add_string(notes, "limit", a->limit);
	add_string(notes, "name", a->name);
	add_string(notes, "state", a->state);
	int64_t starts = a->starts_ms > 0 ? a->starts_ms : now_ms;
	if (starts > ends_ms) /* Alertmanager refuses an alert that ends before it starts */
		starts = ends_ms;
	add_time(alert, "startsAt", starts);
	add_time(alert, "endsAt", ends_ms);
}

static char *print(cJSON *root)
{
	char *text = cJSON_PrintUnformatted(root);
	check(text);
	cJSON_Delete(root);
	char *copy = xstrdup(text);
	cJSON_free(text);
	return copy;
}

char *am_json_alerts(const am_alert_t *active, size_t n, const am_alert_t *resolved, size_t m,
                     int64_t now_ms, int64_t ends_ms)
{
	cJSON *array = cJSON_CreateArray();
	check(array);
	for (size_t i = 0; i < n; i++)
		add_alert(array, &active[i], now_ms, ends_ms);
	for (size_t i = 0; i < m; i++)
		add_alert(array, &resolved[i], now_ms, now_ms);
	return print(array);
}

static void add_matcher(cJSON *array, const char *name, const char *value)
{
	cJSON *m = cJSON_CreateObject();
	check(m);
	check(cJSON_AddItemToArray(array, m) ? m : NULL);
	add_string(m, "name", name);
	add_string(m, "value", value);
	check(cJSON_AddBoolToObject(m, "isRegex", 0));
	check(cJSON_AddBoolToObject(m, "isEqual", 1));
}

char *am_json_silence(const char *alarm_id, int64_t starts_ms, int64_t ends_ms,
                      const char *created_by, const char *comment)
{
	cJSON *root = cJSON_CreateObject();
	check(root);
	cJSON *matchers = cJSON_AddArrayToObject(root, "matchers");
	check(matchers);
	add_matcher(matchers, "alertname", "citydash");
	add_matcher(matchers, "alarm_id", alarm_id);
	add_time(root, "startsAt", starts_ms);
	add_time(root, "endsAt", ends_ms);
	/* Alertmanager requires both to be non-empty. */
	add_string(root, "createdBy", created_by && *created_by ? created_by : "citydash");
	add_string(root, "comment", comment && *comment ? comment : "-");
	return print(root);
}

static const char *string_of(const cJSON *obj, const char *name)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, name);
	return cJSON_IsString(item) ? item->valuestring : NULL;
}

static char *clean(const char *s)
{
	return text_sanitize(s, strlen(s));
}

/* What one silence holds (not the silence itself). */
static void free_fields(am_silence_t *s)
{
	for (size_t k = 0; k < s->matcher_count; k++) {
		free(s->matchers[k].name);
		free(s->matchers[k].value);
	}
	free(s->matchers);
	free(s->id);
	free(s->created_by);
	free(s->comment);
}

/* One matcher; false if malformed. isEqual is missing in Alertmanager
 * before 0.22: true then. */
static bool parse_matcher(const cJSON *item, am_matcher_t *out)
{
	const char *name = string_of(item, "name"), *value = string_of(item, "value");
	const cJSON *regex = cJSON_GetObjectItemCaseSensitive(item, "isRegex");
	const cJSON *equal = cJSON_GetObjectItemCaseSensitive(item, "isEqual");
	if (!cJSON_IsObject(item) || !name || !value || !cJSON_IsBool(regex) ||
	    (equal && !cJSON_IsBool(equal)))
		return false;
	out->name = clean(name);
	out->value = clean(value);
	out->is_regex = cJSON_IsTrue(regex);
	out->is_equal = !equal || cJSON_IsTrue(equal);
	return true;
}

/* One silence; 1 kept, 0 not current (expired), -1 malformed. */
static int parse_silence(const cJSON *item, int64_t now_ms, am_silence_t *out)
{
	const char *id = string_of(item, "id"), *by = string_of(item, "createdBy");
	const char *comment = string_of(item, "comment");
	const char *starts = string_of(item, "startsAt"), *ends = string_of(item, "endsAt");
	const cJSON *matchers = cJSON_GetObjectItemCaseSensitive(item, "matchers");
	const cJSON *status = cJSON_GetObjectItemCaseSensitive(item, "status");
	int64_t starts_ms, ends_ms;
	if (!cJSON_IsObject(item) || !id || !by || !comment || !cJSON_IsArray(matchers) ||
	    !starts || !ends || !timefmt_parse_rfc3339(starts, &starts_ms) ||
	    !timefmt_parse_rfc3339(ends, &ends_ms))
		return -1;
	if (status && !cJSON_IsObject(status))
		return -1;
	const char *state = status ? string_of(status, "state") : NULL;
	if (state ? strcmp(state, "active") != 0 && strcmp(state, "pending") != 0
	          : ends_ms <= now_ms)
		return 0;
	int count = cJSON_GetArraySize(matchers);
	if (count <= 0) /* Alertmanager refuses a silence without matchers */
		return -1;
	am_silence_t s = {0};
	s.matchers = xcalloc((size_t)count, sizeof *s.matchers);
	const cJSON *m;
	cJSON_ArrayForEach(m, matchers)
	{
		if (!parse_matcher(m, &s.matchers[s.matcher_count])) {
			free_fields(&s);
			return -1;
		}
		s.matcher_count++;
	}
	s.id = clean(id);
	s.created_by = clean(by);
	s.comment = clean(comment);
	s.starts_ms = starts_ms;
	s.ends_ms = ends_ms;
	s.ack = strncmp(comment, AM_ACK_PREFIX, strlen(AM_ACK_PREFIX)) == 0;
	*out = s;
	return 1;
}

long am_json_parse_silences(const char *body, size_t len, int64_t now_ms, size_t cap,
                            am_silence_t **out, size_t *skipped, bool *capped, char **cause)
{
	*out = NULL;
	if (skipped)
		*skipped = 0;
	if (capped)
		*capped = false;
	cJSON *root = cJSON_ParseWithLength(body, len);
	if (!root) {
		*cause = xstrdup(_("the silence list is not JSON"));
		return -1;
	}
	if (!cJSON_IsArray(root)) {
		cJSON_Delete(root);
		*cause = xstrdup(_("the silence list is not a JSON array"));
		return -1;
	}
	size_t total = (size_t)cJSON_GetArraySize(root), n = 0;
	am_silence_t *list = total ? xcalloc(total < cap ? total : cap, sizeof *list) : NULL;
	const cJSON *item;
	cJSON_ArrayForEach(item, root)
	{
		am_silence_t s;
		int got = parse_silence(item, now_ms, &s);
		if (got < 0 && skipped)
			(*skipped)++;
		if (got <= 0)
			continue;
		if (n >= cap) {
			free_fields(&s);
			if (capped)
				*capped = true;
			continue;
		}
		list[n++] = s;
	}
	cJSON_Delete(root);
	if (n == 0) {
		free(list);
		list = NULL;
	}
	*out = list;
	return (long)n;
}

static bool matcher_is(const am_matcher_t *m, const char *name, const char *value)
{
	return m->is_equal && !m->is_regex && strcmp(m->name, name) == 0 &&
	       strcmp(m->value, value) == 0;
}

bool am_silence_is_exact(const am_silence_t *s, const char *alarm_id)
{
	if (s->matcher_count != 2)
		return false;
	const am_matcher_t *a = &s->matchers[0], *b = &s->matchers[1];
	return (matcher_is(a, "alertname", "citydash") && matcher_is(b, "alarm_id", alarm_id)) ||
	       (matcher_is(b, "alertname", "citydash") && matcher_is(a, "alarm_id", alarm_id));
}

void am_json_error_text(const char *body, size_t len, char *buf, size_t size)
{
	if (size == 0)
		return;
	buf[0] = '\0';
	if (!body || len == 0)
		return;
	char *text = NULL;
	cJSON *root = cJSON_ParseWithLength(body, len);
	if (cJSON_IsString(root))
		text = clean(root->valuestring);
	else if (cJSON_IsObject(root) && string_of(root, "message"))
		text = clean(string_of(root, "message"));
	cJSON_Delete(root);
	if (!text)
		text = text_sanitize(body, len < 1024 ? len : 1024);
	/* trim a trailing newline turned space */
	size_t tl = strlen(text);
	while (tl > 0 && text[tl - 1] == ' ')
		text[--tl] = '\0';
	text_copy_cut(buf, size, text);
	free(text);
}
