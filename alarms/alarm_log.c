/* alarm_log: the last ALARM_LOG_MAX alarm transitions (alarm_log.h), a ring
 * written by the engine and read by the alarm history page. Entries are
 * copied in whole; a string field the engine filled to its last byte is
 * ended there, on a character boundary. */
#include "alarm_log.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"
#include "text.h"

struct alarm_log {
	alarm_log_entry_t ring[ALARM_LOG_MAX];
	size_t head;    /* where the next entry goes */
	size_t count;   /* entries held, <= ALARM_LOG_MAX */
	uint64_t total; /* entries ever added */
};

alarm_log_t *alarm_log_create(void)
{
	return xcalloc(1, sizeof(alarm_log_t));
}

void alarm_log_destroy(alarm_log_t *l)
{
	free(l);
}

void alarm_log_copy(alarm_log_t *dst, const alarm_log_t *src)
{
	if (dst != src)
		memcpy(dst, src, sizeof *dst);
}

/* Ends s[cap] with a terminator, never inside a UTF-8 character. */
static void terminate(char *s, size_t cap)
{
	if (memchr(s, '\0', cap))
		return;
	s[text_cut(s, cap - 1)] = '\0';
}

void alarm_log_add(alarm_log_t *l, const alarm_log_entry_t *e)
{
	alarm_log_entry_t *slot = &l->ring[l->head];
	*slot = *e;
	terminate(slot->alarm, sizeof slot->alarm);
	terminate(slot->by, sizeof slot->by);
	terminate(slot->reason, sizeof slot->reason);
	l->head = (l->head + 1) % ALARM_LOG_MAX;
	if (l->count < ALARM_LOG_MAX)
		l->count++;
	l->total++;
}

size_t alarm_log_count(const alarm_log_t *l)
{
	return l->count;
}

const alarm_log_entry_t *alarm_log_newest(const alarm_log_t *l, size_t i)
{
	if (i >= l->count)
		return NULL;
	return &l->ring[(l->head + ALARM_LOG_MAX - 1 - i) % ALARM_LOG_MAX];
}

uint64_t alarm_log_total(const alarm_log_t *l)
{
	return l->total;
}
