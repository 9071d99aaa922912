/* rules_mutate: see rules_mutate.h. Mutations of the tree are made on a
 * fresh parse of the good document each time: node k (in document order) is
 * replaced, dropped or repeated, and raw JSON text (which cJSON would not
 * print, such as 1e999) goes in through a placeholder spliced after
 * printing. */
#include "rules_mutate.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define PLACEHOLDER "@@rules-mutation@@"
#define LONG_STRING 100000
#define DEEP_OVER   5000 /* beyond cJSON's nesting limit: the parse fails */
#define DEEP_UNDER  500

typedef struct run {
	rules_fn fn;
	void *ctx;
	size_t made, max;
	uint64_t rng;
	bool stop;
} run_t;

static uint64_t next_rand(run_t *r)
{
	uint64_t z = (r->rng += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static void emit(run_t *r, const char *doc, size_t len, bool may_zero, const char *what)
{
	if (r->stop || r->made >= r->max) {
		r->stop = true;
		return;
	}
	r->made++;
	if (!r->fn(r->ctx, doc, len, may_zero, what))
		r->stop = true;
}

/* Node k in document order, with its parent; *k counts down. */
static cJSON *find_node(cJSON *at, cJSON *parent, size_t *k, cJSON **parent_out)
{
	if (*k == 0) {
		*parent_out = parent;
		return at;
	}
	(*k)--;
	for (cJSON *ch = at->child; ch; ch = ch->next) {
		cJSON *hit = find_node(ch, at, k, parent_out);
		if (hit)
			return hit;
	}
	return NULL;
}

static size_t count_nodes(const cJSON *at)
{
	size_t n = 1;
	for (const cJSON *ch = at->child; ch; ch = ch->next)
		n += count_nodes(ch);
	return n;
}

typedef enum op { OP_REPLACE, OP_RAW, OP_DROP, OP_REPEAT } op_t;

/* Applies op at node k of a fresh parse and emits the result. */
static void mutate_node(run_t *r, const char *good, size_t len, size_t k, op_t op, cJSON *with,
                        const char *raw, bool may_zero, const char *what)
{
	cJSON *doc = cJSON_ParseWithLength(good, len);
	cJSON *parent = NULL;
	size_t left = k;
	cJSON *node = doc ? find_node(doc, NULL, &left, &parent) : NULL;
	if (!node || (op == OP_DROP && !parent) || (op == OP_REPEAT && !cJSON_IsArray(node))) {
		cJSON_Delete(with);
		cJSON_Delete(doc);
		return;
	}
	if (op == OP_RAW)
		with = cJSON_CreateString(PLACEHOLDER);
	if (op == OP_DROP) {
		cJSON_Delete(cJSON_DetachItemViaPointer(parent, node));
	} else if (op == OP_REPEAT) {
		size_t n = (size_t)cJSON_GetArraySize(node);
		cJSON *ch = node->child;
		for (size_t i = 0; i < n && ch; i++, ch = ch->next)
			cJSON_AddItemToArray(node, cJSON_Duplicate(ch, true));
	} else if (!parent) {
		cJSON_Delete(doc);
		doc = with;
	} else if (cJSON_IsObject(parent)) {
		cJSON_ReplaceItemInObjectCaseSensitive(parent, node->string, with);
	} else {
		cJSON_ReplaceItemViaPointer(parent, node, with);
	}
	char *text = cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	if (!text)
		return;
	char *at = op == OP_RAW ? strstr(text, "\"" PLACEHOLDER "\"") : NULL;
	if (at) {
		size_t head = (size_t)(at - text), ph = strlen(PLACEHOLDER) + 2;
		char *out = xasprintf("%.*s%s%s", (int)head, text, raw, at + ph);
		emit(r, out, strlen(out), may_zero, what);
		free(out);
	} else if (op != OP_RAW) {
		emit(r, text, strlen(text), may_zero, what);
	}
	free(text);
}

static const char *const nasty_strings[] = {
    "\x1b[2J\x1b[H",      /* clear the screen */
    "a\x1b]0;owned\x07z", /* retitle the terminal */
    "\x07\x08\x7f\r\n\t", /* C0 controls, DEL */
    "\xc2\x9b"
    "31m",                  /* 8-bit CSI (U+009B) */
    "\x9b\x9d\x85",         /* raw C1 bytes: invalid UTF-8 */
    "\xff\xfe\xfd",         /* never valid */
    "\xc0\xaf\xe0\x80\xaf", /* overlong */
    "\xed\xa0\x80",         /* a surrogate in UTF-8 */
    "\xe2\x80\xae"
    "evil",             /* right-to-left override */
    "\xf4\x90\x80\x80", /* beyond U+10FFFF */
    "\xe6\xb0",         /* cut in the middle of a character */
    "",                 /* empty */
};

static const struct {
	const char *text;
	bool zero;
} numbers[] = {
    {"1e308", false},
    {"-1e308", false},
    {"1e999", false},
    {"-1e999", false},
    {"1e-400", true},
    {"-0", true},
    {"0", true},
    {"5e-324", false},
    {"9007199254740993", false},
    {"-9223372036854775809", false},
    {"\"NaN\"", false},
    {"\"+Inf\"", false},
    {"\"-Inf\"", false},
    {"\"1e999\"", false},
    {"NaN", false},
    {"Infinity", false},
    {"\"0x1p3\"", false},
    {"\"\"", false},
};

static const struct {
	const char *text;
	bool zero;
} other_types[] = {
    {"null", false},   {"true", false},  {"false", false},      {"\"x\"", false},
    {"\"12\"", false}, {"[]", false},    {"{}", false},         {"0", true},
    {"[[[]]]", false}, {"[1,2]", false}, {"{\"a\":{}}", false},
};

static char *deep(size_t depth, bool closed)
{
	char *s = xmalloc(2 * depth + 1);
	memset(s, '[', depth);
	if (closed)
		memset(s + depth, ']', depth);
	s[closed ? 2 * depth : depth] = '\0';
	return s;
}

static char *long_string(size_t bytes)
{
	char *s = xmalloc(bytes + 1);
	static const char unit[] = "\xe6\xb0\xb4\x1b[31m\xff"
	                           "a"; /* 水, an escape, a bad byte */
	size_t n = sizeof unit - 1;
	for (size_t i = 0; i < bytes; i++)
		s[i] = unit[i % n];
	s[bytes] = '\0';
	return s;
}

static void mutate_tree(run_t *r, const char *good, size_t len, size_t nodes)
{
	char what[96];
	char *big = long_string(LONG_STRING);
	char *over = deep(DEEP_OVER, true), *under = deep(DEEP_UNDER, true);
	cJSON *doc = cJSON_ParseWithLength(good, len);
	for (size_t k = 0; k < nodes && !r->stop; k++) {
		cJSON *parent = NULL;
		size_t left = k;
		const cJSON *n = find_node(doc, NULL, &left, &parent);
		if (cJSON_IsString(n)) {
			size_t pick =
			    next_rand(r) % (sizeof nasty_strings / sizeof nasty_strings[0]);
			snprintf(what, sizeof what, "string #%zu: nasty %zu", k, pick);
			mutate_node(r, good, len, k, OP_REPLACE,
			            cJSON_CreateString(nasty_strings[pick]), NULL, false, what);
			snprintf(what, sizeof what, "string #%zu: %d bytes", k, LONG_STRING);
			mutate_node(r, good, len, k, OP_REPLACE, cJSON_CreateString(big), NULL,
			            false, what);
		}
		if (cJSON_IsNumber(n))
			for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
				snprintf(what, sizeof what, "number #%zu: %s", k, numbers[i].text);
				mutate_node(r, good, len, k, OP_RAW, NULL, numbers[i].text,
				            numbers[i].zero, what);
			}
		for (size_t i = 0; i < sizeof other_types / sizeof other_types[0]; i++) {
			snprintf(what, sizeof what, "node #%zu: %s", k, other_types[i].text);
			mutate_node(r, good, len, k, OP_RAW, NULL, other_types[i].text,
			            other_types[i].zero, what);
		}
		snprintf(what, sizeof what, "node #%zu dropped", k);
		mutate_node(r, good, len, k, OP_DROP, NULL, NULL, false, what);
		snprintf(what, sizeof what, "array #%zu: elements repeated", k);
		mutate_node(r, good, len, k, OP_REPEAT, NULL, NULL, false, what);
		if (next_rand(r) % 8 == 0) {
			snprintf(what, sizeof what, "node #%zu: nested %d deep", k, DEEP_OVER);
			mutate_node(r, good, len, k, OP_RAW, NULL, over, false, what);
			snprintf(what, sizeof what, "node #%zu: nested %d deep", k, DEEP_UNDER);
			mutate_node(r, good, len, k, OP_RAW, NULL, under, false, what);
		}
	}
	cJSON_Delete(doc);
	free(big);
	free(over);
	free(under);
}

size_t rules_mutate(const char *good, size_t len, uint64_t seed, size_t max, rules_fn fn, void *ctx)
{
	run_t r = {.fn = fn, .ctx = ctx, .max = max, .rng = seed};
	char what[96];
	/* Cut every few bytes (about 150 cuts, whatever the size). */
	size_t step = len / 150 + 1;
	for (size_t cut = 0; cut < len && !r.stop; cut += step) {
		snprintf(what, sizeof what, "cut at byte %zu", cut);
		emit(&r, good, cut, false, what);
	}
	cJSON *doc = cJSON_ParseWithLength(good, len);
	size_t nodes = doc ? count_nodes(doc) : 0;
	cJSON_Delete(doc);
	mutate_tree(&r, good, len, nodes);
	/* A whole document of nesting, and random bytes changed. */
	char *open = deep(100000, false);
	emit(&r, open, strlen(open), false, "100000 [ unclosed");
	free(open);
	char *copy = xmalloc(len ? len : 1);
	for (int i = 0; i < 200 && len && !r.stop; i++) {
		memcpy(copy, good, len);
		size_t at = (size_t)(next_rand(&r) % len);
		copy[at] = (char)(next_rand(&r) & 0xff);
		snprintf(what, sizeof what, "byte %zu set to 0x%02x", at, (unsigned char)copy[at]);
		emit(&r, copy, len, true, what);
	}
	free(copy);
	return r.made;
}
