/* The ISA-18.2 state model (alarms/isa.h): every (state, event, condition)
 * against a table written from the model, the allowed transitions and the
 * refused ones alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "isa.h"

enum { N = ISA_NORM, U = ISA_UNACK, A = ISA_ACKED, R = ISA_RTNUN, S = ISA_SHLVD, D = ISA_DSUPR,
       O = ISA_OOSRV, X = -1 /* refused */ };

/* to[state][event][active]: the model of isa.h's header, one cell each. */
static const int to[ISA_STATE_COUNT][ISA_EVENT_COUNT][2] = {
    [ISA_NORM] = {[ISA_EV_ALARM] = {U, U},
                  [ISA_EV_CLEAR] = {X, X},
                  [ISA_EV_ACK] = {X, X},
                  [ISA_EV_SHELVE] = {S, S},
                  [ISA_EV_UNSHELVE] = {X, X},
                  [ISA_EV_SUPPRESS] = {D, D},
                  [ISA_EV_UNSUPPRESS] = {X, X},
                  [ISA_EV_REMOVE] = {O, O},
                  [ISA_EV_RETURN] = {X, X}},
    [ISA_UNACK] = {[ISA_EV_ALARM] = {X, X},
                   [ISA_EV_CLEAR] = {R, R},
                   [ISA_EV_ACK] = {A, A},
                   [ISA_EV_SHELVE] = {S, S},
                   [ISA_EV_UNSHELVE] = {X, X},
                   [ISA_EV_SUPPRESS] = {D, D},
                   [ISA_EV_UNSUPPRESS] = {X, X},
                   [ISA_EV_REMOVE] = {O, O},
                   [ISA_EV_RETURN] = {X, X}},
    [ISA_ACKED] = {[ISA_EV_ALARM] = {U, U}, /* re-alarm */
                   [ISA_EV_CLEAR] = {N, N},
                   [ISA_EV_ACK] = {X, X},
                   [ISA_EV_SHELVE] = {S, S},
                   [ISA_EV_UNSHELVE] = {X, X},
                   [ISA_EV_SUPPRESS] = {D, D},
                   [ISA_EV_UNSUPPRESS] = {X, X},
                   [ISA_EV_REMOVE] = {O, O},
                   [ISA_EV_RETURN] = {X, X}},
    [ISA_RTNUN] = {[ISA_EV_ALARM] = {U, U},
                   [ISA_EV_CLEAR] = {X, X},
                   [ISA_EV_ACK] = {N, N},
                   [ISA_EV_SHELVE] = {S, S},
                   [ISA_EV_UNSHELVE] = {X, X},
                   [ISA_EV_SUPPRESS] = {D, D},
                   [ISA_EV_UNSUPPRESS] = {X, X},
                   [ISA_EV_REMOVE] = {O, O},
                   [ISA_EV_RETURN] = {X, X}},
    [ISA_SHLVD] = {[ISA_EV_ALARM] = {X, X},
                   [ISA_EV_CLEAR] = {X, X},
                   [ISA_EV_ACK] = {X, X},
                   [ISA_EV_SHELVE] = {X, X},
                   [ISA_EV_UNSHELVE] = {N, U}, /* lands by the condition */
                   [ISA_EV_SUPPRESS] = {X, X},
                   [ISA_EV_UNSUPPRESS] = {X, X},
                   [ISA_EV_REMOVE] = {O, O},
                   [ISA_EV_RETURN] = {X, X}},
    [ISA_DSUPR] = {[ISA_EV_ALARM] = {X, X},
                   [ISA_EV_CLEAR] = {X, X},
                   [ISA_EV_ACK] = {X, X},
                   [ISA_EV_SHELVE] = {X, X},
                   [ISA_EV_UNSHELVE] = {X, X},
                   [ISA_EV_SUPPRESS] = {X, X},
                   [ISA_EV_UNSUPPRESS] = {N, U},
                   [ISA_EV_REMOVE] = {O, O},
                   [ISA_EV_RETURN] = {X, X}},
    [ISA_OOSRV] = {[ISA_EV_ALARM] = {X, X},
                   [ISA_EV_CLEAR] = {X, X},
                   [ISA_EV_ACK] = {X, X},
                   [ISA_EV_SHELVE] = {X, X},
                   [ISA_EV_UNSHELVE] = {X, X},
                   [ISA_EV_SUPPRESS] = {X, X},
                   [ISA_EV_UNSUPPRESS] = {X, X},
                   [ISA_EV_REMOVE] = {X, X},
                   [ISA_EV_RETURN] = {N, U}},
};

