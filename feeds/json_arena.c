#include "json_arena.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "xalloc.h"

/* Under AddressSanitizer or valgrind, the parts of a chunk not handed out
 * are marked unusable, so an overrun inside the arena is caught as it would
 * be between mallocs. Elsewhere these do nothing. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define ASAN_HIDE(p, n) ASAN_POISON_MEMORY_REGION((void *)(p), (n))
#define ASAN_SHOW(p, n) ASAN_UNPOISON_MEMORY_REGION((void *)(p), (n))
#else
#define ASAN_HIDE(p, n) ((void)(p), (void)(n))
#define ASAN_SHOW(p, n) ((void)(p), (void)(n))
#endif
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define VG_HIDE(p, n) VALGRIND_MAKE_MEM_NOACCESS((void *)(p), (n))
#define VG_SHOW(p, n) VALGRIND_MAKE_MEM_UNDEFINED((void *)(p), (n))
#else
#define VG_HIDE(p, n) ((void)(p), (void)(n))
#define VG_SHOW(p, n) ((void)(p), (void)(n))
#endif
#define HIDE(p, n) (ASAN_HIDE(p, n), VG_HIDE(p, n))
#define SHOW(p, n) (ASAN_SHOW(p, n), VG_SHOW(p, n))

/* Every allocation is aligned as malloc's are. */
#define ALIGN       ((size_t)alignof(max_align_t))
#define FIRST_CHUNK ((size_t)64 * 1024)
#define MAX_CHUNK   ((size_t)4 * 1024 * 1024) /* regular chunks double up to this */

/* A block from malloc; the usable bytes follow the header. */
typedef struct chunk {
	struct chunk *next;
	uintptr_t start, end; /* the usable bytes, as addresses (for ownership tests) */
} chunk_t;

#define HEADER ((sizeof(chunk_t) + ALIGN - 1) & ~(ALIGN - 1))

typedef struct arena {
	bool open, over;
	size_t limit, held; /* bytes: at most (0: none), taken from malloc */
	chunk_t *chunks;    /* every chunk taken, newest first */
	chunk_t *current;   /* the chunk small allocations are cut from */
	uintptr_t next;     /* its first free byte */
	size_t next_size;   /* size of the next regular chunk */
} arena_t;

static _Thread_local arena_t arena;

static chunk_t *chunk_take(size_t bytes)
{
	if (arena.limit && bytes > arena.limit - arena.held) {
		arena.over = true;
		return NULL;
	}
	chunk_t *c = xmalloc(bytes);
	arena.held += bytes;
	c->start = (uintptr_t)c + HEADER;
	c->end = (uintptr_t)c + bytes;
	c->next = arena.chunks;
	arena.chunks = c;
	HIDE(c->start, c->end - c->start);
	return c;
}

/* Hands out n bytes at p (the rest of its rounding stays hidden). */
static void *give(uintptr_t p, size_t n)
{
	SHOW(p, n);
	return (void *)p;
}

static void *arena_alloc(size_t n)
{
	if (n > SIZE_MAX / 2)
		return NULL; /* no document asks this much; keeps the rounding below exact */
	size_t need = n ? (n + ALIGN - 1) & ~(ALIGN - 1) : ALIGN;
	if (arena.current && need <= arena.current->end - arena.next) {
		uintptr_t p = arena.next;
		arena.next += need;
		return give(p, n);
	}
	if (need > arena.next_size / 4) {
		/* Large (a long string): a chunk of its own, so the current one's
		 * free space is not given up. */
		chunk_t *c = chunk_take(HEADER + need);
		return c ? give(c->start, n) : NULL;
	}
	/* A new regular chunk, no bigger than what the limit leaves (a chunk
	 * is charged whole, used or not). */
	size_t size = arena.next_size;
	if (arena.limit && size > arena.limit - arena.held)
		size = arena.limit - arena.held;
	if (size < HEADER + need)
		size = HEADER + need;
	chunk_t *c = chunk_take(size);
	if (!c)
		return NULL;
	if (arena.next_size < MAX_CHUNK)
		arena.next_size *= 2;
	arena.current = c;
	arena.next = c->start + need;
	return give(c->start, n);
}

static bool arena_owns(const void *p)
{
	uintptr_t a = (uintptr_t)p;
	for (const chunk_t *c = arena.chunks; c; c = c->next)
		if (a >= c->start && a < c->end)
			return true;
	return false;
}

static void *hook_malloc(size_t n)
{
	return arena.open ? arena_alloc(n) : malloc(n);
}

/* Inside the arena a free is nothing; what came from malloc (a tree made
 * before the arena opened, or on another thread) is freed as usual. */
static void hook_free(void *p)
{
	if (!arena.open || !arena_owns(p))
		free(p);
}

static void hooks_install(void)
{
	cJSON_InitHooks(&(cJSON_Hooks){hook_malloc, hook_free});
}

void json_arena_install(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, hooks_install);
}

void json_arena_begin(size_t limit)
{
	json_arena_install();
	if (arena.open) {
		fputs("citydash: json_arena_begin: an arena is already open on this thread\n",
		      stderr);
		abort();
	}
	arena = (arena_t){.open = true, .limit = limit, .next_size = FIRST_CHUNK};
}

bool json_arena_over(void)
{
	return arena.over;
}

size_t json_arena_held(void)
{
	return arena.held;
}

void json_arena_end(void)
{
	for (chunk_t *c = arena.chunks, *next; c; c = next) {
		next = c->next;
		SHOW(c->start, c->end - c->start); /* free may touch it: no longer hidden */
		free(c);
	}
	arena = (arena_t){0};
}
