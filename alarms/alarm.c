/* alarm: the alarm engine's front (alarm.h): classification with deadband,
 * the names of levels, kinds and priorities, creating and copying an engine,
 * and reading what the last evaluation found. The evaluation itself is in
 * alarm_detect.c (conditions, delays), alarm_step.c (ISA-18.2 states) and
 * alarm_list.c (the list and its figures); their shared state is in
 * alarm_private.h. */
#include "alarm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_private.h"
#include "xalloc.h"

const char *alarm_level_tag(alarm_level_t level)
{
	static const char *const tags[] = {"", "LO", "HI", "LOLO", "HIHI"};
	return tags[level];
}

bool alarm_level_is_critical(alarm_level_t level)
{
	return level == ALARM_LOLO || level == ALARM_HIHI;
}

static bool has(const limits_t *l, unsigned bit)
{
	return (l->mask & bit) != 0;
}

static bool is_high(alarm_level_t level)
{
	return level == ALARM_HI || level == ALARM_HIHI;
}

static bool is_low(alarm_level_t level)
{
	return level == ALARM_LO || level == ALARM_LOLO;
}

/* The middle of the normal band: between the innermost low and high limits.
 * A hold from one side never reaches past it, so a deadband wider than the
 * band cannot keep a high level for a value on the low side (or the
 * reverse). With limits on one side only there is no other side to reach. */
static bool on_side(const limits_t *l, double value, bool high)
{
	bool has_low = has(l, LIMIT_LO | LIMIT_LOLO), has_high = has(l, LIMIT_HI | LIMIT_HIHI);
	if (!has_low || !has_high)
		return true;
	double lo = has(l, LIMIT_LO) ? l->lo : l->lolo;
	double hi = has(l, LIMIT_HI) ? l->hi : l->hihi;
	double mid = lo + (hi - lo) / 2;
	return high ? value > mid : value < mid;
}

alarm_level_t alarm_classify(double value, const limits_t *l, double deadband,
                             alarm_level_t previous)
{
	if (!isfinite(value))
		return ALARM_NONE;
	double db = deadband > 0 ? deadband : 0;
	/* A limit already crossed holds until the value is back by the deadband,
	 * but only while the value is still on that limit's side. */
	bool hold_high = is_high(previous) && on_side(l, value, true);
	bool hold_low = is_low(previous) && on_side(l, value, false);
	double hold_hihi = hold_high && previous == ALARM_HIHI ? db : 0;
	double hold_hi = hold_high ? db : 0;
	double hold_lolo = hold_low && previous == ALARM_LOLO ? db : 0;
	double hold_lo = hold_low ? db : 0;

	if (has(l, LIMIT_HIHI) && value > l->hihi - hold_hihi)
		return ALARM_HIHI;
	if (has(l, LIMIT_LOLO) && value < l->lolo + hold_lolo)
		return ALARM_LOLO;
	if (has(l, LIMIT_HI) && value > l->hi - hold_hi)
		return ALARM_HI;
	if (has(l, LIMIT_LO) && value < l->lo + hold_lo)
		return ALARM_LO;
	return ALARM_NONE;
}

alarm_engine_t *alarm_engine_create(void)
{
	alarm_engine_t *eng = xcalloc(1, sizeof(alarm_engine_t));
	eng->kpi = alarm_kpi_create();
	eng->log = alarm_log_create();
	return eng;
}

void alarm_engine_destroy(alarm_engine_t *eng)
{
	if (!eng)
		return;
	free(eng->states);
	free(eng->serials);
	free(eng->detect);
	free(eng->changes);
	free(eng->change_pos);
	free(eng->limit);
	free(eng->fault);
	free(eng->limit_pos);
	free(eng->fault_pos);
	free(eng->comm);
	free(eng->comm_first_seen);
	free(eng->comm_pos);
	free(eng->sup_start);
	free(eng->active);
	free(eng->active_keys);
	free(eng->infos);
	free(eng->order);
	free(eng->sup_order);
	free(eng->keys);
	free(eng->cleared);
	alarm_kpi_destroy(eng->kpi);
	alarm_log_destroy(eng->log);
	free(eng);
}