static void test_every_transition(void **state)
{
	(void)state;
	unsigned allowed = 0, refused = 0;
	for (int s = 0; s < ISA_STATE_COUNT; s++)
		for (int e = 0; e < ISA_EVENT_COUNT; e++)
			for (int act = 0; act < 2; act++) {
				int want = to[s][e][act];
				bool ok = want == X; /* the wrong answer: isa_next must set it */
				isa_state_t got = isa_next((isa_state_t)s, (isa_event_t)e, act, &ok);
				if (want == X) {
					if (ok || got != (isa_state_t)s)
						fail_msg("%s %s (active %d): refused by the model, got %s",
						         isa_state_tag((isa_state_t)s),
						         isa_event_tag((isa_event_t)e), act,
						         isa_state_tag(got));
					refused++;
				} else {
					if (!ok || got != (isa_state_t)want)
						fail_msg("%s %s (active %d): want %s, got %s (ok %d)",
						         isa_state_tag((isa_state_t)s),
						         isa_event_tag((isa_event_t)e), act,
						         isa_state_tag((isa_state_t)want),
						         isa_state_tag(got), ok);
					allowed++;
				}
				/* ok may be NULL: the same state comes back. */
				assert_int_equal(isa_next((isa_state_t)s, (isa_event_t)e, act, NULL), got);
			}
	/* The model's transitions, counted from its header: ALARM from three
	 * states, CLEAR and ACK from two, SHELVE and SUPPRESS from four, REMOVE
	 * from six, the three leaving ones from one; under both conditions. */
	assert_int_equal(allowed, 2 * (3 + 2 + 2 + 4 + 4 + 6 + 1 + 1 + 1));
	assert_int_equal(allowed + refused, 2 * ISA_STATE_COUNT * ISA_EVENT_COUNT);
}

/* Out of range is refused, never read past a table. */
static void test_out_of_range(void **state)
{
	(void)state;
	bool ok = true;
	assert_int_equal(isa_next(ISA_STATE_COUNT, ISA_EV_REMOVE, false, &ok), ISA_STATE_COUNT);
	assert_false(ok);
	ok = true;
	assert_int_equal(isa_next(ISA_NORM, ISA_EVENT_COUNT, false, &ok), ISA_NORM);
	assert_false(ok);
	assert_string_equal(isa_state_tag(ISA_STATE_COUNT), "?");
	assert_string_equal(isa_event_tag(ISA_EVENT_COUNT), "?");
}

static void test_names(void **state)
{
	(void)state;
	static const char *const tags[] = {"NORM", "UNACK", "ACKED", "RTNUN", "SHLVD", "DSUPR",
	                                   "OOSRV"};
	for (int s = 0; s < ISA_STATE_COUNT; s++) {
		assert_string_equal(isa_state_tag((isa_state_t)s), tags[s]);
		assert_true(strlen(isa_state_word((isa_state_t)s)) > 0);
		assert_int_equal(isa_state_unacked((isa_state_t)s), s == ISA_UNACK || s == ISA_RTNUN);
	}
	assert_string_equal(isa_event_tag(ISA_EV_UNSUPPRESS), "UNSUPPRESS");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_transition),
	    cmocka_unit_test(test_out_of_range),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
