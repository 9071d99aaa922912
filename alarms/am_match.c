/* am_match: Alertmanager silences as data (am_match.h). Owned by the
 * alarm_ops side of issue 9; the network side is am_client.c. */
#include "am_match.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef struct compiled_matcher {
	regex_t re;
	bool compiled; /* regcomp succeeded (regex matchers only) */
} compiled_matcher_t;

struct am_match {
	const am_silence_t *s;
	compiled_matcher_t *m; /* one per matcher */
	size_t first;          /* a plain "=" matcher (alarm_id's if any), tried first: most
	                          alarms fail it with one comparison; matcher_count if none */
};

void am_silences_free(am_silence_t *s, size_t n)
{
	if (!s)
		return;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < s[i].matcher_count; k++) {
			free(s[i].matchers[k].name);
			free(s[i].matchers[k].value);
		}
		free(s[i].matchers);
		free(s[i].id);
		free(s[i].created_by);
		free(s[i].comment);
	}
	free(s);
}

am_match_t *am_match_compile(const am_silence_t *s)
{
	am_match_t *m = xcalloc(1, sizeof *m);
	m->s = s;
	m->m = xcalloc(s->matcher_count ? s->matcher_count : 1, sizeof *m->m);
	m->first = s->matcher_count;
	for (size_t k = 0; k < s->matcher_count; k++) {
		const am_matcher_t *mt = &s->matchers[k];
		if (!mt->is_regex && mt->is_equal &&
		    (m->first == s->matcher_count ||
		     (mt->name && strcmp(mt->name, "alarm_id") == 0)))
			m->first = k;
		if (!mt->is_regex)
			continue;
		/* Anchored, as Alertmanager anchors its own. */
		char *anchored = xasprintf("^(%s)$", mt->value ? mt->value : "");
		m->m[k].compiled = regcomp(&m->m[k].re, anchored, REG_EXTENDED | REG_NOSUB) == 0;
		free(anchored);
	}
	return m;
}

void am_match_free(am_match_t *m)
{
	if (!m)
		return;
	for (size_t k = 0; k < m->s->matcher_count; k++)
		if (m->m[k].compiled)
			regfree(&m->m[k].re);
	free(m->m);
	free(m);
}

static const char *label_value(const char *name, const char *const *names,
                               const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && strcmp(names[i], name) == 0)
			return values[i] ? values[i] : "";
	return "";
}

bool am_match_run(const am_match_t *m, const char *const *names, const char *const *values,
                  size_t n)
{
	const am_silence_t *s = m->s;
	/* Alertmanager refuses a silence without matchers; one that slipped
	 * through silences nothing rather than everything. */
	if (!s->matcher_count)
		return false;
	for (size_t i = 0; i <= s->matcher_count; i++) {
		/* m->first, then the others in order. */
		size_t k = i == 0 ? m->first : i - 1;
		if (k == s->matcher_count || (i > 0 && k == m->first))
			continue;
		const am_matcher_t *mt = &s->matchers[k];
		const char *v = label_value(mt->name ? mt->name : "", names, values, n);
		bool hit;
		if (mt->is_regex)
			hit = m->m[k].compiled && regexec(&m->m[k].re, v, 0, NULL, 0) == 0;
		else
			hit = strcmp(v, mt->value ? mt->value : "") == 0;
		/* A regex that does not compile matches nothing, either way. */
		if (mt->is_regex && !m->m[k].compiled)
			return false;
		if (hit != mt->is_equal)
			return false;
	}
	return true;
}

const char *am_match_alarm_id(const am_match_t *m)
{
	if (m->first == m->s->matcher_count)
		return NULL;
	const am_matcher_t *mt = &m->s->matchers[m->first];
	return mt->name && strcmp(mt->name, "alarm_id") == 0 ? (mt->value ? mt->value : "") : NULL;
}

bool am_silence_matches(const am_silence_t *s, const char *const *names,
                        const char *const *values, size_t n)
{
	am_match_t *m = am_match_compile(s);
	bool hit = am_match_run(m, names, values, n);
	am_match_free(m);
	return hit;
}
