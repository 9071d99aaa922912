/* Unit tests for alarms/alarm_ops.c and alarms/am_match.c: acks, shelves and
 * unshelves in applied order, expiry, sequence numbers, reasons cut on a
 * character, Alertmanager silences as acks and shelves (the seq first seen
 * kept across syncs) and the matchers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alarm_ops.h"
#include "am_match.h"
#include "text.h"
#include "xalloc.h"

static journal_entry_t entry(const char *alarm, journal_action_t action, int64_t at,
                             int64_t until, const char *reason)
{
	return (journal_entry_t){.at_ms = at,
	                         .user = "li",
	                         .host = "wall-1",
	                         .alarm = alarm,
	                         .action = action,
	                         .reason = reason,
	                         .until_ms = until};
}

static void apply(alarm_ops_t *ops, const char *alarm, journal_action_t action, int64_t at,
                  int64_t until, const char *reason)
{
	journal_entry_t e = entry(alarm, action, at, until, reason);
	alarm_ops_apply(ops, &e);
}

static alarm_labels_t labels(const char *id)
{
	return (alarm_labels_t){.alarm_id = id,
	                        .kind = "limit",
	                        .domain = "water",
	                        .district = "North",
	                        .street = "",
	                        .priority = "high",
	                        .source = "water"};
}

static alarm_decision_t look(const alarm_ops_t *ops, const char *id, uint64_t after, int64_t now)
{
	alarm_labels_t l = labels(id);
	alarm_decision_t d;
	memset(&d, 0x55, sizeof d); /* lookup sets every field */
	alarm_ops_lookup(ops, &l, after, now, &d);
	return d;
}

static void test_ack_seq(void **state)
{
	(void)state;
	alarm_ops_t *ops = alarm_ops_create();
	assert_int_equal(alarm_ops_seq(ops), 0);
	alarm_decision_t d = look(ops, "w.1", 0, 100);
	assert_false(d.acked);
	assert_false(d.shelved);
	assert_int_equal(d.ack.at_ms, 0);
	apply(ops, "w.1", JOURNAL_ACK, 100, 0, "seen");
	/* The ack's seq is the counter after the increment. */
	assert_int_equal(alarm_ops_seq(ops), 1);
	d = look(ops, "w.1", 0, 200);
	assert_true(d.acked);
	assert_false(d.ack.remote);
	assert_int_equal(d.ack.at_ms, 100);
	assert_int_equal(d.ack.until_ms, 0);
	assert_string_equal(d.ack.by, "li@wall-1");
	assert_string_equal(d.ack.reason, "seen");
	assert_false(d.shelved);
	/* Back to normal at seq 1: that ack is of the old activation. */
	assert_false(look(ops, "w.1", 1, 200).acked);
	assert_false(look(ops, "w.2", 0, 200).acked);
	apply(ops, "w.2", JOURNAL_ACK, 300, 0, "");
	assert_int_equal(alarm_ops_seq(ops), 2);
	assert_false(look(ops, "w.1", 1, 300).acked);
	/* A new ack of the new activation; the newest note wins. */
	apply(ops, "w.1", JOURNAL_ACK, 400, 0, "again");
	assert_int_equal(alarm_ops_seq(ops), 3);
	d = look(ops, "w.1", 2, 400);
	assert_true(d.acked);
	assert_string_equal(d.ack.reason, "again");
	assert_false(look(ops, "w.1", 3, 400).acked);
	/* Ids no alarm can have are ignored, the counter stays. */
	char longid[200];
	memset(longid, 'x', sizeof longid - 1);
	longid[sizeof longid - 1] = '\0';
	apply(ops, longid, JOURNAL_ACK, 500, 0, "");
	apply(ops, "", JOURNAL_ACK, 500, 0, "");
	assert_int_equal(alarm_ops_seq(ops), 3);
	/* Many ids: the map grows and finds them all. */
	char id[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(id, sizeof id, "r.%d", i);
		apply(ops, id, JOURNAL_ACK, 1000 + i, 0, "");
	}
	for (int i = 0; i < 1000; i++) {
		snprintf(id, sizeof id, "r.%d", i);
		d = look(ops, id, 0, 5000);
		assert_true(d.acked);
		assert_int_equal(d.ack.at_ms, 1000 + i);
	}
	assert_true(look(ops, "w.1", 2, 400).acked);
	alarm_ops_destroy(ops);
}

typedef struct seen {
	int n;
	char ids[4][32];
	int64_t until[4];
} seen_t;

static void collect(void *ctx, const char *alarm_id, const alarm_note_t *shelve)
{
	seen_t *s = ctx;
	assert_true(s->n < 4);
	snprintf(s->ids[s->n], sizeof s->ids[s->n], "%s", alarm_id);
	s->until[s->n++] = shelve->until_ms;
}

