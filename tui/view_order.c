#include "view_order.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* What a store slot was ordered as at the last update. */
typedef struct slot {
	uint64_t serial;        /* the reading in the lists from this slot; 0: none */
	uint32_t place_version; /* its place then (store.h) */
	domain_t domain;        /* the domain whose lists hold it */
	int rank;               /* its worst key then */
	double order;
} slot_t;

/* Per slot, for one update: leaves a list (OUT) or enters one (IN). */
enum {
	OUT_PLACE = 1u << 0,
	OUT_WORST = 1u << 1,
	IN_PLACE = 1u << 2,
	IN_WORST = 1u << 3,
};

typedef struct place_key {
	const char *district, *street, *id;
	size_t reading;
} place_key_t;

struct view_order {
	slot_t *slots;
	size_t count, cap; /* slots covered; allocated */
	/* Scratch for one update, cap of each. */
	uint8_t *moves;        /* OUT_* | IN_* by slot */
	size_t *entering;      /* slots with an IN_* move */
	place_key_t *place_in; /* the keys entering one domain's list */
	worst_key_t *worst_in;
};

view_order_t *view_order_create(void)
{
	return xcalloc(1, sizeof(view_order_t));
}

void view_order_destroy(view_order_t *o)
{
	if (!o)
		return;
	free(o->slots);
	free(o->moves);
	free(o->entering);
	free(o->place_in);
	free(o->worst_in);
	free(o);
}

static int compare_worst(const void *a, const void *b)
{
	const worst_key_t *ka = a, *kb = b;
	if (ka->rank != kb->rank)
		return ka->rank - kb->rank;
	if (ka->order != kb->order)
		return ka->order > kb->order ? -1 : 1;
	return ka->reading < kb->reading ? -1 : ka->reading > kb->reading;
}

static int compare_place(const void *a, const void *b)
{
	const place_key_t *ka = a, *kb = b;
	int c = strcmp(ka->district, kb->district);
	if (!c)
		c = strcmp(ka->street, kb->street);
	if (!c)
		c = strcmp(ka->id, kb->id);
	return c ? c : (ka->reading < kb->reading ? -1 : ka->reading > kb->reading);
}

static place_key_t place_key(const store_t *st, size_t i)
{
	const reading_t *r = store_reading(st, i);
	return (place_key_t){r->district, r->street, r->id, i};
}

static void reserve(view_order_t *o, size_t need)
{
	if (need <= o->cap)
		return;
	size_t cap = o->cap * 2 > need ? o->cap * 2 : need + 64;
	o->slots = xreallocarray(o->slots, cap, sizeof *o->slots);
	memset(o->slots + o->cap, 0, (cap - o->cap) * sizeof *o->slots);
	o->moves = xreallocarray(o->moves, cap, sizeof *o->moves);
	o->entering = xreallocarray(o->entering, cap, sizeof *o->entering);
	o->place_in = xreallocarray(o->place_in, cap, sizeof *o->place_in);
	o->worst_in = xreallocarray(o->worst_in, cap, sizeof *o->worst_in);
	o->cap = cap;
}

static void grow_lists(domain_view_t *dv, size_t need)
{
	if (need <= dv->cap)
		return;
	dv->cap = dv->cap * 2 > need ? dv->cap * 2 : need + 64;
	dv->worst = xreallocarray(dv->worst, dv->cap, sizeof *dv->worst);
	dv->by_place = xreallocarray(dv->by_place, dv->cap, sizeof *dv->by_place);
}

/* Drops from list[0..len) the slots with the move `out`; returns the length left. */
static size_t list_drop(size_t *list, size_t len, const uint8_t *moves, unsigned out)
{
	size_t kept = 0;
	for (size_t j = 0; j < len; j++)
		if (!(moves[list[j]] & out))
			list[kept++] = list[j];
	return kept;
}

/* One domain's by-place list: out with the slots leaving it, in with those
 * entering it, sorted among themselves and merged from the back (the list
 * has room for both). */
