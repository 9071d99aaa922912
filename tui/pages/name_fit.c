#include "name_fit.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "glyphs.h"
#include "text.h"
#include "xalloc.h"

/* Where a name may be cut: the start of each grapheme cluster, with the
 * columns before it; the last entry is the end of the name. */
typedef struct cuts {
	size_t *off;
	int *col;
	size_t n;
	int total;
} cuts_t;

static void cuts_of(const char *s, cuts_t *c)
{
	size_t len = strlen(s);
	/* At most one cluster per byte, plus the end. */
	c->off = xmalloc((len + 1) * sizeof *c->off);
	c->col = xmalloc((len + 1) * sizeof *c->col);
	c->n = 0;
	text_iter_t it = {.s = s};
	text_cell_t cell;
	size_t at = 0, took;
	int cols = 0;
	while ((took = text_iter_next(&it, &cell)) > 0) {
		if (cell.cluster_start || c->n == 0) {
			c->off[c->n] = at;
			c->col[c->n++] = cols;
		}
		cols += cell.cols;
		at += took;
	}
	c->off[c->n] = len;
	c->col[c->n++] = cols;
	c->total = cols;
}

static void cuts_free(cuts_t *c)
{
	free(c->off);
	free(c->col);
}

/* Index of the longest head in `cols` columns. */
static size_t head_end(const cuts_t *c, int cols)
{
	size_t k = 0;
	while (k + 1 < c->n && c->col[k + 1] <= cols)
		k++;
	return k;
}

/* Index where the longest tail in `cols` columns starts. */
static size_t tail_start(const cuts_t *c, int cols)
{
	size_t k = c->n - 1;
	while (k > 0 && c->total - c->col[k - 1] <= cols)
		k--;
	return k;
}

static const char *ellipsis(void)
{
	return glyphs()->ascii ? ".." : "…";
}

/* The usual columns of the tail (the measure): half, the odd column to it. */
static int default_tail(int avail)
{
	return (avail + 1) / 2;
}

static char *join(const char *s, size_t head, const char *mid, size_t tail_from)
{
	size_t ml = strlen(mid), tl = strlen(s + tail_from);
	char *out = xmalloc(head + ml + tl + 1);
	memcpy(out, s, head);
	memcpy(out + head, mid, ml);
	memcpy(out + head + ml, s + tail_from, tl + 1);
	return out;
}

/* Cuts s to width with about `tail` columns of tail; leftover columns go
 * back to whichever side can use them. */
static char *fit_at(const char *s, const cuts_t *c, int width, int tail)
{
	if (width <= 0)
		return xstrdup("");
	if (c->total <= width)
		return xstrdup(s);
	const char *ell = ellipsis();
	int avail = width - text_width(ell);
	if (avail < 2) /* no room for both ends: the head alone */
		return join(s, c->off[head_end(c, width)], "", strlen(s));
	if (tail < 0)
		tail = 0;
	if (tail > avail)
		tail = avail;
	size_t tk = tail_start(c, tail);
	size_t hk = head_end(c, avail - (c->total - c->col[tk]));
	tk = tail_start(c, avail - c->col[hk]);
	if (tk < hk) /* cannot happen while the name is wider than width */
		tk = hk;
	return join(s, c->off[hk], ell, c->off[tk]);
}

char *name_fit(const char *name, int width)
{
	cuts_t c;
	cuts_of(name, &c);
	char *out = fit_at(name, &c, width, default_tail(width - text_width(ellipsis())));
	cuts_free(&c);
	return out;
}

/* True when out[i] equals the cut of another name that is not the same name. */
static bool collides(const char *const *names, char **out, size_t n, size_t i)
{
	for (size_t j = 0; j < n; j++)
		if (j != i && strcmp(out[i], out[j]) == 0 && strcmp(names[i], names[j]) != 0)
			return true;
	return false;
}

/* Cuts the group (members in[i]) at tail columns `tail` into try[]; true if
 * then no member collides with another name. */
static bool try_split(const char *const *names, char **out, size_t n, const cuts_t *c,
                      const bool *in, int width, int tail, char **try)
{
	for (size_t i = 0; i < n; i++)
		try[i] = in[i] ? fit_at(names[i], &c[i], width, tail) : out[i];
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++)
		if (in[i])
			ok = !collides(names, try, n, i);
	return ok;
}

void name_fit_many(const char *const *names, size_t n, int width, char **out)
{
	if (n == 0)
		return;
	cuts_t *c = xcalloc(n, sizeof *c);
	bool *stuck = xcalloc(n, sizeof *stuck);
	bool *in = xcalloc(n, sizeof *in);
	char **try = xcalloc(n, sizeof *try);
	int avail = width - text_width(ellipsis());
	int usual = default_tail(avail);
	for (size_t i = 0; i < n; i++) {
		cuts_of(names[i], &c[i]);
		out[i] = fit_at(names[i], &c[i], width, usual);
	}
	for (size_t pass = 0; pass < n; pass++) {
		size_t first = n;
		for (size_t i = 0; i < n && first == n; i++)
			if (!stuck[i] && collides(names, out, n, i))
				first = i;
		if (first == n)
			break;
		for (size_t i = 0; i < n; i++)
			in[i] = strcmp(out[i], out[first]) == 0;
		bool done = false;
		/* Splits nearest the usual one first: +1, -1, +2, -2, ... */
		for (int step = 1; !done && step <= 2 * avail + 1; step++) {
			int tail = usual + (step % 2 ? (step + 1) / 2 : -(step / 2));
			if (tail < 0 || tail > avail)
				continue;
			done = try_split(names, out, n, c, in, width, tail, try);
			for (size_t i = 0; i < n; i++) {
				if (!in[i])
					continue;
				if (done) {
					free(out[i]);
					out[i] = try[i];
				} else {
					free(try[i]);
				}
			}
		}
		if (!done)
			for (size_t i = 0; i < n; i++)
				stuck[i] |= in[i];
	}
	for (size_t i = 0; i < n; i++)
		cuts_free(&c[i]);
	free(c);
	free(stuck);
	free(in);
	free(try);
}

void name_fit_free(char **out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(out[i]);
		out[i] = NULL;
	}
}