static void test_shelve_order_expiry(void **state)
{
	(void)state;
	alarm_ops_t *ops = alarm_ops_create();
	apply(ops, "w.1", JOURNAL_SHELVE, 100, 1000, "pump swap");
	alarm_decision_t d = look(ops, "w.1", 0, 500);
	assert_true(d.shelved);
	assert_false(d.acked);
	assert_int_equal(d.shelve.at_ms, 100);
	assert_int_equal(d.shelve.until_ms, 1000);
	assert_string_equal(d.shelve.reason, "pump swap");
	assert_string_equal(d.shelve.by, "li@wall-1");
	/* Shelving expires by itself. */
	assert_true(look(ops, "w.1", 0, 999).shelved);
	assert_false(look(ops, "w.1", 0, 1000).shelved);
	/* Shelve then unshelve: not shelved. */
	apply(ops, "w.1", JOURNAL_UNSHELVE, 200, 0, "");
	assert_false(look(ops, "w.1", 0, 500).shelved);
	/* Unshelve then shelve: shelved, by the newest note. */
	apply(ops, "w.1", JOURNAL_SHELVE, 300, 2000, "works");
	d = look(ops, "w.1", 0, 500);
	assert_true(d.shelved);
	assert_string_equal(d.shelve.reason, "works");
	assert_int_equal(d.shelve.until_ms, 2000);
	/* The order is the order applied, not the notes' clocks. */
	apply(ops, "w.1", JOURNAL_UNSHELVE, 50, 0, "");
	assert_false(look(ops, "w.1", 0, 500).shelved);
	/* An unshelve of another alarm, or an ack, does not unshelve. */
	apply(ops, "g.1", JOURNAL_SHELVE, 100, 3000, "");
	apply(ops, "w.2", JOURNAL_SHELVE, 100, 400, "");
	apply(ops, "w.1", JOURNAL_UNSHELVE, 600, 0, "");
	apply(ops, "g.1", JOURNAL_ACK, 600, 0, "");
	d = look(ops, "g.1", 0, 700);
	assert_true(d.shelved);
	assert_true(d.acked);
	/* Only shelves not expired are synced. */
	seen_t seen = {0};
	alarm_ops_each_local_shelve(ops, 700, collect, &seen);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.ids[0], "g.1");
	assert_int_equal(seen.until[0], 3000);
	seen.n = 0;
	alarm_ops_each_local_shelve(ops, 300, collect, &seen);
	assert_int_equal(seen.n, 2);
	alarm_ops_destroy(ops);
}

static void test_text_cut(void **state)
{
	(void)state;
	alarm_ops_t *ops = alarm_ops_create();
	/* 1 + 150 x 2 bytes: a cut at 200 bytes would split an é. */
	char reason[512] = "x";
	for (int i = 0; i < 150; i++)
		strcat(reason, "\xc3\xa9");
	journal_entry_t e = entry("w.1", JOURNAL_ACK, 1, 0, reason);
	/* 30 x 3 bytes of a CJK user name: a cut at 63 would split one. */
	char user[128] = "";
	for (int i = 0; i < 30; i++)
		strcat(user, "\xe6\x9d\x8e");
	e.user = user;
	alarm_ops_apply(ops, &e);
	alarm_decision_t d = look(ops, "w.1", 0, 2);
	assert_true(d.acked);
	assert_int_equal(strlen(d.ack.reason), 199);
	assert_true(text_is_clean(d.ack.reason));
	assert_int_equal(strlen(d.ack.by), 63);
	assert_true(text_is_clean(d.ack.by));
	assert_int_equal(memcmp(d.ack.by, user, 63), 0);
	/* Control characters never reach the screen. */
	apply(ops, "w.2", JOURNAL_SHELVE, 1, 100, "a\x1b[2Jb\x07");
	d = look(ops, "w.2", 0, 2);
	assert_string_equal(d.shelve.reason, "ab");
	/* Without a host, the user alone; without either, "?". */
	e = entry("w.3", JOURNAL_ACK, 1, 0, "");
	e.host = "";
	alarm_ops_apply(ops, &e);
	assert_string_equal(look(ops, "w.3", 0, 2).ack.by, "li");
	e.user = NULL;
	e.host = NULL;
	alarm_ops_apply(ops, &e);
	assert_string_equal(look(ops, "w.3", 0, 2).ack.by, "?");
	alarm_ops_destroy(ops);
}

/* ---- silences ---- */

typedef struct m {
	const char *name, *value;
	bool is_regex, is_equal;
} m_t;

