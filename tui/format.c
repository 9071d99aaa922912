#include "format.h"

#include <math.h>
#include <stdio.h>

#include "i18n.h"
#include "theme.h"

void format_reading_value(const reading_t *r, char *buf, size_t size)
{
	if (!r->has_value) {
		snprintf(buf, size, "%s", _("no value"));
		return;
	}
	double a = fabs(r->value);
	int prec = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
	if (r->value == 0)
		prec = 0;
	snprintf(buf, size, "%.*f%s%s", prec, r->value, r->unit[0] ? " " : "", r->unit);
}

const char *format_class_marker(reading_class_t c)
{
	static const char *const markers[RC_COUNT] = {
		[RC_STALE] = "~ ", [RC_BAD] = "x ",     [RC_NOVALUE] = "- ",
		[RC_ALARM] = "!!", [RC_WARNING] = "! ", [RC_NORMAL] = "  ",
	};
	return markers[c];
}

int format_class_role(reading_class_t c)
{
	static const int roles[RC_COUNT] = {
		[RC_STALE] = ROLE_STALE, [RC_BAD] = ROLE_BAD,      [RC_NOVALUE] = ROLE_DIM,
		[RC_ALARM] = ROLE_ALARM, [RC_WARNING] = ROLE_WARN, [RC_NORMAL] = ROLE_LABEL,
	};
	return roles[c];
}
