/* page_wall: the headline figures in large digits, for the wall.
 * PLACEHOLDER (issue 11, wall helper). */
#include "pages.h"

#include "i18n.h"

static void wall_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)ctx;
	(void)nav;
	mvwaddstr(win, 0, 0, "wall: PLACEHOLDER");
}

static bool wall_key(action_t action, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)action;
	(void)ctx;
	(void)nav;
	return false;
}

const page_class_t page_wall = {
    .title = N_("Wall"),
    .draw = wall_draw,
    .key = wall_key,
};
