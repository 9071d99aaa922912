/* alarm_scene: every state an alarm list shows, over the real alarm engine
 * (alarm_rig): UNACK (w.hihi HIHI, w.lo LO), ACKED (w.hi HI), RTNUN
 * (w.back), SHLVD (w.shelf, shelved by ana@wall for "泵房检修 pump work"), a
 * communications alarm (source "remote" falls silent) with the alarm of its
 * reading r.level suppressed under it, and w.ok normal. Shared by the
 * alarms page's tests in English and in Chinese. */
#ifndef CITYDASH_TEST_ALARM_SCENE_H
#define CITYDASH_TEST_ALARM_SCENE_H

#include "alarm_rig.h"
#include "alarm_status.h"
#include "pages.h"
#include "view.h"

#define ALARM_SCENE_T0 1764057600000LL /* 2025-11-25T08:00:00Z */

/* The source 0 readings the scene polls first: w.hihi, w.hi, w.lo, w.back,
 * w.shelf, w.ok (w.back is 50 from 2 s on). */
enum { ALARM_SCENE_BASE_COUNT = 6 };
extern const rig_put_t alarm_scene_base[ALARM_SCENE_BASE_COUNT];

typedef struct alarm_scene {
	rig_t rig;
	view_t view;
	ui_ctx_t ctx;
	int64_t now; /* of the last scene_eval */
	alarm_status_t status;
} scene_t;

/* Builds the scene, ending 10 s after ALARM_SCENE_T0. */
void scene_open(scene_t *s);
/* Evaluates the alarms at `now` and rebuilds the view and ctx. */
void scene_eval(scene_t *s, int64_t now);
void scene_close(scene_t *s);

#endif
