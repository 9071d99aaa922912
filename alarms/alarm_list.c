/* alarm_list: the alarm list of one evaluation: every alarm not in NORM
 * (alarm_info_t), its order (unacknowledged first, then high priority, then
 * the newest activation, then id), the alarms suppressed under each
 * source's communications alarm, the ids that went back to NORM, and the
 * per-alarm EEMUA figures. Ids are built here. */
#include <stdlib.h>
#include <string.h>

#include "alarm_private.h"
#include "xalloc.h"
#include "text.h"

/* prefix (cut to leave room for suffix) + suffix into out. */
static void id_join(char out[ALARM_ID_MAX], const char *prefix, const char *body,
                    const char *suffix)
{
	size_t p = strlen(prefix), s = strlen(suffix);
	memcpy(out, prefix, p);
	size_t b = text_cut(body, ALARM_ID_MAX - 1 - p - s);
	memcpy(out + p, body, b);
	memcpy(out + p + b, suffix, s + 1);
}

void alarm_subject_id(const alarm_subject_t *sub, char out[ALARM_ID_MAX])
{
	switch (sub->kind) {
	case ALARM_KIND_LIMIT:
		id_join(out, "", sub->reading->id, "");
		break;
	case ALARM_KIND_FAULT:
		id_join(out, "", sub->reading->id, "#fault");
		break;
	default:
		id_join(out, "source:", sub->source && sub->source->name ? sub->source->name : "",
		        "");
		break;
	}
}

void alarm_list_reset(alarm_engine_t *eng)
{
	eng->info_count = 0;
	eng->cleared_count = 0;
	memset(eng->state_counts, 0, sizeof eng->state_counts);
}

size_t alarm_list_add(alarm_engine_t *eng, const alarm_subject_t *sub, const alarm_rec_t *rec,
                      const alarm_decision_t *d, bool stale)
{
	if (eng->info_count == eng->info_cap) {
		eng->info_cap = eng->info_cap ? 2 * eng->info_cap : 64;
		eng->infos = xreallocarray(eng->infos, eng->info_cap, sizeof *eng->infos);
		eng->order = xreallocarray(eng->order, eng->info_cap, sizeof *eng->order);
		eng->sup_order = xreallocarray(eng->sup_order, eng->info_cap, sizeof *eng->sup_order);
		eng->keys = xreallocarray(eng->keys, eng->info_cap, sizeof *eng->keys);
	}
	size_t pos = eng->info_count++;
	alarm_info_t *a = &eng->infos[pos];
	alarm_subject_id(sub, a->id);
	a->kind = sub->kind;
	a->index = sub->index;
	a->serial = sub->reading ? sub->reading->serial : (uint64_t)sub->index + 1;
	a->source = sub->source_index;
	a->state = (isa_state_t)rec->state;
	a->priority = (alarm_priority_t)rec->priority;
	a->level = (alarm_level_t)rec->level;
	a->peak = (alarm_level_t)rec->peak;
	a->active = rec->active;
	a->stale = stale;
	a->chattering = false; /* alarm_list_finish */
	a->since_ms = rec->since_ms;
	a->state_ms = rec->state_ms;
	a->suppressed = 0;
	a->ack = d->ack;
	a->shelve = d->shelve;
	/* An ack shown is one that holds: not one spent by a re-alarm. */
	if (!d->acked || isa_state_unacked(a->state))
		memset(&a->ack, 0, sizeof a->ack);
	if (a->state != ISA_SHLVD)
		memset(&a->shelve, 0, sizeof a->shelve);
	eng->state_counts[rec->state]++;
	return pos;
}

void alarm_list_note_cleared(alarm_engine_t *eng, const char *id)
{
	if (eng->cleared_count == eng->cleared_cap) {
		eng->cleared_cap = eng->cleared_cap ? 2 * eng->cleared_cap : 16;
		eng->cleared = xreallocarray(eng->cleared, eng->cleared_cap, sizeof *eng->cleared);
	}
	text_copy_cut(eng->cleared[eng->cleared_count++], ALARM_ID_MAX, id);
}

