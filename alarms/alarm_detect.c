/* alarm_detect: what each alarm's condition is at one evaluation, and the
 * evaluation loop that steps every alarm (alarm_step.c) and lists it
 * (alarm_list.c).
 *
 * Limit levels go through two stages. The raw level is the value's level
 * after the deadband (alarm_classify, holding on the previous raw level).
 * The annunciated level (alarm_state_t.level, the limit alarm's level)
 * follows it through the delays of ISA-18.2, each limit being its own
 * condition:
 * - on-delay: a level is annunciated once the raw level has been at least
 *   that severe, on that side, for on_delay_ms without a break; this holds
 *   for a new alarm and for an escalation (HI -> HIHI waits as NONE -> HI
 *   does; HI stays annunciated meanwhile);
 * - off-delay: the annunciated level drops once the raw level has not backed
 *   it (been on its side and at least as severe) for off_delay_ms without a
 *   break: HIHI -> HI waits as HI -> NONE does (the HIHI condition is
 *   clearing), and a return inside the delay cancels the drop;
 * - a level on the other side (HI -> LO) is a new condition: it is
 *   annunciated once its own on-delay has passed, replacing the old one.
 * A reading with no value or bad quality has no limit condition at once,
 * without off-delay: there is nothing to judge (its fault alarm takes over).
 * Delays are timed in engine time (now_ms); since_ms stays the observation
 * time of the value that was annunciated. */
#include <stdlib.h>
#include <string.h>

#include "alarm_private.h"
#include "xalloc.h"

static int rank(alarm_level_t level)
{
	return level == ALARM_NONE ? 0 : alarm_level_is_critical(level) ? 2 : 1;
}

/* +1 high side, -1 low side, 0 none. */
static int side(alarm_level_t level)
{
	return level == ALARM_HI || level == ALARM_HIHI ? 1 : level == ALARM_NONE ? 0 : -1;
}

static alarm_level_t level_at(int side_of, int rank_of)
{
	if (!rank_of || !side_of)
		return ALARM_NONE;
	if (side_of > 0)
		return rank_of == 2 ? ALARM_HIHI : ALARM_HI;
	return rank_of == 2 ? ALARM_LOLO : ALARM_LO;
}

static void note_change(alarm_transition_t *ring, history_pos_t *pos, alarm_transition_t t)
{
	ring[pos->head] = t;
	pos->head = (uint8_t)((pos->head + 1) % ALARM_HISTORY);
	if (pos->count < ALARM_HISTORY)
		pos->count++;
}

static void reset_detect(alarm_detect_t *d)
{
	*d = (alarm_detect_t){{ALARM_NO_TIME, ALARM_NO_TIME}, ALARM_NO_TIME, ALARM_NONE};
}

/* The raw level and its timers. */
static alarm_level_t raw_level(alarm_detect_t *d, const reading_t *r, double deadband,
                               int64_t now_ms)
{
	alarm_level_t raw = ALARM_NONE;
	if (r->has_value && r->quality != QUALITY_BAD)
		raw = alarm_classify(r->value, &r->limits, deadband, (alarm_level_t)d->raw);
	if (side(raw) != side((alarm_level_t)d->raw))
		d->beyond_since[0] = d->beyond_since[1] = ALARM_NO_TIME;
	for (int k = 0; k < 2; k++) {
		if (rank(raw) <= k)
			d->beyond_since[k] = ALARM_NO_TIME;
		else if (d->beyond_since[k] == ALARM_NO_TIME)
			d->beyond_since[k] = now_ms;
	}
	d->raw = (uint8_t)raw;
	return raw;
}

/* Whether the raw level backs a shown one: on its side, at least as bad. */
static bool backs(alarm_level_t raw, alarm_level_t shown)
{
	return shown == ALARM_NONE || (side(raw) == side(shown) && rank(raw) >= rank(shown));
}

