/* alarm_step: one alarm through the ISA-18.2 states (isa.h) at one
 * evaluation. The condition (from detection), the operators' decisions
 * (alarm_ops_lookup), the design's suppression and the configuration's out
 * of service are turned into events, and the state moves only by isa_next.
 *
 * Precedence: out of service over shelved over suppressed over the alarm's
 * own life (UNACK, ACKED, RTNUN, NORM). Entering a higher one from a lower
 * one steps out of the lower first (DSUPR -UNSUPPRESS-> ... -SHELVE->
 * SHLVD); when a higher one ends the alarm steps out (UNSHELVE, RETURN,
 * UNSUPPRESS lands by the condition) and the others apply at once, in the
 * same evaluation (a still-current ack acknowledges it again). */
#include <string.h>

#include "alarm_private.h"
#include "i18n.h"
#include "text.h"

void alarm_rec_reset(alarm_rec_t *rec, int64_t now_ms)
{
	memset(rec, 0, sizeof *rec);
	rec->state = ISA_NORM; /* the one state set without isa_next: a new alarm */
	rec->since_ms = rec->state_ms = now_ms;
	rec->fresh = true;
}

static int rank(alarm_level_t level)
{
	return level == ALARM_NONE ? 0 : alarm_level_is_critical(level) ? 2 : 1;
}

static alarm_priority_t priority_of(alarm_kind_t kind, alarm_level_t level)
{
	switch (kind) {
	case ALARM_KIND_LIMIT:
		return alarm_level_is_critical(level) ? ALARM_PRIORITY_HIGH : ALARM_PRIORITY_MEDIUM;
	case ALARM_KIND_FAULT:
		return ALARM_PRIORITY_MEDIUM;
	default:
		return ALARM_PRIORITY_HIGH;
	}
}

bool alarm_rec_out_of_service(const alarm_engine_t *eng, const alarm_subject_t *sub)
{
	if (!eng->cfg || !eng->cfg->out_of_service_count)
		return false;
	char id[ALARM_ID_MAX];
	alarm_subject_id(sub, id);
	return alarm_cfg_out_of_service(eng->cfg, id, sub->reading ? sub->reading->id : NULL);
}

/* What one step of the state machine needs besides the record. */
typedef struct step_ctx {
	alarm_engine_t *eng;
	const alarm_eval_t *ev;
	const alarm_subject_t *sub;
	alarm_rec_t *rec;
	char id[ALARM_ID_MAX]; /* built on the first change */
	bool have_id;
} step_ctx_t;

static const char *ctx_id(step_ctx_t *c)
{
	if (!c->have_id) {
		alarm_subject_id(c->sub, c->id);
		c->have_id = true;
	}
	return c->id;
}

static bool hidden(isa_state_t s)
{
	return s == ISA_SHLVD || s == ISA_DSUPR || s == ISA_OOSRV;
}

/* Steps the alarm by `event`, logs the change (with who and why, from
 * `note`, when an operator caused it) and keeps the figures. */
static void go(step_ctx_t *c, isa_event_t event, const alarm_note_t *note, const char *why)
{
	alarm_rec_t *rec = c->rec;
	isa_state_t from = rec->state;
	bool ok;
	isa_state_t to = isa_next(from, event, rec->active, &ok);
	if (!ok)
		return; /* the callers only ask for transitions of the model */
	rec->state = (uint8_t)to;
	rec->state_ms = c->ev->now_ms;

	alarm_log_entry_t e = {.at_ms = c->ev->now_ms,
	                       .kind = (uint8_t)c->sub->kind,
	                       .level = rec->level,
	                       .priority = rec->priority,
	                       .from = from,
	                       .to = to};
	text_copy_cut(e.alarm, sizeof e.alarm, ctx_id(c));
	if (note && note->at_ms) {
		text_copy_cut(e.by, sizeof e.by, note->by);
		text_copy_cut(e.reason, sizeof e.reason, note->reason);
	} else if (why) {
		text_copy_cut(e.reason, sizeof e.reason, why);
	}
	alarm_log_add(c->eng->log, &e);

	/* An arrival: an activation annunciated (from the alarm's own life), or
	 * one never shown before, now shown on leaving a hidden state. */
	if (to == ISA_UNACK) {
		if (!hidden(from) || !rec->announced) {
			if (!rec->standing)
				alarm_kpi_arrival(c->eng->kpi, c->ev->now_ms);
			if (rec->priority == ALARM_PRIORITY_HIGH)
				c->eng->high_arrivals++;
		}
		rec->announced = true;
	}
	if (to == ISA_NORM)
		alarm_list_note_cleared(c->eng, ctx_id(c));
}

/* The alarm's own life: condition and acknowledgement. */
static void live(step_ctx_t *c, bool escalated, const alarm_decision_t *d)
{
	alarm_rec_t *rec = c->rec;
	isa_state_t s = rec->state;
	if (rec->active && (s == ISA_NORM || s == ISA_RTNUN || (s == ISA_ACKED && escalated))) {
		go(c, ISA_EV_ALARM, NULL, escalated && s == ISA_ACKED ? "escalated" : NULL);
	} else if (!rec->active && (s == ISA_UNACK || s == ISA_ACKED)) {
		go(c, ISA_EV_CLEAR, NULL, NULL);
	}
	s = rec->state;
	if (d->acked && (s == ISA_UNACK || s == ISA_RTNUN))
		go(c, ISA_EV_ACK, &d->ack, NULL);
}

