/* filter: which rows match the text filter (filter.h). Case folding by
 * utf8proc; fields are folded into a stack buffer as they are compared, so
 * filtering a long list allocates nothing but the list. */
#include "filter.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "xalloc.h"

/* Bytes of a folded string kept on the stack; longer fields are folded on
 * the heap. Folding grows text at most 3x (U+0390 → 3 code points). */
#define FOLD_STACK        512
#define FOLDED_FILTER_MAX (NAV_FILTER_MAX * 4 + 1)
#define FILTER_WORDS_MAX  (NAV_FILTER_MAX / 2 + 1)

/* Writes the case fold of s into dst (cap bytes, always terminated when
 * cap > 0); returns the length the whole fold needs. */
static size_t fold_into(const char *s, char *dst, size_t cap)
{
	size_t len = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_uint8_t enc[4 * 4];
		size_t n = 0;
		if (*p < 0x80) { /* ASCII, the usual case */
			enc[n++] = (utf8proc_uint8_t)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t used = utf8proc_iterate(p, -1, &cp);
			if (used <= 0) { /* not sanitized text: skip the byte */
				p++;
				continue;
			}
			p += used;
			utf8proc_int32_t folded[4];
			int last = 0;
			utf8proc_ssize_t k =
			    utf8proc_decompose_char(cp, folded, 4, UTF8PROC_CASEFOLD, &last);
			if (k <= 0 || k > 4) {
				folded[0] = cp;
				k = 1;
			}
			for (utf8proc_ssize_t i = 0; i < k; i++)
				n += (size_t)utf8proc_encode_char(folded[i], enc + n);
		}
		for (size_t i = 0; i < n; i++, len++)
			if (len + 1 < cap)
				dst[len] = (char)enc[i];
	}
	if (cap)
		dst[len < cap ? len : cap - 1] = '\0';
	return len;
}

/* The filter, folded and split into words. */
typedef struct compiled {
	char folded[FOLDED_FILTER_MAX];
	const char *words[FILTER_WORDS_MAX];
	int count;
} compiled_t;

static void compile(compiled_t *c, const char *filter)
{
	fold_into(filter, c->folded, sizeof c->folded);
	c->count = 0;
	for (char *t = c->folded; *t && c->count < FILTER_WORDS_MAX;) {
		while (*t == ' ')
			*t++ = '\0';
		if (!*t)
			break;
		c->words[c->count++] = t;
		while (*t && *t != ' ')
			t++;
	}
}

/* Marks in found[] the words of c that the field holds. */
static void find_words(const compiled_t *c, const char *field, bool *found)
{
	char stack[FOLD_STACK];
	char *folded = stack;
	size_t need = fold_into(field, stack, sizeof stack);
	if (need >= sizeof stack) {
		folded = xmalloc(need + 1);
		fold_into(field, folded, need + 1);
	}
	for (int i = 0; i < c->count; i++)
		if (!found[i] && strstr(folded, c->words[i]))
			found[i] = true;
	if (folded != stack)
		free(folded);
}

/* The filter compiled, kept for the next row: a list is filtered row by
 * row with the same text, which is folded and split once. */
static const compiled_t *compiled_for(const char *filter, compiled_t *scratch)
{
	static char source[NAV_FILTER_MAX + 1];
	static compiled_t c;
	static bool ready;
	if (strlen(filter) >= sizeof source) { /* longer than a typed filter: not kept */
		compile(scratch, filter);
		return scratch;
	}
	if (!ready || strcmp(source, filter) != 0) {
		snprintf(source, sizeof source, "%s", filter);
		compile(&c, filter);
		ready = true;
	}
	return &c;
}

bool filter_fields(const char *filter, const char *const *fields, int n)
{
	if (!filter || !filter[0])
		return true;
	compiled_t scratch;
	const compiled_t *c = compiled_for(filter, &scratch);
	if (c->count == 0)
		return true; /* only spaces */
	bool found[FILTER_WORDS_MAX] = {false};
	for (int f = 0; f < n; f++)
		if (fields[f])
			find_words(c, fields[f], found);
	for (int i = 0; i < c->count; i++)
		if (!found[i])
			return false;
	return true;
}

