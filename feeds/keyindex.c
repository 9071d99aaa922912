#include "keyindex.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

#define KEYINDEX_MIN_CAP 64

/* The full hash is kept so that most probes and every regrowth avoid
 * touching the id strings. An empty slot has id == NULL. */
struct keyindex_slot {
	const char *id;
	int source;
	uint32_t hash;
	size_t pos;
};

/* A per-process seed, so that a feed cannot prepare ids that all collide
 * (which would turn every lookup into a scan). Not cryptographic: it raises
 * the bar from "compute offline" to "guess a random number". */
static uint32_t hash_seed(void)
{
	static uint32_t seed;
	static bool ready;
	if (!ready) {
		if (getrandom(&seed, sizeof seed, GRND_NONBLOCK) != (ssize_t)sizeof seed)
			seed = (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16);
		ready = true;
	}
	return seed;
}

uint32_t keyindex_hash(int source, const char *id)
{
	uint32_t h = 2166136261u ^ hash_seed();
	uint32_t s = (uint32_t)source;
	for (int i = 0; i < 4; i++) {
		h ^= (s >> (8 * i)) & 0xffu;
		h *= 16777619u;
	}
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		h ^= *p;
		h *= 16777619u;
	}
	return h;
}

void keyindex_init(keyindex_t *ix)
{
	ix->slots = NULL;
	ix->cap = 0;
	ix->count = 0;
}

void keyindex_free(keyindex_t *ix)
{
	free(ix->slots);
	keyindex_init(ix);
}

size_t keyindex_count(const keyindex_t *ix)
{
	return ix->count;
}

size_t keyindex_slot_bytes(void)
{
	return sizeof(keyindex_slot_t);
}

/* Slot holding the key, or SIZE_MAX. */
static size_t slot_find(const keyindex_t *ix, uint32_t hash, int source, const char *id)
{
	if (!ix->cap)
		return SIZE_MAX;
	size_t mask = ix->cap - 1;
	for (size_t i = hash & mask; ix->slots[i].id; i = (i + 1) & mask) {
		const keyindex_slot_t *s = &ix->slots[i];
		if (s->hash == hash && s->source == source && strcmp(s->id, id) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Places a slot known to be absent; the caller guarantees a free slot. */
static void slot_place(keyindex_t *ix, const keyindex_slot_t *s)
{
	size_t mask = ix->cap - 1;
	size_t i = s->hash & mask;
	while (ix->slots[i].id)
		i = (i + 1) & mask;
	ix->slots[i] = *s;
}

static void grow(keyindex_t *ix)
{
	keyindex_slot_t *old = ix->slots;
	size_t old_cap = ix->cap;
	ix->cap = old_cap ? old_cap * 2 : KEYINDEX_MIN_CAP;
	ix->slots = xcalloc(ix->cap, sizeof *ix->slots);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].id)
			slot_place(ix, &old[i]);
	free(old);
}

long keyindex_find(const keyindex_t *ix, int source, const char *id)
{
	size_t i = slot_find(ix, keyindex_hash(source, id), source, id);
	return i == SIZE_MAX ? -1 : (long)ix->slots[i].pos;
}

void keyindex_put(keyindex_t *ix, int source, const char *id, size_t pos)
{
	uint32_t hash = keyindex_hash(source, id);
	size_t i = slot_find(ix, hash, source, id);
	if (i != SIZE_MAX) {
		ix->slots[i].id = id;
		ix->slots[i].pos = pos;
		return;
	}
	/* Keep the load under 70% so probe chains stay short. */
	if ((ix->count + 1) * 10 >= ix->cap * 7)
		grow(ix);
	slot_place(ix, &(keyindex_slot_t){id, source, hash, pos});
	ix->count++;
}

/* Backward-shift deletion: after emptying slot `hole`, each later entry of
 * the run moves into the hole unless its home slot lies cyclically in
 * (hole, j], where moving it would put it before its home and lose it. */
bool keyindex_remove(keyindex_t *ix, int source, const char *id)
{
	size_t hole = slot_find(ix, keyindex_hash(source, id), source, id);
	if (hole == SIZE_MAX)
		return false;
	size_t mask = ix->cap - 1;
	for (size_t j = (hole + 1) & mask; ix->slots[j].id; j = (j + 1) & mask) {
		size_t home = ix->slots[j].hash & mask;
		bool stays = hole < j ? (hole < home && home <= j) : (hole < home || home <= j);
		if (stays)
			continue;
		ix->slots[hole] = ix->slots[j];
		hole = j;
	}
	ix->slots[hole] = (keyindex_slot_t){0};
	ix->count--;
	return true;
}