static int compare_keys(const void *pa, const void *pb)
{
	const alarm_sort_key_t *a = pa, *b = pb;
	if (a->unacked != b->unacked)
		return a->unacked ? -1 : 1;
	/* Unacknowledged, a condition still there before one that is over:
	 * oldest first would otherwise fill a pane with returned alarms. */
	if (a->returned != b->returned)
		return a->returned ? 1 : -1;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	/* Oldest first: the alarm that has waited longest for an operator
	 * leads, and a list on a wall holds still while new alarms arrive
	 * (they join their group's end; the counts and the flood banner say
	 * how many). Newest first, a city's flood rewrote four rows of the
	 * overview's pane a second. */
	if (a->since_ms != b->since_ms)
		return a->since_ms < b->since_ms ? -1 : 1;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static bool suppressed_under_source(const alarm_engine_t *eng, const alarm_info_t *a)
{
	return a->state == ISA_DSUPR && a->kind != ALARM_KIND_COMM && a->source >= 0 &&
	       (size_t)a->source < eng->source_count;
}

/* The DSUPR alarms grouped by their source, each group in list order:
 * source s's are sup_order[sup_start[s] .. sup_start[s + 1]). */
static void group_suppressed(alarm_engine_t *eng)
{
	size_t m = eng->source_count;
	if (!m)
		return;
	memset(eng->sup_start, 0, (m + 1) * sizeof *eng->sup_start);
	for (size_t k = 0; k < eng->info_count; k++)
		if (suppressed_under_source(eng, &eng->infos[k]))
			eng->sup_start[eng->infos[k].source]++;
	/* Each source's end, then filled backwards: each ends at its start. */
	for (size_t s = 1; s <= m; s++)
		eng->sup_start[s] += eng->sup_start[s - 1];
	for (size_t k = eng->info_count; k-- > 0;) {
		const alarm_info_t *a = &eng->infos[eng->order[k]];
		if (suppressed_under_source(eng, a))
			eng->sup_order[--eng->sup_start[a->source]] = eng->order[k];
	}
	for (size_t s = 0; s < m; s++)
		if (eng->comm_pos[s] != ALARM_NO_POS)
			eng->infos[eng->comm_pos[s]].suppressed =
			    (unsigned)(eng->sup_start[s + 1] - eng->sup_start[s]);
}

static bool in_active_list(isa_state_t s)
{
	return s == ISA_UNACK || s == ISA_ACKED || s == ISA_RTNUN;
}

static const alarm_rec_t *rec_of(const alarm_engine_t *eng, const alarm_info_t *a)
{
	switch (a->kind) {
	case ALARM_KIND_LIMIT:
		return &eng->limit[a->index];
	case ALARM_KIND_FAULT:
		return &eng->fault[a->index];
	default:
		return &eng->comm[a->index];
	}
}

/* The per-alarm EEMUA figures (alarm_kpi_counts): chattering, stale and
 * the priority mix are of the alarms an operator sees in the active list
 * (UNACK, ACKED, RTNUN); the rest count states. */
static void fill_kpi(alarm_engine_t *eng, int64_t now_ms)
{
	alarm_kpi_advance(eng->kpi, now_ms);
	alarm_kpi_counts_t *k = alarm_kpi_counts(eng->kpi);
	k->chattering = k->stale = k->unacked = 0;
	k->shelved = k->suppressed = k->out_of_service = 0;
	memset(k->by_priority, 0, sizeof k->by_priority);
	for (size_t i = 0; i < eng->info_count; i++) {
		alarm_info_t *a = &eng->infos[i];
		a->chattering = alarm_chatter_is(&rec_of(eng, a)->chatter, now_ms);
		k->unacked += isa_state_unacked(a->state);
		k->shelved += a->state == ISA_SHLVD;
		k->suppressed += a->state == ISA_DSUPR;
		k->out_of_service += a->state == ISA_OOSRV;
		if (!in_active_list(a->state))
			continue;
		k->chattering += a->chattering;
		k->stale += a->active && now_ms - a->since_ms > ALARM_KPI_STALE_MS;
		if (a->priority < ALARM_PRIORITY_COUNT)
			k->by_priority[a->priority]++;
	}
}

void alarm_list_finish(alarm_engine_t *eng, int64_t now_ms)
{
	size_t n = eng->info_count;
	for (size_t k = 0; k < n; k++) {
		const alarm_info_t *a = &eng->infos[k];
		eng->keys[k] = (alarm_sort_key_t){isa_state_unacked(a->state),
		                                  a->state == ISA_RTNUN, (uint8_t)a->priority,
		                                  a->since_ms, a->id, k};
	}
	if (n > 1)
		qsort(eng->keys, n, sizeof *eng->keys, compare_keys);
	for (size_t k = 0; k < n; k++)
		eng->order[k] = eng->keys[k].pos;
	group_suppressed(eng);
	fill_kpi(eng, now_ms);
}
