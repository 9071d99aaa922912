/* keyindex: an open-addressing hash index from a (source, id) key to a
 * position in the caller's array. FNV-1a, linear probing, capacity a power of
 * two grown at 70% load; removal shifts the rest of the probe chain back, so
 * there are no tombstones and lookups never slow down after removals.
 *
 * Ownership: the index owns its slot array (freed by keyindex_free) but only
 * borrows the id strings: each id passed to keyindex_put must stay alive and
 * unchanged until that key is removed, put again with another pointer, or the
 * index is freed. The store points it at the id its items own. */
#ifndef CITYDASH_KEYINDEX_H
#define CITYDASH_KEYINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct keyindex_slot keyindex_slot_t;

/* Embed by value; the fields are private to keyindex.c. */
typedef struct keyindex {
	keyindex_slot_t *slots;
	size_t cap, count;
} keyindex_t;

/* An empty index; it allocates nothing until the first put. */
void keyindex_init(keyindex_t *ix);
/* Frees the slots; the index is then empty and may be used again. */
void keyindex_free(keyindex_t *ix);

/* Returns the position stored for (source, id), or -1. id must not be NULL. */
long keyindex_find(const keyindex_t *ix, int source, const char *id);
/* Maps (source, id) to pos. A key already present gets the new pos and
 * borrows the new id pointer (so a caller may move or re-create its item). */
void keyindex_put(keyindex_t *ix, int source, const char *id, size_t pos);
/* Removes (source, id); returns false if it was not there. */
bool keyindex_remove(keyindex_t *ix, int source, const char *id);
/* Number of keys held. */
size_t keyindex_count(const keyindex_t *ix);
/* Bytes of one slot; the index holds at most 1/0.35 slots per key held
 * (it doubles at 70% load), and never shrinks. */
size_t keyindex_slot_bytes(void);

/* The 32-bit FNV-1a hash of the key; a key's home slot is its low bits.
 * Public so that tests can build colliding keys. */
uint32_t keyindex_hash(int source, const char *id);

#endif