static void follow_condition(alarm_rec_t *rec, const alarm_subject_t *sub,
                             const alarm_condition_t *cond, bool *escalated)
{
	*escalated = false;
	if (cond->active && !rec->active) {
		rec->since_ms = cond->since_ms;
		rec->peak = (uint8_t)cond->level;
		alarm_chatter_note(&rec->chatter, cond->since_ms);
		rec->announced = false;
		rec->standing = rec->fresh;
	} else if (cond->active && rank(cond->level) > rank(rec->level)) {
		*escalated = true;
	}
	if (cond->active) {
		if (rank(cond->level) > rank(rec->peak))
			rec->peak = (uint8_t)cond->level;
		rec->level = (uint8_t)cond->level;
		rec->priority = (uint8_t)priority_of(sub->kind, cond->level);
	} else if (rec->active) {
		/* Returned: the priority of the activation's worst, as its peak
		 * level shows (HIHI then back through HI is a high one). */
		rec->level = ALARM_NONE;
		rec->priority = (uint8_t)priority_of(sub->kind, (alarm_level_t)rec->peak);
	}
	rec->active = cond->active;
}

/* Whether the operators' decisions must be read for this alarm now: it is
 * not at rest, or they changed (a shelve of an alarm at rest is legal). */
static bool need_decision(const alarm_engine_t *eng, const alarm_eval_t *ev, const alarm_rec_t *rec,
                          const alarm_condition_t *cond)
{
	return eng->ops && (rec->state != ISA_NORM || cond->active || ev->ops_moved);
}

static void lookup(const alarm_engine_t *eng, const alarm_eval_t *ev, step_ctx_t *c,
                   alarm_decision_t *d)
{
	const alarm_subject_t *sub = c->sub;
	const reading_t *r = sub->reading;
	alarm_labels_t labels = {
	    .alarm_id = ctx_id(c),
	    .kind = alarm_kind_name(sub->kind),
	    .domain = r ? r->domain_token : "",
	    .district = r ? r->district : "",
	    .street = r ? r->street : "",
	    .priority = alarm_priority_name(c->rec->priority ? c->rec->priority
	                                                     : priority_of(sub->kind, ALARM_NONE)),
	    .source = sub->source && sub->source->name ? sub->source->name : "",
	};
	alarm_ops_lookup(eng->ops, &labels, c->rec->ack_after_seq, ev->now_ms, d);
}

void alarm_step(alarm_engine_t *eng, const alarm_eval_t *ev, const alarm_subject_t *sub,
                alarm_rec_t *rec, const alarm_condition_t *cond, size_t *pos)
{
	step_ctx_t c = {.eng = eng, .ev = ev, .sub = sub, .rec = rec};
	bool escalated;
	follow_condition(rec, sub, cond, &escalated);
	/* An escalation needs a new ack, whatever its state: acks made until
	 * now were for the milder condition (an ACKED alarm re-alarms). */
	if (escalated)
		rec->ack_after_seq = ev->seq;
	rec->fresh = false;
	alarm_decision_t d;
	memset(&d, 0, sizeof d);
	if (need_decision(eng, ev, rec, cond))
		lookup(eng, ev, &c, &d);

	bool shelved = d.shelved;
	isa_state_t s = rec->state;
	if (s == ISA_OOSRV) {
		if (rec->out_of_service)
			goto listed;
		go(&c, ISA_EV_RETURN, NULL, _("returned to service"));
	} else if (rec->out_of_service) {
		go(&c, ISA_EV_REMOVE, NULL, _("out of service"));
		goto listed;
	}
	if (rec->state == ISA_SHLVD) {
		if (shelved)
			goto listed;
		bool expired = rec->shelve_until_ms && rec->shelve_until_ms <= ev->now_ms;
		go(&c, ISA_EV_UNSHELVE, NULL, expired ? _("shelve expired") : _("unshelved"));
		rec->shelve_until_ms = 0;
	} else if (shelved) {
		if (rec->state == ISA_DSUPR)
			go(&c, ISA_EV_UNSUPPRESS, NULL, NULL);
		go(&c, ISA_EV_SHELVE, &d.shelve, NULL);
		goto listed;
	}
	if (rec->state == ISA_DSUPR) {
		if (cond->suppressed)
			goto listed;
		go(&c, ISA_EV_UNSUPPRESS, NULL, NULL);
	} else if (cond->suppressed && (rec->active || rec->state != ISA_NORM)) {
		/* Only alarms that are not at rest: a dead source's quiet
		 * readings do not fill the suppressed list. */
		go(&c, ISA_EV_SUPPRESS, NULL, NULL);
		goto listed;
	}
	live(&c, escalated, &d);

listed:
	if (rec->state == ISA_SHLVD && d.shelved)
		rec->shelve_until_ms = d.shelve.until_ms;
	/* At rest: acks made until now belong to activations gone by. */
	if (rec->state == ISA_NORM && !rec->active) {
		rec->ack_after_seq = ev->seq;
		*pos = ALARM_NO_POS;
		return;
	}
	if (rec->state == ISA_NORM) {
		*pos = ALARM_NO_POS;
		return;
	}
	*pos = alarm_list_add(eng, sub, rec, &d, cond->stale);
}
