#include "alarm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef struct active_key active_key_t;

/* Where a reading's level changes are in its ring of ALARM_HISTORY. */
typedef struct history_pos {
	uint8_t head;  /* next entry to write */
	uint8_t count; /* entries held */
} history_pos_t;

/* Every member is copied by alarm_engine_copy: keep it in step. Per reading
 * everything is in flat arrays, so a copy is a few memcpy. */
struct alarm_engine {
	alarm_state_t *states;       /* by store reading index */
	uint64_t *serials;           /* serial of the reading each state belongs to (0: none) */
	alarm_transition_t *changes; /* ALARM_HISTORY per reading, a ring */
	history_pos_t *change_pos;   /* by store reading index */
	size_t state_count;
	size_t *active;     /* sorted store indices */
	active_key_t *keys; /* scratch for sorting, as large as active */
	size_t active_count, active_cap;
	size_t critical_count;
	size_t stale_count;
};

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
	return xcalloc(1, sizeof(alarm_engine_t));
}

void alarm_engine_destroy(alarm_engine_t *eng)
{
	if (!eng)
		return;
	free(eng->states);
	free(eng->serials);
	free(eng->changes);
	free(eng->change_pos);
	free(eng->active);
	free(eng->keys);
	free(eng);
}

/* What the active list is ordered by, copied out so qsort needs no context. */
struct active_key {
	bool critical;
	int64_t since_ms;
	size_t reading;
};

static int compare_active(const void *a, const void *b)
{
	const active_key_t *ka = a, *kb = b;
	if (ka->critical != kb->critical)
		return ka->critical ? -1 : 1;
	if (ka->since_ms != kb->since_ms)
		return ka->since_ms > kb->since_ms ? -1 : 1; /* newest first */
	return ka->reading < kb->reading ? -1 : ka->reading > kb->reading;
}

static void note_change(alarm_transition_t *ring, history_pos_t *pos, alarm_transition_t t)
{
	ring[pos->head] = t;
	pos->head = (uint8_t)((pos->head + 1) % ALARM_HISTORY);
	if (pos->count < ALARM_HISTORY)
		pos->count++;
}

/* Stale data is classified like fresh data and marked stale: an old value
 * beyond a limit is an alarm nobody can vouch is over, not no alarm. Returns
 * the level it had before. */
static alarm_level_t update_state(alarm_state_t *s, const store_t *st, const reading_t *r,
                                  int64_t now_ms)
{
	alarm_level_t before = s->level;
	alarm_level_t level = ALARM_NONE;
	if (r->has_value && r->quality != QUALITY_BAD)
		level = alarm_classify(r->value, &r->limits, r->deadband, s->level);
	s->stale = store_reading_stale(st, r, now_ms);
	if (level != s->level) {
		/* Since the observation that crossed, not since we noticed; a
		 * timestamp from the future (clock skew) is not believed. */
		s->level = level;
		s->since_ms = r->ts_ms > 0 && r->ts_ms <= now_ms ? r->ts_ms : now_ms;
	}
	return before;
}

void alarm_engine_evaluate(alarm_engine_t *eng, const store_t *st, int64_t now_ms)
{
	size_t n = store_reading_count(st);
	if (n > eng->state_count) {
		eng->states = xreallocarray(eng->states, n, sizeof *eng->states);
		eng->serials = xreallocarray(eng->serials, n, sizeof *eng->serials);
		eng->changes = xreallocarray(eng->changes, n * ALARM_HISTORY, sizeof *eng->changes);
		eng->change_pos = xreallocarray(eng->change_pos, n, sizeof *eng->change_pos);
		for (size_t i = eng->state_count; i < n; i++) {
			eng->states[i] = (alarm_state_t){ALARM_NONE, now_ms, false};
			eng->serials[i] = 0;
			eng->change_pos[i] = (history_pos_t){0, 0};
		}
		eng->state_count = n;
	}
	eng->active_count = 0;
	eng->critical_count = 0;
	eng->stale_count = 0;
	for (size_t i = 0; i < n; i++) {
		alarm_state_t *s = &eng->states[i];
		const reading_t *r = store_reading(st, i);
		/* A free slot, or one taken by another reading since the last
		 * evaluation: nothing of the old state carries over. */
		if (!r || r->serial != eng->serials[i]) {
			*s = (alarm_state_t){ALARM_NONE, now_ms, false};
			eng->serials[i] = r ? r->serial : 0;
			eng->change_pos[i] = (history_pos_t){0, 0};
			if (!r)
				continue;
		}
		alarm_level_t before = update_state(s, st, r, now_ms);
		if (s->level != before)
			note_change(&eng->changes[i * ALARM_HISTORY], &eng->change_pos[i],
			            (alarm_transition_t){s->since_ms, before, s->level});
		if (s->level == ALARM_NONE)
			continue;
		if (eng->active_count == eng->active_cap) {
			eng->active_cap = eng->active_cap ? 2 * eng->active_cap : 64;
			eng->active =
			    xreallocarray(eng->active, eng->active_cap, sizeof *eng->active);
			eng->keys = xreallocarray(eng->keys, eng->active_cap, sizeof *eng->keys);
		}
		bool critical = alarm_level_is_critical(s->level);
		eng->keys[eng->active_count++] = (active_key_t){critical, s->since_ms, i};
		eng->critical_count += critical;
		eng->stale_count += s->stale;
	}
	if (eng->active_count > 1)
		qsort(eng->keys, eng->active_count, sizeof *eng->keys, compare_active);
	for (size_t k = 0; k < eng->active_count; k++)
		eng->active[k] = eng->keys[k].reading;
}