void alarm_engine_configure(alarm_engine_t *eng, const alarm_cfg_t *cfg, const alarm_ops_t *ops)
{
	eng->cfg = cfg;
	eng->ops = ops;
	eng->cfg_changed = true;
	eng->evaluated = false; /* read every alarm's decisions once */
}

const char *alarm_kind_name(alarm_kind_t kind)
{
	static const char *const names[] = {"limit", "fault", "comm"};
	return kind < ALARM_KIND_COUNT ? names[kind] : "";
}

const char *alarm_priority_name(alarm_priority_t p)
{
	static const char *const names[] = {"", "medium", "high"};
	return p < ALARM_PRIORITY_COUNT ? names[p] : "";
}

/* dst->member becomes a copy of src->member's `count` items (grown with
 * realloc; left as it is when count is 0). */
#define COPY(member, count)                                                                    \
	do {                                                                                   \
		size_t count_ = (count);                                                       \
		if (count_) {                                                                  \
			dst->member = xreallocarray(dst->member, count_, sizeof *src->member); \
			memcpy(dst->member, src->member, count_ * sizeof *src->member);         \
		}                                                                              \
	} while (0)

void alarm_engine_copy(alarm_engine_t *dst, const alarm_engine_t *src)
{
	dst->cfg = src->cfg;
	dst->ops = src->ops;
	dst->cfg_changed = src->cfg_changed;
	dst->evaluated = src->evaluated;
	dst->ops_seq = src->ops_seq;
	dst->swept_ms = src->swept_ms;

	size_t n = src->state_count;
	COPY(states, n);
	COPY(serials, n);
	COPY(detect, n);
	COPY(changes, n * ALARM_HISTORY);
	COPY(change_pos, n);
	COPY(limit, n);
	COPY(fault, n);
	COPY(limit_pos, n);
	COPY(fault_pos, n);
	dst->state_count = n;

	size_t m = src->source_count;
	COPY(comm, m);
	COPY(comm_first_seen, m);
	COPY(comm_pos, m);
	COPY(sup_start, m ? m + 1 : 0);
	dst->source_count = m;

	/* Lists: copied at the source's capacity, so a later evaluation of dst
	 * grows them as it would have grown src's. */
	if (src->active_cap > dst->active_cap) {
		dst->active = xreallocarray(dst->active, src->active_cap, sizeof *dst->active);
		dst->active_keys =
		    xreallocarray(dst->active_keys, src->active_cap, sizeof *dst->active_keys);
		dst->active_cap = src->active_cap;
	}
	if (src->active_count)
		memcpy(dst->active, src->active, src->active_count * sizeof *src->active);
	dst->active_count = src->active_count;
	dst->critical_count = src->critical_count;
	dst->stale_count = src->stale_count;

	if (src->info_cap > dst->info_cap) {
		dst->infos = xreallocarray(dst->infos, src->info_cap, sizeof *dst->infos);
		dst->order = xreallocarray(dst->order, src->info_cap, sizeof *dst->order);
		dst->sup_order = xreallocarray(dst->sup_order, src->info_cap, sizeof *dst->sup_order);
		dst->keys = xreallocarray(dst->keys, src->info_cap, sizeof *dst->keys);
		dst->info_cap = src->info_cap;
	}
	size_t k = src->info_count;
	if (k) {
		memcpy(dst->infos, src->infos, k * sizeof *src->infos);
		memcpy(dst->order, src->order, k * sizeof *src->order);
		memcpy(dst->sup_order, src->sup_order, k * sizeof *src->sup_order);
	}
	dst->info_count = k;
	memcpy(dst->state_counts, src->state_counts, sizeof dst->state_counts);

	if (src->cleared_cap > dst->cleared_cap) {
		dst->cleared = xreallocarray(dst->cleared, src->cleared_cap, sizeof *dst->cleared);
		dst->cleared_cap = src->cleared_cap;
	}
	if (src->cleared_count)
		memcpy(dst->cleared, src->cleared, src->cleared_count * sizeof *src->cleared);
	dst->cleared_count = src->cleared_count;

	dst->high_arrivals = src->high_arrivals;
	alarm_kpi_copy(dst->kpi, src->kpi);
	alarm_log_copy(dst->log, src->log);
}

