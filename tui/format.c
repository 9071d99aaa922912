#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "glyphs.h"
#include "theme.h"

/* Decimals by magnitude: about four significant digits. */
static int precision_for(double a)
{
	return a == 0 ? 0 : a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
}

/* Tiny or huge: three significant digits, never a misleading 0.000. */
static bool is_extreme(double a)
{
	return a != 0 && (a >= 1e6 || a < 1e-3);
}

void format_reading_value(const reading_t *r, char *buf, size_t size)
{
	if (!r->has_value) {
		snprintf(buf, size, "%s", _("no value"));
		return;
	}
	double v = r->value == 0 ? 0 : r->value; /* -0 is 0 */
	const char *sep = r->unit[0] ? " " : "";
	char num[64];
	if (is_extreme(fabs(v))) {
		snprintf(num, sizeof num, "%.3g", v);
	} else {
		int prec = precision_for(fabs(v));
		snprintf(num, sizeof num, "%.*f", prec, v);
		/* Rounding may carry into the next magnitude (999.96 -> "1000.0"):
		 * then write it as that magnitude wants. */
		double shown = fabs(strtod(num, NULL));
		if (is_extreme(shown))
			snprintf(num, sizeof num, "%.3g", v);
		else if (precision_for(shown) != prec)
			snprintf(num, sizeof num, "%.*f", precision_for(shown), v);
	}
	snprintf(buf, size, "%s%s%s", num, sep, r->unit);
}

void format_states_marker(view_states_t states, char buf[FORMAT_MARKER_COLS + 1])
{
	/* Severity first, then what the value is, then how far to trust it. */
	static const struct {
		view_state_t state;
		const char *sym;
	} order[] = {
	    {VS_ALARM, "!!"},         {VS_WARNING, "!"},   {VS_BAD, "x"},   {VS_NOVALUE, "-"},
	    {VS_LIMITS_INVALID, "#"}, {VS_UNCERTAIN, "?"}, {VS_STALE, "~"},
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		if (!(states & VIEW_BIT(order[i].state)))
			continue;
		for (const char *c = order[i].sym; *c && n < FORMAT_MARKER_COLS; c++)
			buf[n++] = *c;
	}
	while (n < FORMAT_MARKER_COLS)
		buf[n++] = ' ';
	buf[n] = '\0';
}

int format_states_role(view_states_t states)
{
	static const int roles[VS_COUNT + 1] = {
	    [VS_ALARM] = ROLE_ALARM,         [VS_WARNING] = ROLE_WARN, [VS_BAD] = ROLE_BAD,
	    [VS_LIMITS_INVALID] = ROLE_WARN, [VS_STALE] = ROLE_STALE,  [VS_NOVALUE] = ROLE_DIM,
	    [VS_UNCERTAIN] = ROLE_LABEL,     [VS_COUNT] = ROLE_LABEL,
	};
	return roles[view_worst(states)];
}

/* Appends the language's list separator (", ", 、) and a formatted part to
 * buf (of len *len) if it fits. */
static void append(char *buf, size_t size, size_t *len, const char *part)
{
	if (!part[0] || *len >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%s%s",
	                 *len ? C_("between the items of a list", ", ") : "", part);
	if (n > 0)
		*len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
}

void format_data_gaps(const view_t *v, bool compact, char *buf, size_t size)
{
	char part[96];
	size_t len = 0;
	buf[0] = '\0';
	if (v->sources_failing) {
		if (compact)
			snprintf(part, sizeof part, _("%u failing"), v->sources_failing);
		else
			snprintf(part, sizeof part,
			         P_("%u source failing", "%u sources failing", v->sources_failing),
			         v->sources_failing);
		append(buf, size, &len, part);
	}
	if (v->sources_waiting) {
		if (compact)
			snprintf(part, sizeof part, _("%u never answered"), v->sources_waiting);
		else
			snprintf(part, sizeof part,
			         P_("%u source never answered", "%u sources never answered",
			            v->sources_waiting),
			         v->sources_waiting);
		append(buf, size, &len, part);
	}
	if (v->stale) {
		if (compact)
			snprintf(part, sizeof part, P_("%u stale", "%u stale", v->stale), v->stale);
		else
			snprintf(part, sizeof part,
			         P_("%u reading stale", "%u readings stale", v->stale), v->stale);
		append(buf, size, &len, part);
	}
}

int format_no_alarms(const view_t *v, char *buf, size_t size)
{
	if (view_all_there(v)) {
		snprintf(buf, size, "%s", _("No reading is beyond a limit."));
		return ROLE_OK;
	}
	char gaps[192];
	format_data_gaps(v, false, gaps, sizeof gaps);
	if (v->readings == 0 && !v->sources_failing) {
		snprintf(buf, size, "%s", _("Waiting for the first data."));
		return ROLE_DIM;
	}
	if (v->readings == 0) {
		snprintf(buf, size, _("No data, so no alarm can be seen: %s."), gaps);
		return ROLE_ALARM;
	}
	snprintf(buf, size, _("No alarm in the data received, but %s."), gaps);
	return ROLE_WARN;
}

/* "source water failing: Couldn't connect to server" */
static void source_failing(const source_status_t *s, char *buf, size_t size)
{
	snprintf(buf, size, _("source %s failing: %s"), s->name,
	         s->error ? s->error : _("no reason given"));
}

int format_domain_sources(const view_t *v, const store_t *st, domain_t d, char *buf, size_t size)
{
	const domain_view_t *dv = &v->domains[d];
	buf[0] = '\0';
	if (dv->total > 0) {
		if (dv->sources_failing == 1)
			source_failing(store_source(st, dv->first_failing), buf, size);
		else if (dv->sources_failing > 1)
			snprintf(buf, size, _("%u of its sources failing: press s"),
			         dv->sources_failing);
		return ROLE_ALARM;
	}
	if (dv->silent_named >= 0) {
		const source_status_t *s = store_source(st, dv->silent_named);
		if (s->failing) {
			source_failing(s, buf, size);
			return ROLE_ALARM;
		}
		snprintf(buf, size, _("source %s: waiting for the first answer"), s->name);
		return ROLE_DIM;
	}
	if (v->silent_failing) {
		/* Which of them would send this domain nobody can know: only
		 * that they could, and say nothing now. */
		char waiting[64] = "";
		if (v->silent_waiting)
			snprintf(waiting, sizeof waiting, _(", %u never answered"),
			         v->silent_waiting);
		snprintf(buf, size,
		         P_("no data: %u source failing%s", "no data: %u sources failing%s",
		            v->silent_failing),
		         v->silent_failing, waiting);
		return ROLE_ALARM;
	}
	snprintf(buf, size, "%s",
	         v->silent_waiting ? _("waiting for the first data")
	                           : _("no source sends readings of this domain"));
	return ROLE_DIM;
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

const char *format_reading_label(const reading_t *r)
{
	if (!glyphs()->ascii || is_ascii(r->name))
		return r->name;
	/* "water.jiangbei.x" under Water: the domain is already on screen. */
	size_t n = strlen(r->domain_token);
	if (n && strncmp(r->id, r->domain_token, n) == 0 && r->id[n] == '.' && r->id[n + 1])
		return r->id + n + 1;
	return r->id;
}

const char *format_reading_district(const reading_t *r)
{
	return glyphs()->ascii && !is_ascii(r->district) ? "" : r->district;
}

void format_reading_place(const reading_t *r, char *buf, size_t size)
{
	if (glyphs()->ascii && !(is_ascii(r->district) && is_ascii(r->street)))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%s%s%s", r->district, r->district[0] ? " " : "", r->street);
}