static alarm_level_t delayed(alarm_detect_t *d, alarm_level_t raw, alarm_level_t shown,
                             const alarm_effective_t *eff, int64_t now_ms)
{
	alarm_level_t confirmed = ALARM_NONE;
	for (int k = rank(raw); k >= 1; k--)
		if (now_ms - d->beyond_since[k - 1] >= eff->on_delay_ms) {
			confirmed = level_at(side(raw), k);
			break;
		}
	if (confirmed != ALARM_NONE && rank(confirmed) >= rank(shown) && confirmed != shown)
		return confirmed; /* worse, or as bad on the other side */
	if (backs(raw, shown))
		d->off_since = ALARM_NO_TIME;
	else if (d->off_since == ALARM_NO_TIME)
		d->off_since = now_ms;
	if (!backs(raw, shown) && now_ms - d->off_since >= eff->off_delay_ms)
		return side(raw) == side(shown) ? raw : confirmed;
	return shown;
}

/* The annunciated level after the delays (see the header). A new level
 * starts its own off-delay timer. */
static alarm_level_t annunciated(alarm_detect_t *d, alarm_level_t raw, alarm_level_t shown,
                                 const alarm_effective_t *eff, int64_t now_ms)
{
	alarm_level_t next = delayed(d, raw, shown, eff, now_ms);
	if (next != shown)
		d->off_since = backs(raw, next) ? ALARM_NO_TIME : now_ms;
	return next;
}

/* Updates the reading's annunciated level, its stale mark and history. */
static void detect_level(alarm_engine_t *eng, const store_t *st, size_t i, const reading_t *r,
                         int64_t now_ms)
{
	alarm_state_t *s = &eng->states[i];
	alarm_detect_t *d = &eng->detect[i];
	alarm_effective_t eff = eng->cfg ? alarm_cfg_effective(eng->cfg, r)
	                                 : (alarm_effective_t){r->deadband, 0, 0};
	alarm_level_t raw = raw_level(d, r, eff.deadband, now_ms);
	alarm_level_t before = s->level, level = ALARM_NONE;
	if (r->has_value && r->quality != QUALITY_BAD)
		level = annunciated(d, raw, before, &eff, now_ms);
	else
		d->off_since = ALARM_NO_TIME;
	/* Stale data is classified like fresh data and marked stale: an old
	 * value beyond a limit is an alarm nobody can vouch is over. */
	s->stale = store_reading_stale(st, r, now_ms);
	if (level == before)
		return;
	/* Since the observation, not since we noticed; a timestamp from the
	 * future (clock skew) is not believed. */
	s->level = level;
	s->since_ms = r->ts_ms > 0 && r->ts_ms <= now_ms ? r->ts_ms : now_ms;
	note_change(&eng->changes[i * ALARM_HISTORY], &eng->change_pos[i],
	            (alarm_transition_t){s->since_ms, before, level});
}

/* A source without a good answer for its stale time (never answered: for
 * its stale time since the engine first saw it), or whose data is stale. */
static bool comm_lost(const store_t *st, int s, const source_status_t *src, int64_t first_seen,
                      int64_t now_ms)
{
	int64_t stale = src->stale_after_ms;
	int64_t quiet_since = src->last_ok_ms ? src->last_ok_ms : first_seen;
	if (now_ms - quiet_since > stale)
		return true;
	int64_t age = store_source_data_age(st, s, now_ms);
	return age > stale;
}

static void grow_sources(alarm_engine_t *eng, size_t m, int64_t now_ms)
{
	if (m <= eng->source_count)
		return;
	eng->comm = xreallocarray(eng->comm, m, sizeof *eng->comm);
	eng->comm_first_seen = xreallocarray(eng->comm_first_seen, m, sizeof *eng->comm_first_seen);
	eng->comm_pos = xreallocarray(eng->comm_pos, m, sizeof *eng->comm_pos);
	eng->sup_start = xreallocarray(eng->sup_start, m + 1, sizeof *eng->sup_start);
	for (size_t s = eng->source_count; s < m; s++) {
		alarm_rec_reset(&eng->comm[s], now_ms);
		eng->comm_first_seen[s] = now_ms;
		eng->comm_pos[s] = ALARM_NO_POS;
	}
	memset(eng->sup_start, 0, (m + 1) * sizeof *eng->sup_start);
	eng->source_count = m;
	eng->cfg_changed = true; /* read the new ones' out of service */
}

