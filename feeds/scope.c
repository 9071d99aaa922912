#include "scope.h"

#include <string.h>

#include "i18n.h"
#include "xalloc.h"
#include "text.h"

void scope_city(scope_t *s)
{
	/* Every byte, not only the terminators: a scope is copied whole into
	 * nav_t, which n and N compare byte for byte (filter_prompt.c). */
	memset(s, 0, sizeof *s);
}

static bool has_control(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return true;
	return false;
}

/* [*p, *p + *n) without spaces at either end. */
static void trim(const char **p, size_t *n)
{
	while (*n && (**p == ' ' || **p == '\t')) {
		(*p)++;
		(*n)--;
	}
	while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
		(*n)--;
}

int scope_parse(scope_t *s, const char *text, char **cause)
{
	const char *slash = strchr(text, '/');
	const char *d = text, *st = slash ? slash + 1 : "";
	size_t dn = slash ? (size_t)(slash - text) : strlen(text), sn = strlen(st);
	trim(&d, &dn);
	trim(&st, &sn);
	if (strchr(st, '/')) {
		/* TRANSLATORS: "scope" is the option's name (shown as --scope): keep it first. */
		*cause = xasprintf(_("scope \"%s\": at most DISTRICT/STREET"), text);
		return -1;
	}
	if (has_control(d, dn) || has_control(st, sn)) {
		*cause = xstrdup(_("scope: a control character in the name"));
		return -1;
	}
	if (dn > SCOPE_NAME_MAX || sn > SCOPE_NAME_MAX) {
		*cause = xasprintf(_("scope: a name longer than %d bytes"), SCOPE_NAME_MAX);
		return -1;
	}
	if (sn && !dn) {
		*cause = xasprintf(_("scope \"%s\": a street needs its district (DISTRICT/STREET)"),
		                   text);
		return -1;
	}
	memcpy(s->district, d, dn);
	s->district[dn] = '\0';
	memcpy(s->street, st, sn);
	s->street[sn] = '\0';
	return 0;
}

tier_t scope_tier(const scope_t *s)
{
	return !s->district[0] ? TIER_CITY : !s->street[0] ? TIER_DISTRICT : TIER_STREET;
}

bool scope_is_city(const scope_t *s)
{
	return !s->district[0];
}

bool scope_equal(const scope_t *a, const scope_t *b)
{
	return strcmp(a->district, b->district) == 0 && strcmp(a->street, b->street) == 0;
}

bool scope_contains(const scope_t *s, const char *district, const char *street)
{
	if (!s->district[0])
		return true;
	if (!district || strcmp(district, s->district) != 0)
		return false;
	return !s->street[0] || (street && strcmp(street, s->street) == 0);
}

int scope_down(scope_t *s, const char *name)
{
	size_t n = strlen(name);
	if (n > SCOPE_NAME_MAX || s->street[0] || n == 0)
		return -1;
	memcpy(s->district[0] ? s->street : s->district, name, n + 1);
	return 0;
}

void scope_up(scope_t *s)
{
	if (s->street[0])
		s->street[0] = '\0';
	else
		s->district[0] = '\0';
}

void scope_format(const scope_t *s, char *buf, size_t size)
{
	if (!size)
		return;
	size_t dn = strlen(s->district), sn = strlen(s->street), at = 0;
	buf[0] = '\0';
	if (!dn)
		return;
	/* Cut at a byte count, then back to a character boundary. */
	size_t take = text_cut(s->district, size - 1);
	memcpy(buf, s->district, take);
	at = take;
	if (sn && at + 1 < size) {
		buf[at++] = '/';
		take = text_cut(s->street, size - 1 - at);
		memcpy(buf + at, s->street, take);
		at += take;
	}
	buf[at] = '\0';
}
