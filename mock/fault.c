#include "fault.h"

#include <stdio.h>
#include <string.h>

#include "argnum.h"
#include "i18n.h"

static const char *const kind_names[FAULT_KINDS] = {"hang", "error", "garbage", "truncate", "slow"};

const char *fault_kind_name(fault_kind_t k)
{
	return k >= 0 && k < FAULT_KINDS ? kind_names[k] : "none";
}

/* A rate: digits, optionally '.' and more digits, at most 1. Strict: no
 * sign, exponent, space, "nan" or "inf" (strtod would take them all). */
static bool parse_rate(const char *s, size_t len, double *out)
{
	size_t i = 0;
	double v = 0, scale = 1;
	size_t digits = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		v = v * 10 + (s[i++] - '0');
		digits++;
	}
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			scale /= 10;
			v += (s[i++] - '0') * scale;
			digits++;
		}
	}
	if (i != len || digits == 0 || v > 1.0)
		return false;
	*out = v;
	return true;
}

bool fault_parse(fault_config_t *cfg, const char *spec, char *err, size_t err_size)
{
	fault_config_t next = *cfg;
	const char *p = spec;
	for (;;) {
		size_t item = strcspn(p, ",");
		const char *eq = memchr(p, '=', item);
		if (!eq) {
			snprintf(err, err_size, _("\"%.*s\" is not KIND=VALUE"), (int)item, p);
			return false;
		}
		size_t name_len = (size_t)(eq - p), value_len = item - name_len - 1;
		const char *value = eq + 1;
		if (name_len == 7 && memcmp(p, "latency", 7) == 0) {
			uint64_t ms;
			if (!argnum_parse_n(value, value_len, 0, FAULT_LATENCY_MAX_MS, &ms)) {
				snprintf(err, err_size,
				         _("latency wants milliseconds from 0 to %u, not \"%.*s\""),
				         FAULT_LATENCY_MAX_MS, (int)value_len, value);
				return false;
			}
			next.latency_ms = (unsigned)ms;
		} else {
			int k = 0;
			while (k < FAULT_KINDS && !(strlen(kind_names[k]) == name_len &&
			                            memcmp(p, kind_names[k], name_len) == 0))
				k++;
			if (k == FAULT_KINDS) {
				snprintf(err, err_size,
				         _("unknown fault \"%.*s\" (latency, error, garbage, "
				           "truncate, hang or slow)"),
				         (int)name_len, p);
				return false;
			}
			if (!parse_rate(value, value_len, &next.rate[k])) {
				snprintf(err, err_size,
				         _("%s wants a rate from 0 to 1 (e.g. 0.25), not \"%.*s\""),
				         kind_names[k], (int)value_len, value);
				return false;
			}
		}
		if (!p[item])
			break;
		p += item + 1;
	}
	*cfg = next;
	return true;
}

bool fault_any(const fault_config_t *cfg)
{
	if (cfg->latency_ms)
		return true;
	for (int k = 0; k < FAULT_KINDS; k++)
		if (cfg->rate[k] > 0)
			return true;
	return false;
}

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		h = (h ^ *c) * 0x100000001b3ULL;
	return h;
}

static uint64_t draw(uint64_t seed, const char *path, uint64_t n, uint64_t salt)
{
	uint64_t x = splitmix64(seed);
	x = splitmix64(x ^ fnv1a(path));
	x = splitmix64(x ^ n);
	return splitmix64(x ^ salt);
}

fault_kind_t fault_decide(const fault_config_t *cfg, uint64_t seed, const char *path, uint64_t n)
{
	for (int k = 0; k < FAULT_KINDS; k++) {
		if (cfg->rate[k] <= 0)
			continue;
		/* 53 bits: u in [0, 1) exactly representable, so rate 1 always fires. */
		double u = (double)(draw(seed, path, n, (uint64_t)k + 1) >> 11) * 0x1p-53;
		if (u < cfg->rate[k])
			return (fault_kind_t)k;
	}
	return FAULT_NONE;
}

unsigned fault_error_status(uint64_t seed, const char *path, uint64_t n)
{
	return draw(seed, path, n, 0x737461747573ULL) & 1 ? 503u : 500u;
}

bool fault_applies(const char *path)
{
	return strncmp(path, "/v1/", 4) == 0;
}