static void silence_fill(am_silence_t *s, const char *id, bool ack, int64_t starts, int64_t ends,
                         const char *by, const char *comment, const m_t *ms, size_t n)
{
	memset(s, 0, sizeof *s);
	s->id = xstrdup(id);
	s->ack = ack;
	s->starts_ms = starts;
	s->ends_ms = ends;
	s->created_by = xstrdup(by);
	s->comment = xstrdup(comment);
	s->matcher_count = n;
	s->matchers = xcalloc(n ? n : 1, sizeof *s->matchers);
	for (size_t i = 0; i < n; i++) {
		s->matchers[i].name = xstrdup(ms[i].name);
		s->matchers[i].value = xstrdup(ms[i].value);
		s->matchers[i].is_regex = ms[i].is_regex;
		s->matchers[i].is_equal = ms[i].is_equal;
	}
}

static const m_t on_w1[] = {{"alertname", "citydash", false, true}, {"alarm_id", "w.1", false, true}};
static const m_t ack_g[] = {{"alarm_id", "g\\..*", true, true}};
static const m_t on_north[] = {{"district", "North|South", true, true},
                               {"alarm_id", "w.9", false, false}};

/* The set of a sync: shelve on w.1, ack on g.*, shelve on North but w.9. */
static am_silence_t *base_set(size_t *n)
{
	*n = 3;
	am_silence_t *s = xcalloc(4, sizeof *s);
	silence_fill(&s[0], "s-w1", false, 1000, 5000, "ops@remote", "valve works", on_w1, 2);
	silence_fill(&s[1], "s-g", true, 1000, 99000, "kim@hq", "ACK: on it", ack_g, 1);
	silence_fill(&s[2], "s-north", false, 1000, 6000, "amtool", "", on_north, 2);
	return s;
}

static void test_silences(void **state)
{
	(void)state;
	alarm_ops_t *ops = alarm_ops_create();
	size_t n;
	am_silence_t *s = base_set(&n);
	alarm_ops_set_silences(ops, s, n);
	uint64_t first = alarm_ops_seq(ops);
	assert_int_equal(first, 1);
	/* A shelve silence. */
	alarm_decision_t d = look(ops, "w.1", 0, 2000);
	assert_true(d.shelved);
	assert_true(d.shelve.remote);
	assert_string_equal(d.shelve.by, "ops@remote");
	assert_string_equal(d.shelve.reason, "valve works");
	assert_int_equal(d.shelve.until_ms, 5000);
	assert_false(d.acked);
	assert_false(look(ops, "w.1", 0, 6000).shelved); /* over: both silences ended */
	assert_false(look(ops, "w.1", 0, 999).shelved);  /* not begun */
	/* An ack silence, its prefix taken off; good for its activation only. */
	d = look(ops, "g.7", 0, 2000);
	assert_true(d.acked);
	assert_true(d.ack.remote);
	assert_string_equal(d.ack.reason, "on it");
	assert_string_equal(d.ack.by, "kim@hq");
	assert_int_equal(d.ack.until_ms, 0);
	assert_true(d.shelved); /* in North too: shelved by s-north */
	assert_string_equal(d.shelve.by, "amtool");
	assert_false(look(ops, "g.7", first, 2000).acked);
	assert_false(look(ops, "gx7", 0, 2000).acked); /* anchored, "." escaped */
	/* Regex and inequality matchers on other labels. */
	assert_true(look(ops, "w.3", 0, 2000).shelved);
	assert_false(look(ops, "w.9", 0, 2000).shelved);

	/* The same silences again: nothing changed, the seq stays. */
	s = base_set(&n);
	alarm_ops_set_silences(ops, s, n);
	assert_int_equal(alarm_ops_seq(ops), first);
	/* One more: the seq moves; the old ack keeps its first seq. */
	s = base_set(&n);
	static const m_t ack_w2[] = {{"alarm_id", "w.2", false, true}};
	silence_fill(&s[3], "s-w2", true, 1000, 99000, "kim@hq", "ACK: ", ack_w2, 1);
	alarm_ops_set_silences(ops, s, 4);
	uint64_t second = alarm_ops_seq(ops);
	assert_int_equal(second, first + 1);
	assert_false(look(ops, "g.7", first, 2000).acked);
	assert_true(look(ops, "g.7", first - 1, 2000).acked);
	assert_true(look(ops, "w.2", first, 2000).acked);
	assert_false(look(ops, "w.2", second, 2000).acked);
	/* A silence extended (same id, later end) is a change, seq kept. */
	s = base_set(&n);
	s[0].ends_ms = 8000;
	silence_fill(&s[3], "s-w2", true, 1000, 99000, "kim@hq", "ACK: ", ack_w2, 1);
	alarm_ops_set_silences(ops, s, 4);
	assert_int_equal(alarm_ops_seq(ops), second + 1);
	assert_true(look(ops, "w.1", 0, 6000).shelved);
	assert_true(look(ops, "w.2", first, 2000).acked);
	/* Silences gone: nothing from them. */
	alarm_ops_set_silences(ops, NULL, 0);
	assert_int_equal(alarm_ops_seq(ops), second + 2);
	assert_false(look(ops, "w.1", 0, 2000).shelved);
	assert_false(look(ops, "g.7", 0, 2000).acked);
	alarm_ops_destroy(ops);
}

