/* model: the feed protocol's vocabulary and its wire tokens (see model.h). */
#include "model.h"

#include <math.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Tables indexed by the enum value; tokens are the protocol's (v1). */
static const char *const domain_tokens[DOMAIN_COUNT] = {
    [DOMAIN_WATER] = "water",     [DOMAIN_POWER] = "power",   [DOMAIN_GAS] = "gas",
    [DOMAIN_TELECOM] = "telecom", [DOMAIN_BRIDGE] = "bridge", [DOMAIN_TUNNEL] = "tunnel",
    [DOMAIN_OTHER] = "other",
};

static const char *const domain_titles[DOMAIN_COUNT] = {
    [DOMAIN_WATER] = N_("Water"),    [DOMAIN_POWER] = N_("Power"),
    [DOMAIN_GAS] = N_("Gas"),        [DOMAIN_TELECOM] = N_("Telecom"),
    [DOMAIN_BRIDGE] = N_("Bridges"), [DOMAIN_TUNNEL] = N_("Tunnels"),
    [DOMAIN_OTHER] = N_("Other"),
};

static const char *const quality_tokens[] = {
    [QUALITY_GOOD] = "good",
    [QUALITY_UNCERTAIN] = "uncertain",
    [QUALITY_BAD] = "bad",
};

static const char *const severity_tokens[] = {
    [SEVERITY_INFO] = "info",
    [SEVERITY_MINOR] = "minor",
    [SEVERITY_MAJOR] = "major",
    [SEVERITY_CRITICAL] = "critical",
};

static const char *const tier_tokens[] = {
    [TIER_CITY] = "city",
    [TIER_DISTRICT] = "district",
    [TIER_STREET] = "street",
};

static const char *const stage_tokens[] = {
    [STAGE_SENSED] = "sensed",         [STAGE_HANDLING] = "handling",
    [STAGE_EVALUATING] = "evaluating", [STAGE_REVIEWING] = "reviewing",
    [STAGE_CLOSED] = "closed",
};

static const char *const dept_tokens[] = {
    [DEPT_PENDING] = "pending",
    [DEPT_ACTIVE] = "active",
    [DEPT_DONE] = "done",
};

/* Index of token in table[0..n), or -1. Tokens are matched exactly. */
static int lookup(const char *const *table, size_t n, const char *token)
{
	if (!token)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i], token) == 0)
			return (int)i;
	return -1;
}

/* table[v] if v is in range, else fallback (an out-of-range enum value). */
static const char *entry(const char *const *table, size_t n, int v, const char *fallback)
{
	return (v >= 0 && (size_t)v < n) ? table[v] : fallback;
}

domain_t domain_from_token(const char *token)
{
	/* Only the known six: "other" on the wire is just another unknown. */
	int i = lookup(domain_tokens, DOMAIN_KNOWN_COUNT, token);
	return i < 0 ? DOMAIN_OTHER : (domain_t)i;
}

const char *domain_token(domain_t d)
{
	return entry(domain_tokens, COUNT_OF(domain_tokens), (int)d, "other");
}

const char *domain_title(domain_t d)
{
	return entry(domain_titles, COUNT_OF(domain_titles), (int)d, N_("Other"));
}

int domain_named(const char *name)
{
	for (int d = 0; name && d < DOMAIN_KNOWN_COUNT; d++)
		if (strcasecmp(name, domain_token((domain_t)d)) == 0 ||
		    strcasecmp(name, domain_title((domain_t)d)) == 0)
			return d;
	return -1;
}

bool quality_from_token(const char *token, quality_t *out)
{
	int i = lookup(quality_tokens, COUNT_OF(quality_tokens), token);
	if (i >= 0 && out)
		*out = (quality_t)i;
	return i >= 0;
}

const char *quality_token(quality_t q)
{
	return entry(quality_tokens, COUNT_OF(quality_tokens), (int)q, "?");
}

bool limits_ordered(const limits_t *l)
{
	bool have_prev = false;
	double prev = 0.0;

	if (!l)
		return false;
	const double v[4] = {l->lolo, l->lo, l->hi, l->hihi};
	/* Compare each set limit with the previous set one; the mask bits are
	 * in order, so unset limits are simply skipped. */
	for (unsigned i = 0; i < 4; i++) {
		if (!(l->mask & (1u << i)))
			continue;
		if (isnan(v[i]) || (have_prev && !(prev <= v[i])))
			return false;
		prev = v[i];
		have_prev = true;
	}
	return true;
}

bool severity_from_token(const char *token, severity_t *out)
{
	int i = lookup(severity_tokens, COUNT_OF(severity_tokens), token);
	if (i >= 0 && out)
		*out = (severity_t)i;
	return i >= 0;
}

const char *severity_token(severity_t s)
{
	return entry(severity_tokens, COUNT_OF(severity_tokens), (int)s, "?");
}

bool tier_from_token(const char *token, tier_t *out)
{
	int i = lookup(tier_tokens, COUNT_OF(tier_tokens), token);
	if (i >= 0 && out)
		*out = (tier_t)i;
	return i >= 0;
}

const char *tier_token(tier_t t)
{
	return entry(tier_tokens, COUNT_OF(tier_tokens), (int)t, "?");
}

bool stage_from_token(const char *token, stage_t *out)
{
	int i = lookup(stage_tokens, COUNT_OF(stage_tokens), token);
	if (i >= 0 && out)
		*out = (stage_t)i;
	return i >= 0;
}

const char *stage_token(stage_t s)
{
	return entry(stage_tokens, COUNT_OF(stage_tokens), (int)s, "?");
}

bool dept_state_from_token(const char *token, dept_state_t *out)
{
	int i = lookup(dept_tokens, COUNT_OF(dept_tokens), token);
	if (i >= 0 && out)
		*out = (dept_state_t)i;
	return i >= 0;
}
