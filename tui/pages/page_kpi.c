/* One KPI's page: what it is (name, id, category, place, period, index
 * memberships with weights, source and age), where it stands (value,
 * target, better direction, distance, attainment, its bullet graph), and
 * its history as a large chart against the target line (widgets/chart.h).
 * The KPI is nav->kpi (store index and serial); if it moved in the store it
 * is found again by serial, and if it is gone the page says so. */
#include "pages.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bullet.h"
#include "chart.h"
#include "glyphs.h"
#include "i18n.h"
#include "kpi_index.h"
#include "kpi_indices.h"
#include "kpi_row.h"
#include "kpi_source.h"
#include "text_draw.h"
#include "theme.h"

/* The KPI shown: at its index, or found again by serial (KPIs move between
 * store indices when one before them is dropped); NULL if gone. */
static const kpi_t *shown_kpi(const ui_ctx_t *ctx, nav_t *nav)
{
	gov_ref_t ref = {nav->kpi.index, nav->kpi.serial};
	const kpi_t *k = gov_kpi(ctx->store, ref);
	if (k || nav->kpi.serial == 0)
		return k;
	for (size_t i = 0; i < store_kpi_count(ctx->store); i++) {
		const kpi_t *c = store_kpi(ctx->store, i);
		if (c && c->serial == nav->kpi.serial) {
			nav->kpi.index = i;
			return c;
		}
	}
	return NULL;
}

typedef struct fact {
	const char *label;
	char text[384];
	theme_role_t role;
} fact_t;

enum { FACT_MAX = 10, LABEL_GAP = 2 };

static void add(fact_t *f, int *n, const char *label, theme_role_t role, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void add(fact_t *f, int *n, const char *label, theme_role_t role, const char *fmt, ...)
{
	if (*n >= FACT_MAX)
		return;
	fact_t *x = &f[(*n)++];
	x->label = label;
	x->role = role;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->text, sizeof x->text, fmt, ap);
	va_end(ap);
}

/* "服务 Service ×1.2, 运维 Operation ×0.5" (ASCII: "Service x1.2, ..."). */
static void memberships(const kpi_t *k, char *buf, size_t size)
{
	bool ascii = glyphs()->ascii;
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < k->index_count && len < size; i++) {
		kpi_index_id_t id;
		char name[96];
		if (kpi_index_from_token(k->indices[i].index, &id))
			kpi_indices_name(id, name, sizeof name);
		else
			snprintf(name, sizeof name, _("%s (unknown index)"), k->indices[i].index);
		int n = snprintf(buf + len, size - len, "%s%s %s%g",
		                 i ? C_("between the items of a list", ", ") : "", name,
		                 ascii ? "x" : "×", k->indices[i].weight);
		if (n < 0)
			break;
		len += (size_t)n;
	}
	if (k->index_count == 0)
		snprintf(buf, size, "%s", _("none (counts in no index)"));
}

static int collect(const ui_ctx_t *ctx, const kpi_t *k, fact_t *f)
{
	int n = 0;
	int d = kpi_row_decimals(k);
	const char *sp = k->unit[0] ? " " : "";
	kpi_status_t st = kpi_status(k);
	if (k->has_value)
		add(f, &n, N_("Value"), ROLE_VALUE, "%.*f%s%s", d, k->value, sp, k->unit);
	else
		add(f, &n, N_("Value"), ROLE_DIM, "%s", _("no data"));
	const char *better = k->better_lower ? _("lower is better") : _("higher is better");
	char target[96];
	if (k->has_target) {
		snprintf(target, sizeof target, "%.*f%s%s", d, k->target, sp, k->unit);
		add(f, &n, N_("Target"), ROLE_NORMAL,
		    C_("a KPI's target, which way is better", "%s, %s"), target, better);
	} else {
		add(f, &n, N_("Target"), ROLE_DIM,
		    C_("a KPI's target, which way is better", "%s, %s"), _("none"), better);
	}
	char dist[64];
	kpi_row_distance(k, dist, sizeof dist);
	if (st == KPI_OFF_TARGET)
		add(f, &n, N_("To target"), ROLE_KPI_OFF, "%s%s%s  ! %s", dist, sp, k->unit,
		    _("off target"));
	else if (st == KPI_ON_TARGET)
		add(f, &n, N_("To target"), ROLE_NORMAL, "%s%s%s  %s", dist, sp, k->unit,
		    _("on target"));
	else
		add(f, &n, N_("To target"), ROLE_DIM, "%s", _("no data"));
	double att = kpi_attainment(k);
	if (isfinite(att))
		add(f, &n, N_("Attainment"), ROLE_NORMAL, "%.1f %%", att * 100);
	else
		add(f, &n, N_("Attainment"), ROLE_DIM, "%s", _("no data"));
	add(f, &n, N_("Category"), ROLE_NORMAL, "%s", k->category[0] ? k->category : "-");
	if (k->district[0])
		add(f, &n, N_("Place"), ROLE_NORMAL, "%s%s%s", k->district, k->street[0] ? " " : "",
		    k->street);
	else
		add(f, &n, N_("Place"), ROLE_NORMAL, "%s", _("city-wide"));
	add(f, &n, N_("Period"), ROLE_NORMAL, "%s", k->period[0] ? k->period : "-");
	char idx[320];
	memberships(k, idx, sizeof idx);
	add(f, &n, N_("Indices"), ROLE_NORMAL, "%s", idx);
	char src[320];
	kpi_source_age(ctx, k->source, src, sizeof src);
	add(f, &n, N_("Source"), ROLE_NORMAL, "%s", src);
	return n;
}

