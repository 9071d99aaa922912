/* PLACEHOLDER: replaced wholesale by the owner of alarm_ops (issue 9). */
#include "alarm_ops.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct alarm_ops {
	uint64_t seq;
};

alarm_ops_t *alarm_ops_create(void)
{
	return xcalloc(1, sizeof(alarm_ops_t));
}

void alarm_ops_destroy(alarm_ops_t *ops)
{
	free(ops);
}

void alarm_ops_apply(alarm_ops_t *ops, const journal_entry_t *e)
{
	(void)e;
	ops->seq++;
}

void alarm_ops_set_silences(alarm_ops_t *ops, am_silence_t *silences, size_t n)
{
	(void)ops;
	am_silences_free(silences, n);
}

uint64_t alarm_ops_seq(const alarm_ops_t *ops)
{
	return ops->seq;
}

void alarm_ops_lookup(const alarm_ops_t *ops, const alarm_labels_t *labels, uint64_t after_seq,
                      int64_t now_ms, alarm_decision_t *out)
{
	(void)ops;
	(void)labels;
	(void)after_seq;
	(void)now_ms;
	memset(out, 0, sizeof *out);
}

void alarm_ops_each_local_shelve(const alarm_ops_t *ops, int64_t now_ms, alarm_ops_shelve_fn fn,
                                 void *ctx)
{
	(void)ops;
	(void)now_ms;
	(void)fn;
	(void)ctx;
}
