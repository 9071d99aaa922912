/* Unit tests for feeds/keyindex.c: put/find/remove, growth, (source, id) as
 * the key, and removal from the middle of collision chains (including one
 * that wraps past the last slot), checked against a simple model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "keyindex.h"

#define ID_LEN 24

/* Low bits that fix the home slot for every capacity up to 1024 slots. */
#define HOME_BITS 1023u

typedef struct key {
	int source;
	char id[ID_LEN];
	bool present;
	size_t pos;
} tkey_t;

/* Fills out[0..n-1] with distinct ids ("<prefix><k>") of `source` whose hash
 * has the given low bits, so they share one home slot in any small index. */
static void keys_with_home(tkey_t *out, int n, int source, const char *prefix, uint32_t home)
{
	int found = 0;
	for (int k = 0; k < 4000000 && found < n; k++) {
		char id[ID_LEN];
		snprintf(id, sizeof id, "%s%d", prefix, k);
		if ((keyindex_hash(source, id) & HOME_BITS) != home)
			continue;
		out[found] = (tkey_t){.source = source};
		memcpy(out[found].id, id, sizeof id);
		found++;
	}
	assert_int_equal(found, n);
}

static void put(keyindex_t *ix, tkey_t *k, size_t pos)
{
	keyindex_put(ix, k->source, k->id, pos);
	k->present = true;
	k->pos = pos;
}

static void del(keyindex_t *ix, tkey_t *k)
{
	assert_int_equal(keyindex_remove(ix, k->source, k->id), k->present);
	k->present = false;
}

/* Every key is found exactly where the model says, or not at all. */
static void check(const keyindex_t *ix, const tkey_t *keys, size_t n)
{
	size_t present = 0;
	for (size_t i = 0; i < n; i++) {
		long got = keyindex_find(ix, keys[i].source, keys[i].id);
		if (keys[i].present) {
			assert_int_equal(got, (long)keys[i].pos);
			present++;
		} else {
			assert_int_equal(got, -1);
		}
	}
	assert_int_equal(keyindex_count(ix), present);
}

static void test_empty(void **state)
{
	(void)state;
	keyindex_t ix;
	keyindex_init(&ix);
	assert_int_equal(keyindex_find(&ix, 0, "a"), -1);
	assert_false(keyindex_remove(&ix, 0, "a"));
	assert_int_equal(keyindex_count(&ix), 0);
	keyindex_free(&ix);
	keyindex_free(&ix); /* an empty index frees nothing twice */
}

static void test_put_find_remove(void **state)
{
	(void)state;
	keyindex_t ix;
	keyindex_init(&ix);
	keyindex_put(&ix, 0, "pump.7", 3);
	keyindex_put(&ix, 0, "valve.2", 0);
	assert_int_equal(keyindex_find(&ix, 0, "pump.7"), 3);
	assert_int_equal(keyindex_find(&ix, 0, "valve.2"), 0);
	assert_int_equal(keyindex_find(&ix, 0, "pump.8"), -1);
	assert_int_equal(keyindex_find(&ix, 0, ""), -1);
	assert_int_equal(keyindex_count(&ix), 2);

	/* A second put moves the key and takes the new id pointer. */
	char moved[] = "pump.7";
	keyindex_put(&ix, 0, moved, 9);
	assert_int_equal(keyindex_count(&ix), 2);
	assert_int_equal(keyindex_find(&ix, 0, "pump.7"), 9);

	assert_true(keyindex_remove(&ix, 0, "pump.7"));
	assert_false(keyindex_remove(&ix, 0, "pump.7"));
	assert_int_equal(keyindex_find(&ix, 0, "pump.7"), -1);
	assert_int_equal(keyindex_find(&ix, 0, "valve.2"), 0);
	assert_int_equal(keyindex_count(&ix), 1);

	/* The empty id is a key like any other. */
	keyindex_put(&ix, 0, "", 5);
	assert_int_equal(keyindex_find(&ix, 0, ""), 5);
	keyindex_free(&ix);
	assert_int_equal(keyindex_count(&ix), 0);
	assert_int_equal(keyindex_find(&ix, 0, "valve.2"), -1);
}

static void test_sources_distinct(void **state)
{
	(void)state;
	keyindex_t ix;
	keyindex_init(&ix);
	const int sources[] = {0, 1, 2, 256, -1};
	for (size_t s = 0; s < 5; s++)
		keyindex_put(&ix, sources[s], "sensor.1", 100 + s);
	assert_int_equal(keyindex_count(&ix), 5);
	for (size_t s = 0; s < 5; s++)
		assert_int_equal(keyindex_find(&ix, sources[s], "sensor.1"), (long)(100 + s));
	assert_int_equal(keyindex_find(&ix, 3, "sensor.1"), -1);
	assert_true(keyindex_remove(&ix, 1, "sensor.1"));
	assert_int_equal(keyindex_find(&ix, 1, "sensor.1"), -1);
	assert_int_equal(keyindex_find(&ix, 0, "sensor.1"), 100);
	assert_int_equal(keyindex_find(&ix, 2, "sensor.1"), 102);
	assert_int_equal(keyindex_count(&ix), 4);
	keyindex_free(&ix);
}

