#include "json_pointer.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

typedef struct token {
	char *name;   /* unescaped */
	long index;   /* as an array index, or -1 if it is not one */
} token_t;

struct json_pointer {
	char *text;
	token_t *tokens;
	size_t count;
};

bool json_pointer_valid(const char *s, const char **why)
{
	if (!s) {
		if (why)
			*why = N_("no pointer");
		return false;
	}
	if (s[0] && s[0] != '/') {
		if (why)
			*why = N_("a JSON Pointer is empty or starts with \"/\"");
		return false;
	}
	for (const char *p = s; *p; p++) {
		if (*p == '~' && p[1] != '0' && p[1] != '1') {
			if (why)
				*why = N_("\"~\" must be followed by 0 or 1 (~0 is ~, ~1 is /)");
			return false;
		}
	}
	return true;
}

/* "0", or digits without a leading zero; -1 otherwise (and beyond a long). */
static long array_index(const char *t)
{
	if (!t[0] || (t[0] == '0' && t[1]))
		return -1;
	long v = 0;
	for (const char *p = t; *p; p++) {
		if (*p < '0' || *p > '9' || v > (LONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v;
}

json_pointer_t *json_pointer_compile(const char *s)
{
	if (!json_pointer_valid(s, NULL))
		return NULL;
	json_pointer_t *p = xcalloc(1, sizeof *p);
	p->text = xstrdup(s);
	for (const char *c = s; *c; c++)
		p->count += *c == '/';
	p->tokens = xcalloc(p->count ? p->count : 1, sizeof *p->tokens);
	const char *at = s;
	for (size_t i = 0; i < p->count; i++) {
		at++; /* the "/" */
		size_t n = strcspn(at, "/");
		char *name = xmalloc(n + 1), *o = name;
		for (size_t k = 0; k < n; k++) {
			if (at[k] == '~') {
				*o++ = at[k + 1] == '0' ? '~' : '/';
				k++;
			} else {
				*o++ = at[k];
			}
		}
		*o = '\0';
		p->tokens[i] = (token_t){name, array_index(name)};
		at += n;
	}
	return p;
}

void json_pointer_free(json_pointer_t *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->count; i++)
		free(p->tokens[i].name);
	free(p->tokens);
	free(p->text);
	free(p);
}

const char *json_pointer_text(const json_pointer_t *p)
{
	return p->text;
}

const cJSON *json_pointer_get(const json_pointer_t *p, const cJSON *root)
{
	const cJSON *at = root;
	for (size_t i = 0; at && i < p->count; i++) {
		const token_t *t = &p->tokens[i];
		if (cJSON_IsObject(at)) {
			at = cJSON_GetObjectItemCaseSensitive(at, t->name);
		} else if (cJSON_IsArray(at) && t->index >= 0) {
			const cJSON *el = at->child;
			for (long k = 0; el && k < t->index; k++)
				el = el->next;
			at = el;
		} else {
			return NULL;
		}
	}
	return at;
}
