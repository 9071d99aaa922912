/* json_arena: where cJSON puts one document's tree while the protocol parser
 * reads it. cJSON allocates through process-global hooks (cJSON_InitHooks);
 * the ones installed here send a thread's allocations into that thread's
 * arena only between json_arena_begin and json_arena_end on it, and to plain
 * malloc/free at any other time and on every other thread (the in-process
 * mock of --demo, the configuration file, tests).
 *
 * Why: a city-scale document is some hundred thousand cJSON nodes and
 * strings, and allocating then freeing each one was a fifth of citydash's
 * CPU. In the arena an allocation is a bump in a chunk, a free is nothing,
 * and json_arena_end hands back every chunk at once: a tree taken from the
 * arena is never freed one by one (cJSON_Delete on it is harmless, not
 * needed) and must not be used after json_arena_end.
 *
 * Budget: the chunks taken from malloc are counted (headers included); one
 * that would take the arena past its limit is not taken, the allocation
 * fails (cJSON then gives up the parse cleanly) and json_arena_over() says
 * so. So a parse never holds more than the limit in tree memory: the
 * source's max_bytes (protocol.h, max_tree_bytes).
 *
 * One arena per thread at a time; begin and end on the same thread. */
#ifndef CITYDASH_JSON_ARENA_H
#define CITYDASH_JSON_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* Installs the hooks in cJSON, once per process (later calls do nothing).
 * json_arena_begin calls it; call it first if another thread may be using
 * cJSON at that moment. */
void json_arena_install(void);

/* Routes this thread's cJSON allocations into a fresh arena holding at most
 * `limit` bytes (0: no limit). Aborts if this thread's arena is already open. */
void json_arena_begin(size_t limit);

/* Whether an allocation was refused for the limit since json_arena_begin. */
bool json_arena_over(void);

/* Bytes the open arena took from malloc so far (0 if none is open). */
size_t json_arena_held(void);

/* Releases every chunk of this thread's arena; its cJSON allocations go to
 * malloc again. Nothing allocated in the arena may be used after. Does
 * nothing if no arena is open. */
void json_arena_end(void);

#endif