alarm_state_t alarm_engine_state(const alarm_engine_t *eng, size_t reading)
{
	if (reading >= eng->state_count)
		return (alarm_state_t){ALARM_NONE, 0, false};
	return eng->states[reading];
}

size_t alarm_engine_history(const alarm_engine_t *eng, size_t reading, alarm_transition_t *out,
                            size_t max)
{
	if (reading >= eng->state_count)
		return 0;
	history_pos_t pos = eng->change_pos[reading];
	const alarm_transition_t *ring = &eng->changes[reading * ALARM_HISTORY];
	size_t n = pos.count < max ? pos.count : max; /* the newest n */
	size_t start = (pos.head + ALARM_HISTORY - n) % ALARM_HISTORY;
	for (size_t k = 0; k < n; k++)
		out[k] = ring[(start + k) % ALARM_HISTORY];
	return n;
}

size_t alarm_engine_active_count(const alarm_engine_t *eng)
{
	return eng->active_count;
}

size_t alarm_engine_active(const alarm_engine_t *eng, size_t i)
{
	return eng->active[i];
}

size_t alarm_engine_critical_count(const alarm_engine_t *eng)
{
	return eng->critical_count;
}

size_t alarm_engine_stale_count(const alarm_engine_t *eng)
{
	return eng->stale_count;
}

size_t alarm_engine_alarm_count(const alarm_engine_t *eng)
{
	return eng->info_count;
}

const alarm_info_t *alarm_engine_alarm(const alarm_engine_t *eng, size_t i)
{
	return i < eng->info_count ? &eng->infos[eng->order[i]] : NULL;
}

const alarm_info_t *alarm_engine_find(const alarm_engine_t *eng, alarm_kind_t kind, size_t index)
{
	const size_t *pos = NULL;
	size_t count = eng->state_count;
	switch (kind) {
	case ALARM_KIND_LIMIT:
		pos = eng->limit_pos;
		break;
	case ALARM_KIND_FAULT:
		pos = eng->fault_pos;
		break;
	case ALARM_KIND_COMM:
		pos = eng->comm_pos;
		count = eng->source_count;
		break;
	default:
		return NULL;
	}
	if (index >= count || pos[index] == ALARM_NO_POS)
		return NULL;
	return &eng->infos[pos[index]];
}

size_t alarm_engine_state_count(const alarm_engine_t *eng, isa_state_t state)
{
	if (state == ISA_NORM || state >= ISA_STATE_COUNT)
		return 0;
	return eng->state_counts[state];
}

size_t alarm_engine_suppressed_count(const alarm_engine_t *eng, int source)
{
	if (source < 0 || (size_t)source >= eng->source_count)
		return 0;
	return eng->sup_start[source + 1] - eng->sup_start[source];
}

const alarm_info_t *alarm_engine_suppressed(const alarm_engine_t *eng, int source, size_t i)
{
	if (i >= alarm_engine_suppressed_count(eng, source))
		return NULL;
	return &eng->infos[eng->sup_order[eng->sup_start[source] + i]];
}

const alarm_kpi_counts_t *alarm_engine_kpi(const alarm_engine_t *eng)
{
	return alarm_kpi_read(eng->kpi);
}

const alarm_log_t *alarm_engine_log(const alarm_engine_t *eng)
{
	return eng->log;
}

uint64_t alarm_engine_high_arrivals(const alarm_engine_t *eng)
{
	return eng->high_arrivals;
}

size_t alarm_engine_cleared_count(const alarm_engine_t *eng)
{
	return eng->cleared_count;
}

const char *alarm_engine_cleared(const alarm_engine_t *eng, size_t i)
{
	return i < eng->cleared_count ? eng->cleared[i] : "";
}