/* Grows *arr to hold `count` items of `size` and copies `from` into it. */
static void *copy_array(void *arr, const void *from, size_t count, size_t size)
{
	if (!count)
		return arr;
	arr = xreallocarray(arr, count, size);
	return memcpy(arr, from, count * size);
}

void alarm_engine_copy(alarm_engine_t *dst, const alarm_engine_t *src)
{
	dst->states = copy_array(dst->states, src->states, src->state_count, sizeof *src->states);
	dst->serials =
	    copy_array(dst->serials, src->serials, src->state_count, sizeof *src->serials);
	dst->changes = copy_array(dst->changes, src->changes, src->state_count * ALARM_HISTORY,
	                          sizeof *src->changes);
	dst->change_pos =
	    copy_array(dst->change_pos, src->change_pos, src->state_count, sizeof *src->change_pos);
	dst->state_count = src->state_count;
	size_t cap = src->active_cap > dst->active_cap ? src->active_cap : dst->active_cap;
	if (cap > dst->active_cap) {
		dst->active = xreallocarray(dst->active, cap, sizeof *dst->active);
		dst->keys = xreallocarray(dst->keys, cap, sizeof *dst->keys);
		dst->active_cap = cap;
	}
	if (src->active_count)
		memcpy(dst->active, src->active, src->active_count * sizeof *src->active);
	dst->active_count = src->active_count;
	dst->critical_count = src->critical_count;
	dst->stale_count = src->stale_count;
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

/* PLACEHOLDER (issue 9): the alarm list and its figures, until the engine's
 * owner replaces them. */
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

void alarm_engine_configure(alarm_engine_t *eng, const alarm_cfg_t *cfg, const alarm_ops_t *ops)
{
	(void)eng;
	(void)cfg;
	(void)ops;
}

size_t alarm_engine_alarm_count(const alarm_engine_t *eng)
{
	(void)eng;
	return 0;
}

const alarm_info_t *alarm_engine_alarm(const alarm_engine_t *eng, size_t i)
{
	(void)eng;
	(void)i;
	return NULL;
}

const alarm_info_t *alarm_engine_find(const alarm_engine_t *eng, alarm_kind_t kind, size_t index)
{
	(void)eng;
	(void)kind;
	(void)index;
	return NULL;
}

size_t alarm_engine_state_count(const alarm_engine_t *eng, isa_state_t state)
{
	(void)eng;
	(void)state;
	return 0;
}

size_t alarm_engine_suppressed_count(const alarm_engine_t *eng, int source)
{
	(void)eng;
	(void)source;
	return 0;
}

const alarm_info_t *alarm_engine_suppressed(const alarm_engine_t *eng, int source, size_t i)
{
	(void)eng;
	(void)source;
	(void)i;
	return NULL;
}

const alarm_kpi_counts_t *alarm_engine_kpi(const alarm_engine_t *eng)
{
	(void)eng;
	static const alarm_kpi_counts_t none;
	return &none;
}

const alarm_log_t *alarm_engine_log(const alarm_engine_t *eng)
{
	(void)eng;
	return NULL;
}

uint64_t alarm_engine_high_arrivals(const alarm_engine_t *eng)
{
	(void)eng;
	return 0;
}

size_t alarm_engine_cleared_count(const alarm_engine_t *eng)
{
	(void)eng;
	return 0;
}

const char *alarm_engine_cleared(const alarm_engine_t *eng, size_t i)
{
	(void)eng;
	(void)i;
	return "";
}
