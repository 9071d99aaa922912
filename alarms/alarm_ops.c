/* alarm_ops: the operators' decisions (alarm_ops.h): acks, shelves and
 * unshelves from the journal, kept per alarm id in a hash map, and
 * Alertmanager's silences of the last sync.
 *
 * Order is the order things were applied (the journal's file order, then
 * each sync), never the notes' clocks: hosts' clocks differ, the file does
 * not. So every change takes the next sequence number, a shelve followed by
 * an unshelve leaves the alarm unshelved, and of two notes of one kind the
 * later applied replaces the earlier.
 *
 * Memory: one record per alarm id ever acted on in the journal (ids longer
 * than any alarm id are ignored: they can match no alarm), with its by and
 * reason on the heap; the silences of the last sync, each compiled once. */
#include "alarm_ops.h"

#include <stdlib.h>
#include <string.h>

#include "am_match.h"
#include "text.h"
#include "xalloc.h"

#define OPS_ID_MAX 159 /* bytes of an alarm id (alarm.h ALARM_ID_MAX - 1) */

/* A note as kept: strings on the heap. seq 0: none. */
typedef struct kept_note {
	uint64_t seq;
	int64_t at_ms, until_ms;
	char *by, *reason;
} kept_note_t;

typedef struct op_record {
	char *id;
	uint32_t hash;
	kept_note_t ack, shelve;
	uint64_t unshelve_seq; /* a shelve older than this is over */
} op_record_t;

typedef struct known_silence {
	uint64_t seq; /* when its id was first seen */
	am_match_t *match;
} known_silence_t;

/* Silences on one alarm id (citydash's own: alarm_id="..."), sorted by it,
 * so a lookup checks those of its id and the others, not all. */
typedef struct silence_key {
	const char *alarm_id;
	size_t index;
} silence_key_t;

struct alarm_ops {
	uint64_t seq;
	op_record_t *recs;
	size_t count, cap;
	uint32_t *slots; /* open addressing: record index + 1, 0 empty */
	size_t slot_count; /* a power of two, >= 2 x count */
	am_silence_t *silences;
	known_silence_t *known; /* parallel to silences */
	size_t silence_count;
	silence_key_t *keyed; /* silences with an alarm_id="..." matcher, sorted */
	size_t keyed_count;
	size_t *general;      /* the others (regex or no alarm_id matcher) */
	size_t general_count;
};

static uint32_t hash_id(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

alarm_ops_t *alarm_ops_create(void)
{
	return xcalloc(1, sizeof(alarm_ops_t));
}

static void note_free(kept_note_t *n)
{
	free(n->by);
	free(n->reason);
	memset(n, 0, sizeof *n);
}

static void silences_drop(alarm_ops_t *ops)
{
	for (size_t i = 0; i < ops->silence_count; i++)
		am_match_free(ops->known[i].match);
	free(ops->known);
	free(ops->keyed);
	free(ops->general);
	am_silences_free(ops->silences, ops->silence_count);
	ops->keyed = NULL;
	ops->general = NULL;
	ops->keyed_count = ops->general_count = 0;
	ops->known = NULL;
	ops->silences = NULL;
	ops->silence_count = 0;
}

void alarm_ops_destroy(alarm_ops_t *ops)
{
	if (!ops)
		return;
	for (size_t i = 0; i < ops->count; i++) {
		free(ops->recs[i].id);
		note_free(&ops->recs[i].ack);
		note_free(&ops->recs[i].shelve);
	}
	free(ops->recs);
	free(ops->slots);
	silences_drop(ops);
	free(ops);
}

static const op_record_t *find(const alarm_ops_t *ops, const char *id)
{
	if (!ops->count || !id)
		return NULL;
	uint32_t h = hash_id(id);
	size_t mask = ops->slot_count - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t slot = ops->slots[i];
		if (!slot)
			return NULL;
		const op_record_t *r = &ops->recs[slot - 1];
		if (r->hash == h && strcmp(r->id, id) == 0)
			return r;
	}
}

static void slot_put(uint32_t *slots, size_t slot_count, uint32_t hash, uint32_t value)
{
	size_t mask = slot_count - 1;
	size_t i = hash & mask;
	while (slots[i])
		i = (i + 1) & mask;
	slots[i] = value;
}

static op_record_t *find_or_add(alarm_ops_t *ops, const char *id)
{
	op_record_t *r = (op_record_t *)find(ops, id);
	if (r)
		return r;
	if (ops->count == ops->cap) {
		ops->cap = ops->cap ? ops->cap * 2 : 16;
		ops->recs = xreallocarray(ops->recs, ops->cap, sizeof *ops->recs);
	}
	if ((ops->count + 1) * 2 > ops->slot_count) {
		size_t n = ops->slot_count ? ops->slot_count * 2 : 32;
		uint32_t *slots = xcalloc(n, sizeof *slots);
		for (size_t i = 0; i < ops->count; i++)
			slot_put(slots, n, ops->recs[i].hash, (uint32_t)(i + 1));
		free(ops->slots);
		ops->slots = slots;
		ops->slot_count = n;
	}
	r = &ops->recs[ops->count];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(id);
	r->hash = hash_id(id);
	slot_put(ops->slots, ops->slot_count, r->hash, (uint32_t)(ops->count + 1));
	ops->count++;
	return r;
}

