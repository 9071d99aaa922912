/* isa: the ISA-18.2 / IEC 62682 alarm state model, as a pure function. The
 * engine (alarm.h) steps every alarm through isa_next and no other way, so
 * an alarm can only ever make a transition the model has.
 *
 *   NORM   normal: condition clear, nothing to acknowledge
 *   UNACK  unacknowledged: condition active, not yet acknowledged
 *   ACKED  acknowledged: condition active, acknowledged
 *   RTNUN  returned to normal unacknowledged
 *   SHLVD  shelved by an operator (until it expires or is unshelved)
 *   DSUPR  suppressed by design (here: under its source's communications alarm)
 *   OOSRV  out of service (set in the configuration)
 *
 * Transitions (event: from -> to):
 *   ALARM      NORM -> UNACK, RTNUN -> UNACK, ACKED -> UNACK (re-alarm: the
 *              condition got worse, e.g. HI -> HIHI, or came back after an
 *              off-delay cleared it)
 *   CLEAR      UNACK -> RTNUN, ACKED -> NORM
 *   ACK        UNACK -> ACKED, RTNUN -> NORM
 *   SHELVE     NORM, UNACK, ACKED, RTNUN -> SHLVD
 *   UNSHELVE   SHLVD -> UNACK if the condition is active, else NORM
 *   SUPPRESS   NORM, UNACK, ACKED, RTNUN -> DSUPR
 *   UNSUPPRESS DSUPR -> UNACK if the condition is active, else NORM
 *   REMOVE     any state but OOSRV -> OOSRV
 *   RETURN     OOSRV -> UNACK if the condition is active, else NORM
 * Anything else is not a transition of the model: isa_next refuses it. */
#ifndef CITYDASH_ISA_H
#define CITYDASH_ISA_H

#include <stdbool.h>

typedef enum isa_state {
	ISA_NORM,
	ISA_UNACK,
	ISA_ACKED,
	ISA_RTNUN,
	ISA_SHLVD,
	ISA_DSUPR,
	ISA_OOSRV,
	ISA_STATE_COUNT
} isa_state_t;

typedef enum isa_event {
	ISA_EV_ALARM,
	ISA_EV_CLEAR,
	ISA_EV_ACK,
	ISA_EV_SHELVE,
	ISA_EV_UNSHELVE,
	ISA_EV_SUPPRESS,
	ISA_EV_UNSUPPRESS,
	ISA_EV_REMOVE,
	ISA_EV_RETURN,
	ISA_EVENT_COUNT
} isa_event_t;

/* The state `event` takes `state` to; `active` (the condition holds now)
 * decides where UNSHELVE, UNSUPPRESS and RETURN lead. Returns `state`
 * unchanged and sets *ok false (ok may be NULL) when the model has no such
 * transition. */
isa_state_t isa_next(isa_state_t state, isa_event_t event, bool active, bool *ok);

/* "NORM", "UNACK", "ACKED", "RTNUN", "SHLVD", "DSUPR", "OOSRV": the ISA tags,
 * not translated. */
const char *isa_state_tag(isa_state_t state);
/* The state in words, N_() (translate with _()): "normal", "unacknowledged",
 * "acknowledged", "returned, unacknowledged", "shelved", "suppressed",
 * "out of service". */
const char *isa_state_word(isa_state_t state);
/* "ALARM", "CLEAR", "ACK", ...: for tests and the log. */
const char *isa_event_tag(isa_event_t event);

/* Whether an alarm in this state needs the operator: UNACK or RTNUN. */
bool isa_state_unacked(isa_state_t state);

#endif
