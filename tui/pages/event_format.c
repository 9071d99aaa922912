/* event_format: an event's parts as short texts (see event_format.h). */
#include "event_format.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "gov_view.h"
#include "i18n.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* The national four-colour warning levels carry the severity in Chinese,
 * in words (红色·特别重大 ...), never the colour alone. */
const char *event_severity_word(severity_t s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		/* TRANSLATORS: an event's severity, with the national warning
		 * level in words where it has one (红色·特别重大). */
		return C_("event severity", "critical");
	case SEVERITY_MAJOR:
		return C_("event severity", "major");
	case SEVERITY_MINOR:
		return C_("event severity", "minor");
	default:
		return C_("event severity", "info");
	}
}

/* The severity in a narrow column (Chinese: the colour word alone). */
const char *event_severity_short(severity_t s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		/* TRANSLATORS: an event's severity where the column is narrow:
		 * keep the warning level's colour word (红色), drop the rest. */
		return C_("event severity, short", "critical");
	case SEVERITY_MAJOR:
		return C_("event severity, short", "major");
	case SEVERITY_MINOR:
		return C_("event severity, short", "minor");
	default:
		return C_("event severity, short", "info");
	}
}

const char *event_severity_marker(severity_t s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		return "!!!";
	case SEVERITY_MAJOR:
		return "!!";
	case SEVERITY_MINOR:
		return "!";
	default:
		return "";
	}
}

int event_severity_role(severity_t s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		return ROLE_ALARM;
	case SEVERITY_MAJOR:
		return ROLE_WARN;
	case SEVERITY_MINOR:
		return ROLE_LABEL;
	default:
		return ROLE_DIM;
	}
}

int event_severity_marker_cols(void)
{
	int w = 0;
	for (int s = SEVERITY_INFO; s <= SEVERITY_CRITICAL; s++) {
		int n = text_draw_width(event_severity_marker((severity_t)s));
		w = n > w ? n : w;
	}
	return w;
}

int event_severity_cols(bool short_form)
{
	int w = 0;
	for (int s = SEVERITY_INFO; s <= SEVERITY_CRITICAL; s++) {
		const char *word = short_form ? event_severity_short((severity_t)s)
		                              : event_severity_word((severity_t)s);
		int n = text_draw_width(word);
		w = n > w ? n : w;
	}
	return event_severity_marker_cols() + 1 + w;
}

const char *event_tier_short(tier_t t)
{
	static const char *const cjk[] = {"市", "区", "街"};
	static const char *const ascii[] = {"C", "D", "S"};
	if ((int)t < 0 || t > TIER_STREET)
		return "?";
	return glyphs()->ascii ? ascii[t] : cjk[t];
}

const char *event_tier_word(tier_t t)
{
	switch (t) {
	case TIER_CITY:
		/* TRANSLATORS: the tier that owns an event (市 / 区县 / 镇街); the
		 * tiers page heads its column of districts or streets with it. */
		return _("city");
	case TIER_DISTRICT:
		return _("district");
	default:
		return _("street");
	}
}

void event_tier_named(tier_t t, char *buf, size_t size)
{
	const char *word = event_tier_word(t);
	if (is_ascii(word))
		snprintf(buf, size, "%s %s", event_tier_short(t), word);
	else
		snprintf(buf, size, "%s", word);
}

void event_tier_chain(const event_t *e, char *buf, size_t size)
{
	const char *arrow = glyphs()->ascii ? ">" : "→";
	size_t len = 0;
	buf[0] = '\0';
	if (e->escalation_count == 0) {
		snprintf(buf, size, "%s", event_tier_short(e->level));
		return;
	}
	int n = snprintf(buf, size, "%s", event_tier_short(e->escalations[0].from));
	len = n > 0 ? (size_t)n : 0;
	for (size_t i = 0; i < e->escalation_count && len < size; i++) {
		n = snprintf(buf + len, size - len, "%s%s", arrow,
		             event_tier_short(e->escalations[i].to));
		len += n > 0 ? (size_t)n : 0;
	}
	/* The feed's owner is the truth: if it differs from where the
	 * escalations lead (handed back down, say), say where it is now. */
	tier_t last = e->escalations[e->escalation_count - 1].to;
	if (last != e->level && len < size)
		snprintf(buf + len, size - len, "%s%s", arrow, event_tier_short(e->level));
}

