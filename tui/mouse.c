/* mouse: see mouse.h. */
#include "mouse.h"

#include "keybar.h"
#include "keymap.h"

void mouse_enable(void)
{
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
	          NULL);
}

void mouse_note_block(nav_t *nav, WINDOW *win, int y, int x, int h, int w, int row,
                      bool selected)
{
	struct nav_hits *hits = &nav->hits;
	if (selected)
		hits->selected = row;
	if (hits->count >= NAV_HITS_MAX || h <= 0 || w <= 0)
		return;
	int by = getbegy(win), bx = getbegx(win);
	hits->at[hits->count++] = (struct nav_hit){
	    .y0 = (short)(by + y),
	    .y1 = (short)(by + y + h - 1),
	    .x0 = (short)(bx + x),
	    .x1 = (short)(bx + x + w - 1),
	    .row = row,
	};
}

void mouse_note_row(nav_t *nav, WINDOW *win, int y, int x, int w, int row, bool selected)
{
	mouse_note_block(nav, win, y, x, 1, w, row, selected);
}

static const struct nav_hit *hit_at(const nav_t *nav, int y, int x)
{
	for (int i = 0; i < nav->hits.count; i++) {
		const struct nav_hit *h = &nav->hits.at[i];
		if (y >= h->y0 && y <= h->y1 && x >= h->x0 && x <= h->x1)
			return h;
	}
	return NULL;
}

static int push(action_t *out, int n, int max, action_t act)
{
	if (n < max)
		out[n++] = act;
	return n;
}

int mouse_actions(const MEVENT *ev, const frame_t *f, nav_t *nav, action_t *out, int max)
{
	int n = 0;
	if (!f->body || nav->kiosk)
		return 0; /* the wall takes no input but q */
	bool click = ev->bstate & BUTTON1_CLICKED, twice = ev->bstate & BUTTON1_DOUBLE_CLICKED;
	if (ev->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		action_t move = ev->bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN;
		for (int i = 0; i < MOUSE_WHEEL_ROWS; i++)
			n = push(out, n, max, move);
		return n;
	}
	if (!click && !twice)
		return 0;
	if (f->keybar && ev->y == getbegy(f->keybar)) {
		int key = keybar_key_at(nav, getmaxx(f->keybar), ev->x - getbegx(f->keybar));
		action_t act = key ? keymap_action(key) : ACT_NONE;
		return act != ACT_NONE ? push(out, n, max, act) : 0;
	}
	const struct nav_hit *h = hit_at(nav, ev->y, ev->x);
	if (!h)
		return 0;
	if (nav->page == PAGE_OVERVIEW) { /* blocks are focused, not moved through */
		bool again = nav->focus == h->row;
		nav->focus = h->row;
		return again || twice ? push(out, n, max, ACT_OPEN) : 0;
	}
	int from = nav->hits.selected;
	if (from < 0) /* nothing selected is drawn: nothing to move from */
		return 0;
	int delta = h->row - from;
	for (int i = 0; i < (delta < 0 ? -delta : delta); i++)
		n = push(out, n, max - 1, delta < 0 ? ACT_UP : ACT_DOWN);
	if (delta == 0 || twice)
		n = push(out, n, max, ACT_OPEN);
	return n;
}
