#include "isa.h"

#include "i18n.h"

/* A leaving transition (UNSHELVE, UNSUPPRESS, RETURN) lands by the condition. */
static isa_state_t by_condition(bool active)
{
	return active ? ISA_UNACK : ISA_NORM;
}

/* The states an operator or the design may take an alarm from: the four of
 * the alarm's own life (ISA-18.2's A to D). */
static bool in_life(isa_state_t s)
{
	return s == ISA_NORM || s == ISA_UNACK || s == ISA_ACKED || s == ISA_RTNUN;
}

isa_state_t isa_next(isa_state_t s, isa_event_t ev, bool active, bool *ok)
{
	isa_state_t to = ISA_STATE_COUNT; /* no transition */
	switch (ev) {
	case ISA_EV_ALARM:
		if (s == ISA_NORM || s == ISA_RTNUN || s == ISA_ACKED)
			to = ISA_UNACK;
		break;
	case ISA_EV_CLEAR:
		if (s == ISA_UNACK)
			to = ISA_RTNUN;
		else if (s == ISA_ACKED)
			to = ISA_NORM;
		break;
	case ISA_EV_ACK:
		if (s == ISA_UNACK)
			to = ISA_ACKED;
		else if (s == ISA_RTNUN)
			to = ISA_NORM;
		break;
	case ISA_EV_SHELVE:
		if (in_life(s))
			to = ISA_SHLVD;
		break;
	case ISA_EV_UNSHELVE:
		if (s == ISA_SHLVD)
			to = by_condition(active);
		break;
	case ISA_EV_SUPPRESS:
		if (in_life(s))
			to = ISA_DSUPR;
		break;
	case ISA_EV_UNSUPPRESS:
		if (s == ISA_DSUPR)
			to = by_condition(active);
		break;
	case ISA_EV_REMOVE:
		if (s != ISA_OOSRV && s < ISA_STATE_COUNT)
			to = ISA_OOSRV;
		break;
	case ISA_EV_RETURN:
		if (s == ISA_OOSRV)
			to = by_condition(active);
		break;
	default:
		break;
	}
	if (ok)
		*ok = to != ISA_STATE_COUNT;
	return to != ISA_STATE_COUNT ? to : s;
}

const char *isa_state_tag(isa_state_t s)
{
	static const char *const tags[] = {"NORM",  "UNACK", "ACKED", "RTNUN",
	                                   "SHLVD", "DSUPR", "OOSRV"};
	return s < ISA_STATE_COUNT ? tags[s] : "?";
}

const char *isa_state_word(isa_state_t s)
{
	static const char *const words[] = {
	    N_("normal"),   N_("unacknowledged"), N_("acknowledged"),  N_("returned, unacknowledged"),
	    N_("shelved"),  N_("suppressed"),     N_("out of service"),
	};
	return s < ISA_STATE_COUNT ? words[s] : "?";
}

const char *isa_event_tag(isa_event_t ev)
{
	static const char *const tags[] = {"ALARM",    "CLEAR",      "ACK",    "SHELVE", "UNSHELVE",
	                                   "SUPPRESS", "UNSUPPRESS", "REMOVE", "RETURN"};
	return ev < ISA_EVENT_COUNT ? tags[ev] : "?";
}

bool isa_state_unacked(isa_state_t s)
{
	return s == ISA_UNACK || s == ISA_RTNUN;
}