const char *event_label(const event_t *e)
{
	if (e->title[0] && (!glyphs()->ascii || is_ascii(e->title)))
		return e->title;
	return e->id;
}

void event_place(const event_t *e, char *buf, size_t size)
{
	if (glyphs()->ascii && !(is_ascii(e->district) && is_ascii(e->street)))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%s%s%s", e->district, e->district[0] ? " " : "", e->street);
}

void event_steps(const event_t *e, int *done, int *total)
{
	if (e->steps_total >= 0 && e->steps_done >= 0) {
		*done = e->steps_done;
		*total = e->steps_total;
		return;
	}
	*done = 0;
	*total = (int)e->plan_count;
	for (size_t i = 0; i < e->plan_count; i++)
		*done += e->plan[i].done;
}

void event_dept_steps(const event_t *e, const char *name, int *done, int *total)
{
	*done = *total = 0;
	for (size_t i = 0; i < e->plan_count; i++) {
		if (strcmp(e->plan[i].department, name) != 0)
			continue;
		(*total)++;
		*done += e->plan[i].done;
	}
}

void event_depts_done(const event_t *e, int *done, int *total)
{
	*done = 0;
	*total = (int)e->department_count;
	for (size_t i = 0; i < e->department_count; i++)
		*done += e->departments[i].state == DEPT_DONE;
}

const char *event_dept_glyph(dept_state_t s)
{
	bool ascii = glyphs()->ascii;
	switch (s) {
	case DEPT_DONE:
		return ascii ? "#" : "●";
	case DEPT_ACTIVE:
		return ascii ? "*" : "◐";
	default:
		return ascii ? "." : "○";
	}
}

const char *event_dept_word(dept_state_t s)
{
	switch (s) {
	case DEPT_DONE:
		return _("done");
	case DEPT_ACTIVE:
		return _("active");
	default:
		return _("pending");
	}
}

int event_dept_role(dept_state_t s)
{
	switch (s) {
	case DEPT_DONE:
		return ROLE_OK;
	case DEPT_ACTIVE:
		return ROLE_VALUE;
	default:
		return ROLE_DIM;
	}
}

int event_deadline_cols(void)
{
	char age[16], buf[96];
	timefmt_format_age(59 * 60 * 1000, age, sizeof age); /* as wide as ages get, "59m" */
	snprintf(buf, sizeof buf, _("%s OVERDUE %s"), glyphs()->fail_mark, age);
	int overdue = text_draw_width(buf);
	snprintf(buf, sizeof buf, _("due in %s"), age);
	int due = text_draw_width(buf);
	return overdue > due ? overdue : due;
}

int event_deadline_text(const event_t *e, int64_t clock_ms, char *buf, size_t size)
{
	char age[16];
	buf[0] = '\0';
	if (e->due_ms <= 0 || e->stage == STAGE_CLOSED)
		return ROLE_DIM;
	if (gov_event_overdue(e, clock_ms)) {
		timefmt_format_age(clock_ms - e->due_ms, age, sizeof age);
		/* The mark says it without colour: the deadline was missed. */
		snprintf(buf, size, _("%s OVERDUE %s"), glyphs()->fail_mark, age);
		return ROLE_OVERDUE;
	}
	timefmt_format_age(e->due_ms - clock_ms, age, sizeof age);
	snprintf(buf, size, _("due in %s"), age);
	return ROLE_DIM;
}

void event_age_text(const event_t *e, int64_t clock_ms, char *buf, size_t size)
{
	if (e->opened_ms <= 0)
		buf[0] = '\0';
	else
		timefmt_format_age(clock_ms - e->opened_ms, buf, size);
}

void event_time_text(int64_t at_ms, int64_t clock_ms, char *buf, size_t size)
{
	if (at_ms <= 0) {
		snprintf(buf, size, "%s", _("unknown"));
		return;
	}
	if (clock_ms - at_ms > EVENT_RECENT_MS) {
		char age[16];
		timefmt_format_age(clock_ms - at_ms, age, sizeof age);
		snprintf(buf, size, _("%s ago"), age);
		return;
	}
	timefmt_format_clock(at_ms, buf, size);
}
