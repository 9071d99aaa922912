/* xalloc: allocation that aborts on out-of-memory.
 *
 * Out-of-memory is the one failure citydash does not try to recover from:
 * every other error is returned to the caller with a message. */
#ifndef CITYDASH_XALLOC_H
#define CITYDASH_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Grows (or shrinks) ptr to count * size bytes, checking the multiplication. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Called before the out-of-memory message is printed (NULL: none), so that
 * a full-screen program can give the terminal back first and the message
 * stays visible. It must be safe to call from any thread. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
