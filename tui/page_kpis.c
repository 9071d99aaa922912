/* Placeholder until the page is built (issue 8). */
#include "pages.h"

#include "i18n.h"

static void draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx;
	(void)nav;
	werase(win);
	mvwaddstr(win, 0, 0, "KPIs: not built yet");
}

static bool key(action_t action, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)action;
	(void)ctx;
	(void)nav;
	return false;
}

const page_class_t page_kpis = {N_("KPIs"), draw, key};