/* Copies src (NULL: "") into dst[cap], sanitized, cut on a character. */
static void copy_cut(char *dst, size_t cap, const char *src)
{
	if (!src)
		src = "";
	char *clean = text_is_clean(src) ? NULL : text_sanitize(src, strlen(src));
	const char *s = clean ? clean : src;
	size_t len = text_cut(s, cap - 1);
	memcpy(dst, s, len);
	dst[len] = '\0';
	free(clean);
}

static char *kept_copy(const char *src, size_t cap)
{
	char *buf = xmalloc(cap);
	copy_cut(buf, cap, src);
	return buf;
}

static void note_set(kept_note_t *n, uint64_t seq, const journal_entry_t *e)
{
	note_free(n);
	n->seq = seq;
	n->at_ms = e->at_ms;
	n->until_ms = e->action == JOURNAL_SHELVE ? e->until_ms : 0;
	const char *user = e->user && *e->user ? e->user : "?";
	char *by = e->host && *e->host ? xasprintf("%s@%s", user, e->host) : xstrdup(user);
	n->by = kept_copy(by, ALARM_NOTE_BY_MAX);
	free(by);
	n->reason = kept_copy(e->reason, ALARM_NOTE_REASON_MAX + 1);
}

void alarm_ops_apply(alarm_ops_t *ops, const journal_entry_t *e)
{
	if (!e->alarm || !*e->alarm || strlen(e->alarm) > OPS_ID_MAX ||
	    (unsigned)e->action >= JOURNAL_ACTION_COUNT)
		return;
	op_record_t *r = find_or_add(ops, e->alarm);
	uint64_t seq = ++ops->seq;
	switch (e->action) {
	case JOURNAL_ACK:
		note_set(&r->ack, seq, e);
		break;
	case JOURNAL_SHELVE:
		note_set(&r->shelve, seq, e);
		break;
	case JOURNAL_UNSHELVE:
	case JOURNAL_ACTION_COUNT:
		r->unshelve_seq = seq;
		break;
	}
}

static bool same_silence(const am_silence_t *a, const am_silence_t *b)
{
	return a->starts_ms == b->starts_ms && a->ends_ms == b->ends_ms && a->ack == b->ack &&
	       a->matcher_count == b->matcher_count &&
	       strcmp(a->comment ? a->comment : "", b->comment ? b->comment : "") == 0 &&
	       strcmp(a->created_by ? a->created_by : "", b->created_by ? b->created_by : "") == 0;
}

static int key_cmp(const void *a, const void *b)
{
	return strcmp(((const silence_key_t *)a)->alarm_id, ((const silence_key_t *)b)->alarm_id);
}

static void index_silences(alarm_ops_t *ops)
{
	size_t n = ops->silence_count;
	if (!n)
		return;
	ops->keyed = xcalloc(n, sizeof *ops->keyed);
	ops->general = xcalloc(n, sizeof *ops->general);
	for (size_t i = 0; i < n; i++) {
		const char *id = am_match_alarm_id(ops->known[i].match);
		if (id)
			ops->keyed[ops->keyed_count++] = (silence_key_t){id, i};
		else
			ops->general[ops->general_count++] = i;
	}
	qsort(ops->keyed, ops->keyed_count, sizeof *ops->keyed, key_cmp);
}

void alarm_ops_set_silences(alarm_ops_t *ops, am_silence_t *silences, size_t n)
{
	known_silence_t *known = n ? xcalloc(n, sizeof *known) : NULL;
	bool changed = n != ops->silence_count;
	uint64_t next = ops->seq + 1;
	for (size_t i = 0; i < n; i++) {
		const am_silence_t *s = &silences[i];
		/* Syncs hold tens of silences: a linear search is enough. */
		size_t k = 0;
		while (k < ops->silence_count &&
		       strcmp(ops->silences[k].id ? ops->silences[k].id : "", s->id ? s->id : "") != 0)
			k++;
		if (k < ops->silence_count) {
			known[i].seq = ops->known[k].seq;
			changed = changed || !same_silence(&ops->silences[k], s);
		} else {
			known[i].seq = next;
			changed = true;
		}
		known[i].match = am_match_compile(s);
	}
	silences_drop(ops);
	ops->silences = silences;
	ops->known = known;
	ops->silence_count = n;
	if (changed)
		ops->seq = next;
	index_silences(ops);
}