static void place_list_update(view_order_t *o, domain_view_t *dv, domain_t d, const store_t *st,
                              size_t entering, size_t old_len, size_t new_len)
{
	size_t kept = list_drop(dv->by_place, old_len, o->moves, OUT_PLACE), q = 0;
	for (size_t e = 0; e < entering; e++) {
		size_t i = o->entering[e];
		if ((o->moves[i] & IN_PLACE) && o->slots[i].domain == d)
			o->place_in[q++] = place_key(st, i);
	}
	if (q > 1)
		qsort(o->place_in, q, sizeof *o->place_in, compare_place);
	size_t a = kept, out = new_len;
	while (q > 0) {
		place_key_t ka;
		if (a > 0 && (ka = place_key(st, dv->by_place[a - 1]),
		              compare_place(&ka, &o->place_in[q - 1]) > 0))
			dv->by_place[--out] = dv->by_place[--a];
		else
			dv->by_place[--out] = o->place_in[--q].reading;
	}
}

/* The same for the worst-first list, with the keys of this update. */
static void worst_list_update(view_order_t *o, domain_view_t *dv, domain_t d,
                              const worst_key_t *keys, size_t entering, size_t old_len,
                              size_t new_len)
{
	size_t kept = list_drop(dv->worst, old_len, o->moves, OUT_WORST), q = 0;
	for (size_t e = 0; e < entering; e++) {
		size_t i = o->entering[e];
		if ((o->moves[i] & IN_WORST) && o->slots[i].domain == d)
			o->worst_in[q++] = keys[i];
	}
	if (q > 1)
		qsort(o->worst_in, q, sizeof *o->worst_in, compare_worst);
	size_t a = kept, out = new_len;
	while (q > 0) {
		if (a > 0 && compare_worst(&keys[dv->worst[a - 1]], &o->worst_in[q - 1]) > 0)
			dv->worst[--out] = dv->worst[--a];
		else
			dv->worst[--out] = o->worst_in[--q].reading;
	}
}

/* Compares slot i with the store and this update's key: records its moves,
 * marks the domains whose lists change, and remembers the slot as it is now. */
static uint8_t slot_moves(slot_t *s, const reading_t *r, const worst_key_t *key,
                          unsigned *dirty_place, unsigned *dirty_worst)
{
	bool was = s->serial != 0;
	bool placed = was && r && s->serial == r->serial && s->place_version == r->place_version;
	bool ranked = placed && s->rank == key->rank && s->order == key->order;
	uint8_t m = 0;
	if (was && !placed) {
		m |= OUT_PLACE;
		*dirty_place |= 1u << s->domain;
	}
	if (was && !ranked) {
		m |= OUT_WORST;
		*dirty_worst |= 1u << s->domain;
	}
	if (!r) {
		s->serial = 0;
		return m;
	}
	if (!placed) {
		m |= IN_PLACE;
		*dirty_place |= 1u << r->domain;
	}
	if (!ranked) {
		m |= IN_WORST;
		*dirty_worst |= 1u << r->domain;
	}
	*s = (slot_t){r->serial, r->place_version, r->domain, key->rank, key->order};
	return m;
}

void view_order_update(view_order_t *o, domain_view_t *domains, const store_t *st,
                       const worst_key_t *keys, const bool *in_scope)
{
	size_t n = store_reading_count(st);
	size_t m = n > o->count ? n : o->count;
	reserve(o, m);
	unsigned dirty_place = 0, dirty_worst = 0;
	size_t entering = 0, len[DOMAIN_COUNT] = {0};
	for (size_t i = 0; i < m; i++) {
		const reading_t *r = i < n ? store_reading(st, i) : NULL;
		if (r && in_scope && !in_scope[i])
			r = NULL; /* out of scope: in no list */
		uint8_t mv =
		    slot_moves(&o->slots[i], r, r ? &keys[i] : NULL, &dirty_place, &dirty_worst);
		o->moves[i] = mv;
		if (mv & (IN_PLACE | IN_WORST))
			o->entering[entering++] = i;
		if (r)
			len[r->domain]++;
	}
	o->count = n;
	for (int d = 0; d < DOMAIN_COUNT; d++) {
		domain_view_t *dv = &domains[d];
		size_t old_len = dv->total;
		grow_lists(dv, len[d]);
		if (dirty_place & (1u << d))
			place_list_update(o, dv, (domain_t)d, st, entering, old_len, len[d]);
		if (dirty_worst & (1u << d))
			worst_list_update(o, dv, (domain_t)d, keys, entering, old_len, len[d]);
		dv->total = (unsigned)len[d];
	}
}
