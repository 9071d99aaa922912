/* status_fields: see status_fields.h. */
#include "status_fields.h"

#include <stdio.h>
#include <string.h>

#include "glyphs.h"
#include "i18n.h"
#include "text_draw.h"
#include "theme.h"
#include "timefmt.h"

enum { FORMS = 6 };

/* The scope drawn: the gov view's (what the data was narrowed to), else
 * the operator's; `last` keeps only its last part (the street). */
static void scope_text(const ui_ctx_t *ctx, const nav_t *nav, bool last, char *buf, size_t size)
{
	const scope_t *sc = ctx->gov ? &ctx->gov->scope : &nav->scope;
	if (scope_is_city(sc))
		snprintf(buf, size, "%s", glyphs()->ascii ? _("City") : _("全市"));
	else if (last && sc->street[0])
		snprintf(buf, size, "%s", sc->street);
	else if (last)
		snprintf(buf, size, "%s", sc->district);
	else
		scope_format(sc, buf, size);
}

/* How old the oldest data shown is ("12s"), into t; false if the page
 * noted none. */
static bool shown_age(const ui_ctx_t *ctx, const nav_t *nav, char *t, size_t size)
{
	if (nav->oldest_shown_ms <= 0)
		return false;
	int64_t old = ctx->now_ms - nav->oldest_shown_ms;
	timefmt_format_age(old < 0 ? 0 : old, t, size);
	return true;
}

static const char *page_text(const nav_t *nav)
{
	if (nav->page == PAGE_DOMAIN)
		return _(domain_title(nav->domain));
	return _(page_get(nav->page)->title);
}

bool status_fields_text(int form, const ui_ctx_t *ctx, const nav_t *nav, char *buf, size_t size)
{
	if (form < 0 || form >= FORMS)
		return false;
	const char *sep = glyphs()->separator;
	char scope[2 * SCOPE_NAME_MAX + 8], age[48] = "", filter[NAV_FILTER_MAX + 16] = "";
	scope_text(ctx, nav, form >= 2, scope, sizeof scope);
	char t[16];
	if (shown_age(ctx, nav, t, sizeof t))
		snprintf(age, sizeof age, form == 0 ? _("oldest %s") : _("%s old"), t);
	if (nav->filter[0] || nav->filter_editing)
		snprintf(filter, sizeof filter, form == 0 ? _("filter: %s") : "/%s", nav->filter);
	/* Forms: 0 full, 1 "/" filter, 2 the scope's last part, 3 no page,
	 * 4 no scope, 5 the filter and the age only (the same as 4 today: the
	 * filter is cut when drawn). */
	const char *parts[4] = {form < 4 ? scope : "", form < 3 ? page_text(nav) : "", filter, age};
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < 4 && len < size; i++) {
		if (!parts[i][0])
			continue;
		int n = len ? snprintf(buf + len, size - len, " %s %s", sep, parts[i])
		            : snprintf(buf + len, size - len, "%s", parts[i]);
		len += n > 0 ? (size_t)n : size;
	}
	return true;
}

/* The filter's head kept in the shortest form, in columns. */
#define FILTER_HEAD_COLS 10

static void age_text(const ui_ctx_t *ctx, const nav_t *nav, char *buf, size_t size)
{
	buf[0] = '\0';
	char t[16];
	if (shown_age(ctx, nav, t, sizeof t))
		snprintf(buf, size, _("%s old"), t);
}

int status_fields_min(const ui_ctx_t *ctx, const nav_t *nav)
{
	char age[32];
	age_text(ctx, nav, age, sizeof age);
	int w = text_draw_width(age);
	if (nav->filter[0]) {
		char head[NAV_FILTER_MAX + 2];
		snprintf(head, sizeof head, "/%s", nav->filter);
		int fw = text_draw_width(head);
		w += (w ? 1 : 0) + (fw < FILTER_HEAD_COLS ? fw : FILTER_HEAD_COLS);
	}
	return w;
}

int status_fields_draw(WINDOW *win, int x, int max, const ui_ctx_t *ctx, const nav_t *nav)
{
	if (max <= 0)
		return 0;
	char text[2 * SCOPE_NAME_MAX + NAV_FILTER_MAX + 128];
	int form = 0;
	for (; form < FORMS; form++) {
		status_fields_text(form, ctx, nav, text, sizeof text);
		if (text_draw_width(text) <= max)
			break;
	}
	if (form == FORMS) {
		/* Still too wide: a long filter. The age goes first, the filter's
		 * head after it, cut. */
		char age[32];
		age_text(ctx, nav, age, sizeof age);
		attr_t a = theme_attr(ROLE_STATUS_BAR) | A_BOLD;
		int used = age[0] ? text_draw(win, 0, x, max, age, a) + 1 : 0;
		snprintf(text, sizeof text, "/%s", nav->filter);
		if (nav->filter[0] && max - used > 1)
			used += text_draw(win, 0, x + used, max - used, text, a);
		return used;
	}
	return text_draw(win, 0, x, max, text, theme_attr(ROLE_STATUS_BAR) | A_BOLD);
}