uint64_t alarm_ops_seq(const alarm_ops_t *ops)
{
	return ops->seq;
}

bool alarm_ops_has_silences(const alarm_ops_t *ops)
{
	return ops->silence_count > 0;
}

/* ---- lookup ---- */

static void note_out(alarm_note_t *out, const kept_note_t *n)
{
	memset(out, 0, sizeof *out);
	out->at_ms = n->at_ms;
	out->until_ms = n->until_ms;
	/* Kept clean and cut to these sizes (note_set). */
	memcpy(out->by, n->by, strlen(n->by) + 1);
	memcpy(out->reason, n->reason, strlen(n->reason) + 1);
}

static void silence_note(alarm_note_t *out, const am_silence_t *s)
{
	memset(out, 0, sizeof *out);
	out->at_ms = s->starts_ms;
	out->until_ms = s->ack ? 0 : s->ends_ms;
	out->remote = true;
	copy_cut(out->by, sizeof out->by, s->created_by);
	const char *why = s->comment ? s->comment : "";
	if (s->ack && strncmp(why, AM_ACK_PREFIX, strlen(AM_ACK_PREFIX)) == 0)
		why += strlen(AM_ACK_PREFIX);
	copy_cut(out->reason, sizeof out->reason, why);
}

/* Whether candidate should replace the note held (newest wins; a silence
 * that only mirrors the journal's note, same who and why, does not replace
 * it: it is this host's action come back from Alertmanager). */
static bool newer(const alarm_note_t *held, bool have, const alarm_note_t *cand)
{
	if (!have)
		return true;
	if (!held->remote && cand->remote && strcmp(held->by, cand->by) == 0 &&
	    strcmp(held->reason, cand->reason) == 0)
		return false;
	return cand->at_ms > held->at_ms;
}

static const char *const label_names[] = {"alarm_id", "kind",     "domain", "district",
                                          "street",   "priority", "source", "alertname"};
#define LABEL_COUNT (sizeof label_names / sizeof label_names[0])

/* Silence i's say on the alarm with these label values. */
static void apply_silence(const alarm_ops_t *ops, size_t i, const char *const *values,
                          uint64_t after_seq, int64_t now_ms, alarm_decision_t *out)
{
	const am_silence_t *s = &ops->silences[i];
	if (now_ms < s->starts_ms || now_ms >= s->ends_ms)
		return; /* pending, or over since the sync */
	if (s->ack && ops->known[i].seq <= after_seq)
		return; /* an ack of an earlier activation */
	if (!am_match_run(ops->known[i].match, label_names, values, LABEL_COUNT))
		return;
	alarm_note_t note;
	silence_note(&note, s);
	if (s->ack) {
		if (newer(&out->ack, out->acked, &note))
			out->ack = note;
		out->acked = true;
	} else {
		if (newer(&out->shelve, out->shelved, &note))
			out->shelve = note;
		out->shelved = true;
	}
}

void alarm_ops_lookup(const alarm_ops_t *ops, const alarm_labels_t *labels, uint64_t after_seq,
                      int64_t now_ms, alarm_decision_t *out)
{
	memset(out, 0, sizeof *out);
	const op_record_t *r = find(ops, labels->alarm_id);
	if (r && r->ack.seq > after_seq) {
		out->acked = true;
		note_out(&out->ack, &r->ack);
	}
	if (r && r->shelve.seq > r->unshelve_seq && r->shelve.until_ms > now_ms) {
		out->shelved = true;
		note_out(&out->shelve, &r->shelve);
	}
	if (!ops->silence_count)
		return;
	const char *const values[] = {labels->alarm_id, labels->kind,     labels->domain,
	                              labels->district, labels->street,   labels->priority,
	                              labels->source,   "citydash"};
	/* The silences on this alarm's id (the first of them by a binary
	 * search), then those on no one id. */
	size_t lo = 0, hi = ops->keyed_count;
	const char *id = labels->alarm_id ? labels->alarm_id : "";
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ops->keyed[mid].alarm_id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < ops->keyed_count && strcmp(ops->keyed[k].alarm_id, id) == 0; k++)
		apply_silence(ops, ops->keyed[k].index, values, after_seq, now_ms, out);
	for (size_t k = 0; k < ops->general_count; k++)
		apply_silence(ops, ops->general[k], values, after_seq, now_ms, out);
}

void alarm_ops_each_local_shelve(const alarm_ops_t *ops, int64_t now_ms, alarm_ops_shelve_fn fn,
                                 void *ctx)
{
	for (size_t i = 0; i < ops->count; i++) {
		const op_record_t *r = &ops->recs[i];
		if (r->shelve.seq > r->unshelve_seq && r->shelve.until_ms > now_ms) {
			alarm_note_t note;
			note_out(&note, &r->shelve);
			fn(ctx, r->id, &note);
		}
	}
}
