/* alarm_rig: see alarm_rig.h. */
#include "alarm_rig.h"

#include <string.h>

static const limits_t four = {LIMIT_LOLO | LIMIT_LO | LIMIT_HI | LIMIT_HIHI, 10, 20, 80, 90};

void rig_open(rig_t *r)
{
	r->st = store_create();
	store_add_source(r->st, "t", "http://127.0.0.1/", 1000, 3000);
	r->eng = alarm_engine_create();
	r->ops = alarm_ops_create();
	alarm_cfg_defaults(&r->cfg);
	alarm_engine_configure(r->eng, NULL, r->ops);
}

void rig_close(rig_t *r)
{
	alarm_engine_destroy(r->eng);
	alarm_ops_destroy(r->ops);
	store_destroy(r->st);
}

void rig_use_cfg(rig_t *r)
{
	alarm_engine_configure(r->eng, &r->cfg, r->ops);
}

void rig_poll(rig_t *r, int source, const rig_put_t *puts, size_t n, int64_t now_ms)
{
	store_begin_poll(r->st, source, now_ms);
	for (size_t i = 0; i < n; i++) {
		reading_in_t in = {
		    .id = puts[i].id,
		    .domain = "water",
		    .district = "D",
		    .street = "S",
		    .has_value = true,
		    .value = puts[i].value,
		    .limits = four,
		    .deadband = 1,
		    .quality = puts[i].quality,
		};
		store_put_reading(r->st, source, &in, now_ms);
	}
	store_end_poll(r->st, source, &(poll_report_t){0}, now_ms);
}

void rig_value(rig_t *r, const char *id, double value, int64_t now_ms)
{
	rig_poll(r, 0, &(rig_put_t){id, value, QUALITY_GOOD}, 1, now_ms);
}

void rig_eval(rig_t *r, int64_t now_ms)
{
	alarm_engine_evaluate(r->eng, r->st, now_ms);
}

void rig_step(rig_t *r, const char *id, double value, int64_t now_ms)
{
	rig_value(r, id, value, now_ms);
	rig_eval(r, now_ms);
}

static void act(rig_t *r, const char *alarm, journal_action_t action, int64_t at_ms,
                int64_t until_ms, const char *reason)
{
	journal_entry_t e = {.at_ms = at_ms,
	                     .user = "ana",
	                     .host = "wall",
	                     .alarm = alarm,
	                     .action = action,
	                     .reason = reason ? reason : "",
	                     .until_ms = until_ms};
	alarm_ops_apply(r->ops, &e);
}

void rig_ack(rig_t *r, const char *alarm, int64_t at_ms)
{
	act(r, alarm, JOURNAL_ACK, at_ms, 0, "seen");
}

void rig_shelve(rig_t *r, const char *alarm, int64_t at_ms, int64_t until_ms, const char *reason)
{
	act(r, alarm, JOURNAL_SHELVE, at_ms, until_ms, reason);
}

void rig_unshelve(rig_t *r, const char *alarm, int64_t at_ms)
{
	act(r, alarm, JOURNAL_UNSHELVE, at_ms, 0, NULL);
}

const alarm_info_t *rig_find(const rig_t *r, const char *id)
{
	for (size_t i = 0; i < alarm_engine_alarm_count(r->eng); i++) {
		const alarm_info_t *a = alarm_engine_alarm(r->eng, i);
		if (strcmp(a->id, id) == 0)
			return a;
	}
	return NULL;
}

isa_state_t rig_state(const rig_t *r, const char *id)
{
	const alarm_info_t *a = rig_find(r, id);
	return a ? a->state : ISA_NORM;
}
