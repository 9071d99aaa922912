/* form: the shelve form and the ack-all confirmation (form.h). Text is kept
 * as UTF-8 in nav.form; each typed character is added whole or not at all
 * (the fields are cut on a character, never inside one), and only clean
 * text (text_is_clean: no controls, no bidirectional marks) is taken. */
#include "form.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "panel.h"
#include "text.h"
#include "text_draw.h"
#include "theme.h"
#include "xalloc.h"

#define KEY_ESC 27

void form_close(nav_t *nav)
{
	nav_request_clear(&nav->form.pending);
	memset(&nav->form, 0, sizeof nav->form);
}

void form_open_shelve(nav_t *nav, const char *id)
{
	form_close(nav);
	nav->form.kind = NAV_FORM_SHELVE;
	nav->form.field = FORM_FIELD_REASON;
	snprintf(nav->form.duration, sizeof nav->form.duration, "%s", FORM_SHELVE_DEFAULT);
	nav->form.pending.kind = NAV_REQ_SHELVE;
	nav->form.pending.alarms = xmalloc(sizeof *nav->form.pending.alarms);
	nav->form.pending.alarms[0] = xstrdup(id);
	nav->form.pending.count = 1;
}

void form_open_confirm_ack_all(nav_t *nav, char **ids, size_t n)
{
	form_close(nav);
	nav->form.kind = NAV_FORM_CONFIRM_ACK_ALL;
	nav->form.pending.kind = NAV_REQ_ACK;
	nav->form.pending.alarms = ids;
	nav->form.pending.count = n;
}

void form_open_confirm_quit(nav_t *nav)
{
	form_close(nav);
	nav->form.kind = NAV_FORM_CONFIRM_QUIT;
	nav->form.pending.kind = NAV_REQ_QUIT;
}

int form_parse_duration(const char *s, int64_t *ms, char *err, size_t err_size)
{
	while (isspace((unsigned char)*s))
		s++;
	const char *p = s;
	int64_t n = 0;
	while (*p >= '0' && *p <= '9' && n <= FORM_SHELVE_MAX_MS)
		n = n * 10 + (*p++ - '0');
	int64_t unit = *p == 's' ? 1000 : *p == 'm' ? 60000 : *p == 'h' ? 3600000 : *p == 'd' ? 86400000 : 0;
	if (p == s || !unit || p[1] != '\0') {
		snprintf(err, err_size, "%s", _("duration: a number and s, m, h or d, e.g. 30m"));
		return -1;
	}
	if (n == 0) {
		snprintf(err, err_size, "%s", _("duration: more than 0"));
		return -1;
	}
	if (n > FORM_SHELVE_MAX_MS / unit) {
		snprintf(err, err_size, "%s", _("duration: at most 7d"));
		return -1;
	}
	*ms = n * unit;
	return 0;
}

/* UTF-8 of one code point into out (5 bytes); returns its length, 0 if it
 * is no character. */
static size_t utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		out[1] = '\0';
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		out[2] = '\0';
		return 2;
	}
	if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		out[3] = '\0';
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	out[4] = '\0';
	return 4;
}

/* Adds character ch to field (size bytes with its terminator) if it is
 * clean text and fits whole. */
static void field_add(char *field, size_t size, wint_t ch)
{
	char enc[5];
	size_t n = utf8_encode((unsigned long)ch, enc);
	size_t len = strlen(field);
	if (n == 0 || !text_is_clean(enc) || len + n + 1 > size)
		return;
	memcpy(field + len, enc, n + 1);
}