#define MANY 6000

static void test_growth(void **state)
{
	(void)state;
	static tkey_t keys[3 * MANY];
	keyindex_t ix;
	keyindex_init(&ix);
	/* The same ids in three sources; far past the first capacities. */
	for (size_t i = 0; i < 3 * MANY; i++) {
		keys[i] = (tkey_t){.source = (int)(i / MANY)};
		snprintf(keys[i].id, ID_LEN, "sensor.%zu", i % MANY);
		put(&ix, &keys[i], i);
		if (i % 997 == 0)
			check(&ix, keys, i + 1);
	}
	check(&ix, keys, 3 * MANY);
	assert_int_equal(keyindex_find(&ix, 0, "sensor.6000"), -1);
	assert_int_equal(keyindex_find(&ix, 3, "sensor.1"), -1);
	/* Remove every other key of source 1, then put some back elsewhere. */
	for (size_t i = MANY; i < 2 * MANY; i += 2)
		del(&ix, &keys[i]);
	check(&ix, keys, 3 * MANY);
	for (size_t i = MANY; i < 2 * MANY; i += 6)
		put(&ix, &keys[i], i + 1000000);
	check(&ix, keys, 3 * MANY);
	keyindex_free(&ix);
}

/* One chain: A B C D E F from home h, with C and E homed at h + 1. Removing
 * from its middle must pull the later entries back without stranding C/E. */
static void test_chain_middle(void **state)
{
	(void)state;
	tkey_t k[6], same[4], next[2];
	keys_with_home(same, 4, 0, "a", 5);
	keys_with_home(next, 2, 0, "b", 6);
	k[0] = same[0], k[1] = same[1], k[2] = next[0];
	k[3] = same[2], k[4] = next[1], k[5] = same[3];
	const int orders[][6] = {
	    {1, 3, 0, 5, 2, 4}, {0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {2, 0, 4, 1, 5, 3}};
	for (size_t o = 0; o < 4; o++) {
		keyindex_t ix;
		keyindex_init(&ix);
		for (size_t i = 0; i < 6; i++)
			put(&ix, &k[i], i);
		check(&ix, k, 6);
		for (size_t i = 0; i < 6; i++) {
			del(&ix, &k[orders[o][i]]);
			check(&ix, k, 6);
		}
		/* Puts after removals still find their way back. */
		put(&ix, &k[3], 33);
		put(&ix, &k[4], 44);
		check(&ix, k, 6);
		del(&ix, &k[3]);
		del(&ix, &k[4]);
		keyindex_free(&ix);
	}
}

/* A chain that starts in the last slot and wraps to slot 0, mixed with keys
 * homed at slot 0: removal must treat the index as a ring. */
static void test_chain_wrap(void **state)
{
	(void)state;
	tkey_t k[6], last[3], first[3];
	keys_with_home(last, 3, 7, "w", HOME_BITS);
	keys_with_home(first, 3, 7, "z", 0);
	k[0] = last[0], k[1] = last[1], k[2] = first[0];
	k[3] = last[2], k[4] = first[1], k[5] = first[2];
	for (int start = 0; start < 6; start++) {
		keyindex_t ix;
		keyindex_init(&ix);
		for (size_t i = 0; i < 6; i++)
			put(&ix, &k[i], i);
		for (int i = 0; i < 6; i++) {
			del(&ix, &k[(start + i * 5) % 6]);
			check(&ix, k, 6);
		}
		keyindex_free(&ix);
	}
}

/* Seeded random puts and removals over a small key set, so chains form and
 * break constantly; the model says what must be found where. */
static void test_random_model(void **state)
{
	(void)state;
	enum { NKEYS = 300, OPS = 40000 };
	static tkey_t keys[NKEYS];
	for (size_t i = 0; i < NKEYS; i++) {
		keys[i] = (tkey_t){.source = (int)(i % 3)};
		snprintf(keys[i].id, ID_LEN, "k%zu", i / 3);
	}
	keyindex_t ix;
	keyindex_init(&ix);
	uint32_t x = 2463534242u; /* xorshift32, fixed seed */
	for (size_t op = 0; op < OPS; op++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		tkey_t *k = &keys[x % NKEYS];
		if ((x >> 16) % 3 == 0)
			del(&ix, k);
		else
			put(&ix, k, op);
		if (op % 500 == 0)
			check(&ix, keys, NKEYS);
	}
	check(&ix, keys, NKEYS);
	for (size_t i = 0; i < NKEYS; i++)
		del(&ix, &keys[i]);
	check(&ix, keys, NKEYS);
	keyindex_free(&ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_put_find_remove),
	    cmocka_unit_test(test_sources_distinct),
	    cmocka_unit_test(test_growth),
	    cmocka_unit_test(test_chain_middle),
	    cmocka_unit_test(test_chain_wrap),
	    cmocka_unit_test(test_random_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