static void test_silence_and_journal(void **state)
{
	(void)state;
	alarm_ops_t *ops = alarm_ops_create();
	/* This host's ack, and its mirror from Alertmanager: the journal's
	 * note stays (same who and why). */
	apply(ops, "w.1", JOURNAL_ACK, 100, 0, "seen");
	am_silence_t *s = xcalloc(2, sizeof *s);
	static const m_t on_w1_only[] = {{"alarm_id", "w.1", false, true}};
	silence_fill(&s[0], "mirror", true, 150, 99000, "li@wall-1", "ACK: seen", on_w1_only, 1);
	silence_fill(&s[1], "other", false, 200, 99000, "kim@hq", "later", on_w1_only, 1);
	alarm_ops_set_silences(ops, s, 2);
	alarm_decision_t d = look(ops, "w.1", 0, 1000);
	assert_true(d.acked);
	assert_false(d.ack.remote);
	assert_int_equal(d.ack.at_ms, 100);
	/* A local shelve older than a remote one: the remote's note shows. */
	apply(ops, "w.1", JOURNAL_SHELVE, 120, 50000, "mine");
	d = look(ops, "w.1", 0, 1000);
	assert_true(d.shelved);
	assert_true(d.shelve.remote);
	assert_string_equal(d.shelve.reason, "later");
	/* Unshelving locally leaves the remote silence: still shelved. */
	apply(ops, "w.1", JOURNAL_UNSHELVE, 300, 0, "");
	assert_true(look(ops, "w.1", 0, 1000).shelved);
	/* The journal's ack counts alone once the mirror is before after_seq. */
	apply(ops, "w.1", JOURNAL_ACK, 400, 0, "new");
	d = look(ops, "w.1", alarm_ops_seq(ops) - 1, 1000);
	assert_true(d.acked);
	assert_string_equal(d.ack.reason, "new");
	alarm_ops_destroy(ops);
}

static void test_matchers(void **state)
{
	(void)state;
	const char *names[] = {"alarm_id", "domain", "street"};
	const char *values[] = {"w.1", "water", ""};
	am_silence_t s;
	static const m_t eq[] = {{"alarm_id", "w.1", false, true}};
	static const m_t ne[] = {{"domain", "gas", false, false}};
	static const m_t re_ne[] = {{"domain", "wat", true, false}};
	static const m_t missing[] = {{"district", "", false, true}};
	static const m_t missing_re[] = {{"district", ".+", true, true}};
	static const m_t bad_re[] = {{"alarm_id", "(w", true, true}};
	static const m_t bad_re_ne[] = {{"alarm_id", "(w", true, false}};
	static const m_t both[] = {{"alarm_id", "w\\.[0-9]+", true, true},
	                           {"domain", "water", false, false}};
	static const m_t two_eq_miss[] = {{"domain", "water", false, true},
	                                  {"alarm_id", "w.2", false, true}};
	static const m_t two_eq_hit[] = {{"street", "", false, true},
	                                 {"alarm_id", "w.1", false, true},
	                                 {"domain", "w.*", true, true}};
	struct {
		const m_t *ms;
		size_t n;
		bool want;
	} cases[] = {
	    {eq, 1, true},           {ne, 1, true},
	    {re_ne, 1, true},        /* "wat" anchored does not match "water" */
	    {missing, 1, true},      /* a label not in the set is "" */
	    {missing_re, 1, false},  {bad_re, 1, false},
	    {bad_re_ne, 1, false},   /* a regex that does not compile matches nothing */
	    {both, 2, false},        {eq, 0, false}, /* no matchers: nothing */
	    {two_eq_miss, 2, false}, {two_eq_hit, 3, true},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		silence_fill(&s, "x", false, 0, 1, "", "", cases[i].ms, cases[i].n);
		if (am_silence_matches(&s, names, values, 3) != cases[i].want)
			fail_msg("case %zu: want %d", i, cases[i].want);
		am_match_t *m = am_match_compile(&s);
		assert_int_equal(am_match_run(m, names, values, 3), cases[i].want);
		am_match_free(m);
		am_silence_t *heap = xmalloc(sizeof *heap);
		*heap = s;
		am_silences_free(heap, 1);
	}
	am_silences_free(NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ack_seq),     cmocka_unit_test(test_shelve_order_expiry),
	    cmocka_unit_test(test_text_cut),    cmocka_unit_test(test_silences),
	    cmocka_unit_test(test_silence_and_journal), cmocka_unit_test(test_matchers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