/* The labels' column: the widest label drawn (the facts' and the bullet's),
 * as translated, and a gap. */
static int label_cols(const fact_t *f, int n)
{
	int cols = text_draw_width(_("vs target"));
	for (int i = 0; i < n; i++) {
		int w = text_draw_width(_(f[i].label));
		cols = w > cols ? w : cols;
	}
	return cols + LABEL_GAP;
}

static void draw_facts(WINDOW *win, int y, int w, const fact_t *f, int n, int cols, int lw)
{
	int per = (n + cols - 1) / cols;
	for (int i = 0; i < n; i++) {
		int col = i / per, row = i % per;
		int x = 2 + col * (w - 2) / cols, cw = (w - 2) / cols - 1;
		text_draw(win, y + row, x, lw, _(f[i].label), theme_attr(ROLE_DIM));
		text_draw(win, y + row, x + lw, cw - lw, f[i].text, theme_attr(f[i].role));
	}
}

static void draw_history(WINDOW *win, int y, int h, int w, const kpi_t *k)
{
	char title[128];
	snprintf(title, sizeof title,
	         P_("History: %zu value, oldest first, against the target",
	            "History: %zu values, oldest first, against the target", k->history_len),
	         k->history_len);
	text_draw(win, y, 2, w - 4, title, theme_attr(ROLE_LABEL));
	if (k->history_len == 0) {
		text_draw(win, y + 1, 2, w - 4, _("The feed sends no history for this KPI."),
		          theme_attr(ROLE_DIM));
		return;
	}
	float v[STORE_KPI_HISTORY];
	size_t n = k->history_len < STORE_KPI_HISTORY ? k->history_len : STORE_KPI_HISTORY;
	for (size_t i = 0; i < n; i++)
		v[i] = (float)k->history[i];
	char label[96];
	int d = kpi_row_decimals(k);
	snprintf(label, sizeof label, _("target %.*f"), d, k->target);
	chart_line_t target = {.y = k->target, .role = ROLE_BULLET_TARGET, .label = label};
	chart_t c = {
	    .values = v,
	    .n = n,
	    .lines = &target,
	    .line_count = k->has_target && isfinite(k->target) ? 1 : 0,
	    .left = _("oldest"),
	    .right = k->period[0] ? k->period : _("latest"),
	    .unit = k->unit[0] ? k->unit : NULL,
	    .ascii = glyphs()->ascii,
	};
	chart_draw(win, y + 1, 1, h - 1, w - 2, &c);
}

static void kpi_draw(WINDOW *win, const ui_ctx_t *ctx, nav_t *nav)
{
	int h, w;
	getmaxyx(win, h, w);
	werase(win);
	nav->body_rows = h;
	nav->body_cols = w;
	const kpi_t *k = shown_kpi(ctx, nav);
	if (k == NULL) {
		text_draw(
		    win, 1, 2, w - 4,
		    _("KPI no longer reported: its source stopped sending it. Esc goes back."),
		    theme_attr(ROLE_DIM));
		return;
	}
	/* "! 江北区·12345热线办结率   district.hotline_resolution.jiangbei" */
	kpi_status_t st = kpi_status(k);
	text_draw(win, 0, 0, 1, kpi_row_marker(k),
	          st == KPI_OFF_TARGET ? theme_attr(ROLE_KPI_OFF) : theme_attr(ROLE_DIM));
	int x = 2 + text_draw(win, 0, 2, w - 2, kpi_row_label(k), theme_attr(ROLE_TITLE) | A_BOLD);
	if (strcmp(kpi_row_label(k), k->id) != 0 && x + 2 < w)
		text_draw(win, 0, x + 2, w - x - 2, k->id, theme_attr(ROLE_DIM));
	fact_t facts[FACT_MAX];
	int n = collect(ctx, k, facts);
	int cols = w >= 120 ? 2 : 1, lw = label_cols(facts, n);
	draw_facts(win, 2, w, facts, n, cols, lw);
	int y = 2 + (n + cols - 1) / cols + 1;
	int bw = w - 4 - lw < 60 ? w - 4 - lw : 60;
	bullet_t b = kpi_row_bullet(k);
	text_draw(win, y, 2, lw, _("vs target"), theme_attr(ROLE_DIM));
	bullet_draw(win, y, 2 + lw, bw, &b);
	y += 2;
	if (h - y >= 4)
		draw_history(win, y, h - y, w, k);
}

static bool kpi_key(action_t action, const ui_ctx_t *ctx, nav_t *nav)
{
	(void)action;
	(void)ctx;
	(void)nav;
	return false;
}

const page_class_t page_kpi = {N_("KPI"), kpi_draw, kpi_key};
