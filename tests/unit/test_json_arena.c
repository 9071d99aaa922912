/* Unit tests for feeds/json_arena.c: cJSON's allocations go to the arena only
 * on the thread that opened it and only while it is open; frees inside are
 * nothing and the end releases all; allocations are aligned like malloc's;
 * the limit bounds what the arena takes and fails the parse cleanly. Under
 * valgrind (valgrind_test_json_arena) any tree freed the wrong way or
 * leaked shows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_arena.h"
#include "xalloc.h"

/* A document of n readings, about 100 bytes each. */
static char *readings_doc(int n, size_t *len)
{
	size_t cap = (size_t)n * 128 + 64, used = 0;
	char *doc = xmalloc(cap);
	used += (size_t)snprintf(doc, cap, "{\"version\":1,\"readings\":[");
	for (int i = 0; i < n; i++)
		used += (size_t)snprintf(doc + used, cap - used,
		                         "%s{\"id\":\"r%d\",\"value\":%d.5,\"place\":"
		                         "{\"district\":\"D%d\",\"street\":\"S\"}}",
		                         i ? "," : "", i, i, i % 9);
	used += (size_t)snprintf(doc + used, cap - used, "]}");
	*len = used;
	return doc;
}

static void test_tree_lives_in_the_arena(void **state)
{
	(void)state;
	size_t len;
	char *body = readings_doc(2000, &len);
	assert_int_equal(json_arena_held(), 0);
	json_arena_begin(0);
	cJSON *doc = cJSON_ParseWithLength(body, len);
	assert_non_null(doc);
	size_t held = json_arena_held();
	assert_true(held > len); /* every node came from the arena's chunks */
	const cJSON *r = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "readings"), 1999);
	assert_string_equal(cJSON_GetObjectItem(r, "id")->valuestring, "r1999");
	cJSON_Delete(doc); /* frees inside are nothing: the tree is still there */
	assert_int_equal(json_arena_held(), held);
	assert_false(json_arena_over());
	json_arena_end();
	assert_int_equal(json_arena_held(), 0);
	/* Outside the arena cJSON uses malloc and free again. */
	doc = cJSON_ParseWithLength(body, len);
	assert_non_null(doc);
	assert_int_equal(json_arena_held(), 0);
	cJSON_Delete(doc);
	free(body);
}

static void test_aligned_and_distinct(void **state)
{
	(void)state;
	json_arena_begin(0);
	/* Small ones, one large one (a chunk of its own), small ones again. */
	const size_t sizes[] = {0, 1, 7, 16, 17, 64, 1000, 300000, 3, 40};
	char *p[sizeof sizes / sizeof sizes[0]];
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		p[i] = cJSON_malloc(sizes[i]);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % alignof(max_align_t), 0);
		memset(p[i], (int)i, sizes[i]);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		for (size_t k = 0; k < sizes[i]; k++)
			assert_int_equal(p[i][k], (char)i); /* nothing overlapped */
		cJSON_free(p[i]);
	}
	assert_true(json_arena_held() > 300000);
	json_arena_end();
}

/* A tree made before the arena opened is freed for real inside it (valgrind
 * reports the leak otherwise), and a failed parse leaves nothing behind. */
static void test_outside_trees_and_failures(void **state)
{
	(void)state;
	cJSON *before = cJSON_Parse("{\"a\":[1,2,3],\"b\":\"text\"}");
	assert_non_null(before);
	json_arena_begin(0);
	cJSON_Delete(before);
	const char *end = NULL;
	const char bad[] = "{\"a\":[1,2,{\"b\":\"c\"},]}";
	assert_null(cJSON_ParseWithLengthOpts(bad, sizeof bad - 1, &end, 0));
	assert_false(json_arena_over());
	json_arena_end();
}

/* The limit: the arena never takes more, and a document needing more fails
 * with json_arena_over; with room to spare the same document parses. */
static void test_limit_bounds_the_tree(void **state)
{
	(void)state;
	size_t len;
	char *body = readings_doc(5000, &len);
	json_arena_begin(0);
	assert_non_null(cJSON_ParseWithLength(body, len));
	size_t need = json_arena_held();
	json_arena_end();
	/* Exactly what it took: the same chunks are taken again. */
	json_arena_begin(need);
	assert_non_null(cJSON_ParseWithLength(body, len));
	assert_false(json_arena_over());
	assert_int_equal(json_arena_held(), need);
	json_arena_end();
	/* Chunks are charged whole, so a parse may fit below `need` (in a
	 * smaller last chunk); below a third of it the nodes alone do not fit. */
	for (size_t limit = 1; limit < need * 2; limit = limit * 5 / 4 + 1) {
		json_arena_begin(limit);
		bool parsed = cJSON_ParseWithLength(body, len) != NULL;
		assert_true(json_arena_held() <= limit);
		assert_int_equal(json_arena_over(), !parsed);
		if (limit >= need)
			assert_true(parsed);
		if (limit <= need / 3)
			assert_false(parsed);
		json_arena_end();
		assert_false(json_arena_over());
	}
	free(body);
}

/* Another thread's cJSON is not routed into this thread's arena: what it
 * parses while the arena is open survives the arena's end. */
typedef struct other {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int step; /* 1: the arena is open; 2: the other parsed; 3: the arena ended */
	cJSON *tree;
	bool none_open, kept; /* what it saw: checked on the main thread */
} other_t;

static void wait_step(other_t *o, int step)
{
	pthread_mutex_lock(&o->lock);
	while (o->step < step)
		pthread_cond_wait(&o->cond, &o->lock);
	pthread_mutex_unlock(&o->lock);
}

static void set_step(other_t *o, int step)
{
	pthread_mutex_lock(&o->lock);
	o->step = step;
	pthread_cond_broadcast(&o->cond);
	pthread_mutex_unlock(&o->lock);
}

static void *other_main(void *arg)
{
	other_t *o = arg;
	wait_step(o, 1);
	o->none_open = json_arena_held() == 0;
	o->tree = cJSON_Parse("{\"kept\":\"after the other arena ended\",\"n\":[1,2,3]}");
	set_step(o, 2);
	wait_step(o, 3);
	const cJSON *kept = cJSON_GetObjectItem(o->tree, "kept");
	o->kept =
	    cJSON_IsString(kept) && strcmp(kept->valuestring, "after the other arena ended") == 0;
	cJSON_Delete(o->tree);
	return NULL;
}

static void test_other_threads_use_malloc(void **state)
{
	(void)state;
	other_t o = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NULL, false, false};
	pthread_t t;
	json_arena_install(); /* before the other thread may use cJSON */
	assert_int_equal(pthread_create(&t, NULL, other_main, &o), 0);
	json_arena_begin(0);
	cJSON *mine = cJSON_Parse("[1]");
	size_t held = json_arena_held();
	set_step(&o, 1);
	wait_step(&o, 2);
	assert_int_equal(json_arena_held(), held); /* its tree took nothing here */
	assert_non_null(mine);
	json_arena_end();
	set_step(&o, 3);
	pthread_join(t, NULL);
	assert_true(o.none_open);
	assert_true(o.kept);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree_lives_in_the_arena),
	    cmocka_unit_test(test_aligned_and_distinct),
	    cmocka_unit_test(test_outside_trees_and_failures),
	    cmocka_unit_test(test_limit_bounds_the_tree),
	    cmocka_unit_test(test_other_threads_use_malloc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