bool filter_text(const char *filter, const char *text)
{
	return filter_fields(filter, &text, 1);
}

bool filter_reading(const ui_ctx_t *ctx, const char *filter, size_t reading)
{
	if (!filter || !filter[0])
		return true;
	if (!ctx->store || reading >= store_reading_count(ctx->store))
		return false;
	const reading_t *r = store_reading(ctx->store, reading);
	if (!r)
		return false;
	const char *fields[] = {r->name, r->id, r->district, r->street, r->domain_token};
	return filter_fields(filter, fields, (int)(sizeof fields / sizeof fields[0]));
}

bool filter_alarm(const ui_ctx_t *ctx, const char *filter, const alarm_info_t *a)
{
	if (!filter || !filter[0])
		return true;
	if (!a)
		return false;
	const char *fields[6] = {a->id};
	int n = 1;
	if (a->kind == ALARM_KIND_COMM) {
		if (ctx->store && a->index < store_source_count(ctx->store))
			fields[n++] = store_source(ctx->store, (int)a->index)->name;
	} else if (ctx->store && a->index < store_reading_count(ctx->store)) {
		const reading_t *r = store_reading(ctx->store, a->index);
		if (r) {
			fields[n++] = r->name;
			fields[n++] = r->id;
			fields[n++] = r->district;
			fields[n++] = r->street;
		}
	}
	return filter_fields(filter, fields, n);
}

bool filter_kpi(const char *filter, const kpi_t *k)
{
	if (!filter || !filter[0])
		return true;
	if (!k)
		return false;
	const char *fields[] = {k->name, k->id, k->category, k->district, k->street};
	return filter_fields(filter, fields, (int)(sizeof fields / sizeof fields[0]));
}

bool filter_event(const char *filter, const event_t *e)
{
	if (!filter || !filter[0])
		return true;
	if (!e)
		return false;
	const char *fields[] = {e->title, e->id, e->type_name, e->category, e->district, e->street};
	return filter_fields(filter, fields, (int)(sizeof fields / sizeof fields[0]));
}

bool filter_source(const ui_ctx_t *ctx, const char *filter, int source)
{
	if (!filter || !filter[0])
		return true;
	if (!ctx->store || source < 0 || (size_t)source >= store_source_count(ctx->store))
		return false;
	const source_status_t *s = store_source(ctx->store, source);
	const char *fields[] = {s->name, s->url};
	return filter_fields(filter, fields, 2);
}

void filter_rows_readings(filter_rows_t *fr, const ui_ctx_t *ctx, const char *filter,
                          const size_t *list, size_t n)
{
	*fr = (filter_rows_t){.rows = list, .count = n, .total = n};
	if (!filter || !filter[0] || n == 0)
		return;
	fr->owned = xreallocarray(NULL, n, sizeof *fr->owned);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (filter_reading(ctx, filter, list[i]))
			fr->owned[k++] = list[i];
	fr->rows = fr->owned;
	fr->count = k;
}

void filter_rows_free(filter_rows_t *fr)
{
	free(fr->owned);
	*fr = (filter_rows_t){0};
}

void filter_refs_events(filter_refs_t *fr, const store_t *st, const char *filter,
                        const gov_ref_t *list, size_t n)
{
	*fr = (filter_refs_t){.refs = list, .count = n, .total = n};
	if (!filter || !filter[0] || n == 0)
		return;
	fr->owned = xreallocarray(NULL, n, sizeof *fr->owned);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (filter_event(filter, gov_event(st, list[i])))
			fr->owned[k++] = list[i];
	fr->refs = fr->owned;
	fr->count = k;
}

void filter_refs_free(filter_refs_t *fr)
{
	free(fr->owned);
	*fr = (filter_refs_t){0};
}

void filter_title_note(const nav_t *nav, size_t shown, size_t total, char *buf, size_t size)
{
	if (!nav->filter[0]) {
		if (size)
			buf[0] = '\0';
		return;
	}
	snprintf(buf, size, _(" (%zu of %zu match)"), shown, total);
}
