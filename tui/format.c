#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "glyphs.h"
#include "theme.h"

void format_reading_value(const reading_t *r, char *buf, size_t size)
{
	if (!r->has_value) {
		snprintf(buf, size, "%s", _("no value"));
		return;
	}
	double a = fabs(r->value);
	const char *sep = r->unit[0] ? " " : "";
	if (a != 0 && (a >= 1e6 || a < 1e-3)) {
		/* Tiny or huge: three significant digits, never a misleading 0.000. */
		snprintf(buf, size, "%.3g%s%s", r->value, sep, r->unit);
		return;
	}
	int prec = a == 0 ? 0 : a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
	snprintf(buf, size, "%.*f%s%s", prec, r->value, sep, r->unit);
}

const char *format_class_marker(reading_class_t c)
{
	static const char *const markers[RC_COUNT] = {
	    [RC_STALE] = "~ ", [RC_BAD] = "x ",     [RC_NOVALUE] = "- ",
	    [RC_ALARM] = "!!", [RC_WARNING] = "! ", [RC_NORMAL] = "  ",
	};
	return markers[c];
}

const char *format_reading_marker(const reading_t *r, reading_class_t c)
{
	return c == RC_NORMAL && r->quality == QUALITY_UNCERTAIN ? "? " : format_class_marker(c);
}

int format_class_role(reading_class_t c)
{
	static const int roles[RC_COUNT] = {
	    [RC_STALE] = ROLE_STALE, [RC_BAD] = ROLE_BAD,      [RC_NOVALUE] = ROLE_DIM,
	    [RC_ALARM] = ROLE_ALARM, [RC_WARNING] = ROLE_WARN, [RC_NORMAL] = ROLE_LABEL,
	};
	return roles[c];
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

void format_reading_place(const reading_t *r, char *buf, size_t size)
{
	if (glyphs()->ascii && !(is_ascii(r->district) && is_ascii(r->street)))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%s%s%s", r->district, r->district[0] ? " " : "", r->street);
}
