/* alarm_scene: every state an alarm list shows (see alarm_scene.h). */
#include "alarm_scene.h"

#include <string.h>

#define T0 ALARM_SCENE_T0

const rig_put_t alarm_scene_base[ALARM_SCENE_BASE_COUNT] = {
    {"w.hihi", 95, 0}, {"w.hi", 85, 0},    {"w.lo", 15, 0},
    {"w.back", 95, 0}, {"w.shelf", 95, 0}, {"w.ok", 50, 0},
};

void scene_eval(scene_t *s, int64_t now)
{
	s->now = now;
	rig_eval(&s->rig, now);
	view_update(&s->view, s->rig.st, s->rig.eng, now);
	s->status = (alarm_status_t){.journal_path = "j", .user = "ana@wall", .bell = true};
	s->ctx = (ui_ctx_t){.store = s->rig.st,
	                    .alarms = s->rig.eng,
	                    .view = &s->view,
	                    .now_ms = now,
	                    .clock_ms = now,
	                    .alarm_status = &s->status};
}

void scene_open(scene_t *s)
{
	memset(s, 0, sizeof *s);
	rig_open(&s->rig);
	view_init(&s->view);
	int remote = store_add_source(s->rig.st, "remote", "http://127.0.0.1/", 1000, 3000);
	rig_poll(&s->rig, 0, alarm_scene_base, ALARM_SCENE_BASE_COUNT, T0);
	rig_poll(&s->rig, remote, (rig_put_t[]){{"r.level", 95, 0}}, 1, T0);
	scene_eval(s, T0);
	rig_ack(&s->rig, "w.hi", T0 + 1000);
	rig_shelve(&s->rig, "w.shelf", T0 + 1000, T0 + 2 * 3600 * 1000, "泵房检修 pump work");
	scene_eval(s, T0 + 1000);
	rig_put_t later[ALARM_SCENE_BASE_COUNT];
	memcpy(later, alarm_scene_base, sizeof later);
	later[3].value = 50; /* w.back returns: RTNUN */
	for (int i = 2; i <= 10; i += 2) { /* the remote source falls silent */
		rig_poll(&s->rig, 0, later, ALARM_SCENE_BASE_COUNT, T0 + i * 1000);
		scene_eval(s, T0 + i * 1000);
	}
}

void scene_close(scene_t *s)
{
	view_free(&s->view);
	rig_close(&s->rig);
}