/* Removes the last character (all its UTF-8 bytes). */
static void field_backspace(char *field)
{
	size_t len = strlen(field);
	while (len > 0 && ((unsigned char)field[len - 1] & 0xc0) == 0x80)
		len--;
	if (len > 0)
		len--;
	field[len] = '\0';
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* Enter on the shelve form: the request if the input is good, else why not
 * in form.error (the form stays open). */
static void shelve_submit(nav_t *nav)
{
	nav_form_t *f = &nav->form;
	int64_t ms;
	if (form_parse_duration(f->duration, &ms, f->error, sizeof f->error) != 0) {
		f->field = FORM_FIELD_DURATION;
		return;
	}
	if (blank(f->reason)) {
		snprintf(f->error, sizeof f->error, "%s", _("a reason is required"));
		f->field = FORM_FIELD_REASON;
		return;
	}
	nav_request_clear(&nav->request);
	nav->request = f->pending;
	nav->request.duration_ms = ms;
	snprintf(nav->request.reason, sizeof nav->request.reason, "%s", f->reason);
	f->pending = (nav_request_t){0}; /* handed over */
	form_close(nav);
}

static void confirm_key(nav_t *nav, wint_t ch, bool code)
{
	if (code)
		return;
	if (ch == L'y' || ch == L'Y') {
		nav_request_clear(&nav->request);
		nav->request = nav->form.pending;
		nav->form.pending = (nav_request_t){0};
		form_close(nav);
	} else if (ch == L'n' || ch == L'N' || ch == KEY_ESC) {
		form_close(nav);
	}
}

void form_key(nav_t *nav, wint_t ch, bool code)
{
	nav_form_t *f = &nav->form;
	if (f->kind == NAV_FORM_CONFIRM_ACK_ALL || f->kind == NAV_FORM_CONFIRM_QUIT) {
		confirm_key(nav, ch, code);
		return;
	}
	if (f->kind != NAV_FORM_SHELVE)
		return;
	bool backspace = code ? ch == KEY_BACKSPACE : ch == 127 || ch == 8;
	bool enter = code ? ch == KEY_ENTER : ch == L'\n' || ch == L'\r';
	if (!code && ch == KEY_ESC) {
		form_close(nav);
	} else if (enter) {
		shelve_submit(nav);
	} else if ((!code && ch == L'\t') || (code && (ch == KEY_BTAB || ch == KEY_UP || ch == KEY_DOWN))) {
		f->field = (f->field + 1) % FORM_FIELDS;
	} else if (backspace) {
		field_backspace(f->field == FORM_FIELD_DURATION ? f->duration : f->reason);
		f->error[0] = '\0';
	} else if (!code) {
		if (f->field == FORM_FIELD_DURATION) {
			if (ch < 0x80) /* a duration is ASCII */
				field_add(f->duration, sizeof f->duration, ch);
		} else {
			field_add(f->reason, sizeof f->reason, ch);
		}
		f->error[0] = '\0';
	}
}

/* The field's text in `cols` columns: its end when it is longer (where
 * the typing is), then the cursor mark when focused. */
static void draw_field(WINDOW *win, int y, int x, int cols, const char *text, bool focused)
{
	attr_t a = theme_attr(focused ? ROLE_SELECTED : ROLE_LABEL) | (focused ? 0 : A_UNDERLINE);
	text_fill(win, y, x, cols, a);
	int room = cols - 1;
	const char *s = text;
	while (*s && text_width(s) > room) {
		int cp, w;
		size_t n = text_next(s, &cp, &w);
		if (n == 0)
			break;
		s += n;
	}
	int cx = x + text_draw(win, y, x, room, s, a);
	if (focused)
		text_draw(win, y, cx, 1, "_", a | A_BOLD);
}

static void draw_box(WINDOW *win, int h, int w, int bh, int bw, const char *title, int *y0,
                     int *x0)
{
	*y0 = (h - bh) / 2;
	*x0 = (w - bw) / 2;
	for (int i = 0; i < bh; i++)
		text_fill(win, *y0 + i, *x0, bw, theme_attr(ROLE_NORMAL));
	panel_draw(win, *y0, *x0, bh, bw, title, true);
}

void form_draw(WINDOW *win, const ui_ctx_t *ctx, const nav_t *nav)
{
	(void)ctx;
	const nav_form_t *f = &nav->form;
	int h, w;
	getmaxyx(win, h, w);
	int bw = w - 4 < 76 ? w - 4 : 76, y, x;
	char buf[256];
	if (f->kind == NAV_FORM_CONFIRM_ACK_ALL) {
		draw_box(win, h, w, 5, bw, _("Acknowledge"), &y, &x);
		snprintf(buf, sizeof buf,
		         P_("Acknowledge %zu visible alarm? y/n", "Acknowledge %zu visible alarms? y/n",
		            f->pending.count),
		         f->pending.count);
		text_draw(win, y + 2, x + 2, bw - 4, buf, theme_attr(ROLE_VALUE));
		return;
	}
	if (f->kind == NAV_FORM_CONFIRM_QUIT) {
		draw_box(win, h, w, 5, bw, _("Quit"), &y, &x);
		text_draw(win, y + 2, x + 2, bw - 4, _("Quit the wall display? y/n"),
		          theme_attr(ROLE_VALUE));
		return;
	}
	if (f->kind != NAV_FORM_SHELVE)
		return;
	draw_box(win, h, w, 9, bw, _("Shelve alarm"), &y, &x);
	const char *id = f->pending.count ? f->pending.alarms[0] : "";
	text_draw(win, y + 1, x + 2, bw - 4, id, theme_attr(ROLE_VALUE));
	const char *lab_d = _("Duration:"), *lab_r = _("Reason:");
	int lw = text_draw_width(lab_d) > text_draw_width(lab_r) ? text_draw_width(lab_d)
	                                                          : text_draw_width(lab_r);
	int fx = x + 3 + lw, fw = bw - 5 - lw;
	text_draw(win, y + 3, x + 2, lw, lab_d, theme_attr(ROLE_LABEL));
	draw_field(win, y + 3, fx, 10 < fw ? 10 : fw, f->duration, f->field == FORM_FIELD_DURATION);
	if (fw > 12)
		text_draw(win, y + 3, fx + 11, fw - 11, _("30s 15m 8h 2d; at most 7d"),
		          theme_attr(ROLE_DIM));
	text_draw(win, y + 4, x + 2, lw, lab_r, theme_attr(ROLE_LABEL));
	draw_field(win, y + 4, fx, fw, f->reason, f->field == FORM_FIELD_REASON);
	if (f->error[0])
		text_draw(win, y + 6, x + 2, bw - 4, f->error, theme_attr(ROLE_WARN));
	text_draw(win, y + 7, x + 2, bw - 4, _("Tab next field  Enter shelve  Esc cancel"),
	          theme_attr(ROLE_DIM));
}
