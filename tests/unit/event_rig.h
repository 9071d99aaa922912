/* event_rig: a store of events filled by hand, evaluated, with the ui
 * context a page draws from, for the events board's and event page's tests
 * (test_page_events.c, test_events_lang.c). Each event is a burst water
 * main in 江北区 观音桥街道 with a six-step plan, four departments and two
 * escalations (街→区→市). */
#ifndef CITYDASH_TEST_EVENT_RIG_H
#define CITYDASH_TEST_EVENT_RIG_H

#include <stdint.h>

#include "pages.h"

#define T0  1764057600000LL /* 2025-11-25T08:00:00Z */
#define MIN 60000LL

typedef struct rig {
	store_t *st;
	alarm_engine_t *alarms;
	view_t view;
	gov_view_t gov;
	scope_t scope;
	ui_ctx_t ctx;
	int src;
} rig_t;

/* One event as a document at steady time `at` lists it. */
void put_event_as(rig_t *r, const char *id, severity_t sev, int opened_min, int64_t due,
                  stage_t stage, tier_t level, int64_t at);
/* One event: its id, its severity and how many minutes ago it opened
 * (handling, owned by the city). */
void put_event(rig_t *r, const char *id, severity_t sev, int opened_min, int64_t due);
/* `events` events evt-a, evt-b, ... (severity falling from critical; evt-a
 * overdue by 18 minutes, the others due in 90), evaluated in the city's
 * scope. At most four. */
void rig_open(rig_t *r, int events);
void rig_close(rig_t *r);
/* The serial of the event with this id (fails the test if there is none). */
uint64_t serial_of(const rig_t *r, const char *id);

#endif