static void reset_slot(alarm_engine_t *eng, size_t i, uint64_t serial, int64_t now_ms)
{
	eng->states[i] = (alarm_state_t){ALARM_NONE, now_ms, false};
	eng->serials[i] = serial;
	eng->change_pos[i] = (history_pos_t){0, 0};
	reset_detect(&eng->detect[i]);
	alarm_rec_reset(&eng->limit[i], now_ms);
	alarm_rec_reset(&eng->fault[i], now_ms);
}

static void grow_readings(alarm_engine_t *eng, size_t n, int64_t now_ms)
{
	if (n <= eng->state_count)
		return;
	eng->states = xreallocarray(eng->states, n, sizeof *eng->states);
	eng->serials = xreallocarray(eng->serials, n, sizeof *eng->serials);
	eng->detect = xreallocarray(eng->detect, n, sizeof *eng->detect);
	eng->changes = xreallocarray(eng->changes, n * ALARM_HISTORY, sizeof *eng->changes);
	eng->change_pos = xreallocarray(eng->change_pos, n, sizeof *eng->change_pos);
	eng->limit = xreallocarray(eng->limit, n, sizeof *eng->limit);
	eng->fault = xreallocarray(eng->fault, n, sizeof *eng->fault);
	eng->limit_pos = xreallocarray(eng->limit_pos, n, sizeof *eng->limit_pos);
	eng->fault_pos = xreallocarray(eng->fault_pos, n, sizeof *eng->fault_pos);
	for (size_t i = eng->state_count; i < n; i++)
		reset_slot(eng, i, 0, now_ms);
	eng->state_count = n;
}

static void push_active(alarm_engine_t *eng, size_t i)
{
	if (eng->active_count == eng->active_cap) {
		eng->active_cap = eng->active_cap ? 2 * eng->active_cap : 64;
		eng->active = xreallocarray(eng->active, eng->active_cap, sizeof *eng->active);
		eng->active_keys =
		    xreallocarray(eng->active_keys, eng->active_cap, sizeof *eng->active_keys);
	}
	eng->active[eng->active_count++] = i;
}

static void evaluate_sources(alarm_engine_t *eng, const store_t *st, const alarm_eval_t *ev)
{
	for (size_t s = 0; s < eng->source_count; s++) {
		const source_status_t *src = store_source(st, (int)s);
		alarm_subject_t sub = {.kind = ALARM_KIND_COMM, .index = s, .source = src,
		                       .source_index = (int)s};
		if (eng->cfg_changed)
			eng->comm[s].out_of_service = alarm_rec_out_of_service(eng, &sub);
		bool lost = comm_lost(st, (int)s, src, eng->comm_first_seen[s], ev->now_ms);
		alarm_condition_t cond = {.active = lost, .since_ms = ev->now_ms};
		alarm_step(eng, ev, &sub, &eng->comm[s], &cond, &eng->comm_pos[s]);
	}
}

static void evaluate_reading(alarm_engine_t *eng, const store_t *st, const alarm_eval_t *ev,
                             size_t i, const reading_t *r)
{
	detect_level(eng, st, i, r, ev->now_ms);
	const alarm_state_t *s = &eng->states[i];
	const source_status_t *src = store_source(st, r->source);
	bool suppressed = r->source >= 0 && (size_t)r->source < eng->source_count &&
	                  eng->comm[r->source].active;
	alarm_subject_t sub = {.kind = ALARM_KIND_LIMIT, .index = i, .reading = r, .source = src,
	                       .source_index = r->source};
	alarm_condition_t cond = {.active = s->level != ALARM_NONE,
	                          .level = s->level,
	                          .since_ms = s->since_ms,
	                          .suppressed = suppressed,
	                          .stale = s->stale};
	if (eng->cfg_changed)
		eng->limit[i].out_of_service = alarm_rec_out_of_service(eng, &sub);
	alarm_step(eng, ev, &sub, &eng->limit[i], &cond, &eng->limit_pos[i]);

	sub.kind = ALARM_KIND_FAULT;
	cond = (alarm_condition_t){.active = r->quality == QUALITY_BAD,
	                           .since_ms = ev->now_ms,
	                           .suppressed = suppressed,
	                           .stale = s->stale};
	if (eng->cfg_changed)
		eng->fault[i].out_of_service = alarm_rec_out_of_service(eng, &sub);
	alarm_step(eng, ev, &sub, &eng->fault[i], &cond, &eng->fault_pos[i]);

	if (s->level == ALARM_NONE)
		return;
	push_active(eng, i);
	eng->critical_count += alarm_level_is_critical(s->level);
	eng->stale_count += s->stale;
}

/* Readings beyond a limit: LOLO/HIHI first, then newest, then index. */
static int compare_active(const void *pa, const void *pb)
{
	const alarm_active_key_t *a = pa, *b = pb;
	if (a->critical != b->critical)
		return a->critical ? -1 : 1;
	if (a->since_ms != b->since_ms)
		return a->since_ms > b->since_ms ? -1 : 1; /* newest first */
	return a->reading < b->reading ? -1 : a->reading > b->reading;
}

static void sort_active(alarm_engine_t *eng)
{
	size_t n = eng->active_count;
	for (size_t k = 0; k < n; k++) {
		size_t i = eng->active[k];
		eng->active_keys[k] = (alarm_active_key_t){
		    alarm_level_is_critical(eng->states[i].level), eng->states[i].since_ms, i};
	}
	if (n > 1)
		qsort(eng->active_keys, n, sizeof *eng->active_keys, compare_active);
	for (size_t k = 0; k < n; k++)
		eng->active[k] = eng->active_keys[k].reading;
}

void alarm_engine_evaluate(alarm_engine_t *eng, const store_t *st, int64_t now_ms)
{
	size_t n = store_reading_count(st);
	grow_readings(eng, n, now_ms);
	grow_sources(eng, store_source_count(st), now_ms);
	alarm_eval_t ev = {.now_ms = now_ms, .seq = eng->ops ? alarm_ops_seq(eng->ops) : 0};
	bool sweep = eng->ops && alarm_ops_has_silences(eng->ops) &&
	             now_ms - eng->swept_ms >= ALARM_SWEEP_MS;
	ev.ops_moved = !eng->evaluated || ev.seq != eng->ops_seq || sweep || now_ms < eng->swept_ms;
	if (ev.ops_moved)
		eng->swept_ms = now_ms;
	alarm_list_reset(eng);
	eng->active_count = eng->critical_count = eng->stale_count = 0;

	evaluate_sources(eng, st, &ev);
	for (size_t i = 0; i < n; i++) {
		const reading_t *r = store_reading(st, i);
		/* A free slot, or one taken by another reading since the last
		 * evaluation: nothing of the old state carries over. */
		if (!r || r->serial != eng->serials[i]) {
			reset_slot(eng, i, r ? r->serial : 0, now_ms);
			if (r && eng->cfg && eng->cfg->out_of_service_count && !eng->cfg_changed) {
				alarm_subject_t sub = {.kind = ALARM_KIND_LIMIT, .index = i, .reading = r};
				eng->limit[i].out_of_service = alarm_rec_out_of_service(eng, &sub);
				sub.kind = ALARM_KIND_FAULT;
				eng->fault[i].out_of_service = alarm_rec_out_of_service(eng, &sub);
			}
		}
		eng->limit_pos[i] = eng->fault_pos[i] = ALARM_NO_POS;
		if (r)
			evaluate_reading(eng, st, &ev, i, r);
	}
	sort_active(eng);
	alarm_list_finish(eng, now_ms);
	eng->cfg_changed = false;
	eng->evaluated = true;
	eng->ops_seq = ev.seq;
}
