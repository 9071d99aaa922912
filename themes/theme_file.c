/* theme_file: the theme file format (theme_file.h, docs/themes.md). */
#include "theme_file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "xalloc.h"

#define THEME_FILE_MAX (256 * 1024) /* a theme is a few kilobytes */

static const char *const role_names[ROLE_COUNT] = {
#define THEME_NAME(role, fg, bg, mono) [role] = #role,
    THEME_ROLES(THEME_NAME)
#undef THEME_NAME
};

/* "ROLE_GAUGE_FILL" → "gauge_fill", made once. */
static char role_lower[ROLE_COUNT][32];

const char *theme_role_name(theme_role_t role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		return "?";
	if (!role_lower[role][0]) {
		const char *s = role_names[role] + strlen("ROLE_");
		size_t i = 0;
		for (; s[i] && i + 1 < sizeof role_lower[role]; i++)
			role_lower[role][i] =
			    (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		role_lower[role][i] = '\0';
	}
	return role_lower[role];
}

int theme_role_lookup(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(name, theme_role_name((theme_role_t)r)) == 0)
			return r;
	return -1;
}

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
    {"none", A_NORMAL},         {"bold", A_BOLD},       {"dim", A_DIM},
    {"underline", A_UNDERLINE}, {"reverse", A_REVERSE}, {"italic", A_ITALIC},
};

/* One line being read: where errors point. */
typedef struct line_ctx {
	const char *path;
	int line;
	const char *role; /* NULL before the role is known */
	char **cause;
} line_ctx_t;

__attribute__((format(printf, 2, 3))) static int fail(line_ctx_t *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (c->role)
		*c->cause = xasprintf(_("%s:%d: role \"%s\": %s"), c->path, c->line, c->role, msg);
	else
		*c->cause = xasprintf("%s:%d: %s", c->path, c->line, msg);
	free(msg);
	return -1;
}

static int parse_colors(line_ctx_t *c, const char *key, char *value, theme_color_t *out, int *count)
{
	*count = 0;
	for (char *save = NULL, *tok = strtok_r(value, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (*count == THEME_COLOR_ALTS)
			return fail(c, _("\"%s\": more than %d colours"), key, THEME_COLOR_ALTS);
		if (theme_color_parse(tok, &out[*count]) != 0)
			return fail(c, _("unknown colour \"%s\""), tok);
		(*count)++;
	}
	if (*count == 0)
		return fail(c, _("\"%s\" wants a colour"), key);
	return 0;
}

static int parse_attrs(line_ctx_t *c, const char *key, char *value, attr_t *out)
{
	*out = A_NORMAL;
	int n = 0;
	for (char *save = NULL, *tok = strtok_r(value, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), n++) {
		size_t i = 0;
		while (i < sizeof attr_names / sizeof attr_names[0] &&
		       strcmp(tok, attr_names[i].name) != 0)
			i++;
		if (i == sizeof attr_names / sizeof attr_names[0])
			return fail(c, _("unknown attribute \"%s\""), tok);
		*out |= attr_names[i].attr;
	}
	if (n == 0)
		return fail(c, _("\"%s\" wants an attribute"), key);
	return 0;
}

/* A role line's settings after the role's name: fg= bg= attr= mono=. */
static int parse_role(line_ctx_t *c, theme_role_spec_t *rs, char *save)
{
	enum { K_FG, K_BG, K_ATTR, K_MONO, K_COUNT };
	static const char *const keys[K_COUNT] = {"fg", "bg", "attr", "mono"};
	bool seen[K_COUNT] = {false};
	*rs = (theme_role_spec_t){.fg_count = 1, .bg_count = 1, .given = true};
	for (char *tok; (tok = strtok_r(NULL, " \t", &save)) && tok[0] != '#';) {
		char *eq = strchr(tok, '=');
		if (eq)
			*eq = '\0';
		int k = 0;
		while (k < K_COUNT && strcmp(tok, keys[k]) != 0)
			k++;
		if (k == K_COUNT)
			return fail(c, _("unknown key \"%s\" (fg, bg, attr or mono)"), tok);
		if (!eq || !eq[1])
			return fail(c, _("\"%s\" wants a value (%s=…)"), tok, tok);
		if (seen[k])
			return fail(c, _("\"%s\" given twice"), tok);
		seen[k] = true;
		char *v = eq + 1;
		int rc = k == K_FG     ? parse_colors(c, tok, v, rs->fg, &rs->fg_count)
		         : k == K_BG   ? parse_colors(c, tok, v, rs->bg, &rs->bg_count)
		         : k == K_ATTR ? parse_attrs(c, tok, v, &rs->attr)
		                       : parse_attrs(c, tok, v, &rs->mono);
		if (rc != 0)
			return rc;
	}
	if (!seen[K_MONO])
		rs->mono = rs->attr;
	return 0;
}

static int load_at(theme_spec_t *t, const char *path, theme_find_fn find, int depth, char **cause);

static int parse_base(theme_spec_t *t, line_ctx_t *c, char *save, theme_find_fn find, int depth)
{
	char *name = strtok_r(NULL, " \t", &save);
	char *extra = name ? strtok_r(NULL, " \t", &save) : NULL;
	if (!name || name[0] == '#' || (extra && extra[0] != '#'))
		return fail(c, _("\"base\" wants one theme's name or file"));
	if (!find)
		return fail(c, _("\"base\" is not allowed here"));
	if (depth >= THEME_BASE_DEPTH)
		return fail(c, _("base \"%s\": bases nest more than %d deep"), name, THEME_BASE_DEPTH);
	char *why = NULL;
	char *base_path = find(name, &why);
	if (!base_path) {
		fail(c, _("base \"%s\": %s"), name, why);
		free(why);
		return -1;
	}
	int rc = load_at(t, base_path, find, depth + 1, c->cause);
	free(base_path);
	return rc;
}

static int parse_line(theme_spec_t *t, line_ctx_t *c, char *line, int *first_line, bool *had_role,
                      theme_find_fn find, int depth)
{
	char *save = NULL;
	char *word = strtok_r(line, " \t", &save);
	if (!word || word[0] == '#')
		return 0;
	if (strcmp(word, "base") == 0) {
		if (*had_role)
			return fail(c, _("\"base\" must come before the roles"));
		*had_role = true; /* one base */
		return parse_base(t, c, save, find, depth);
	}
	*had_role = true;
	int r = theme_role_lookup(word);
	if (r < 0)
		return fail(c, _("unknown role \"%s\""), word);
	c->role = word;
	if (first_line[r])
		return fail(c, _("given twice (first on line %d)"), first_line[r]);
	first_line[r] = c->line;
	return parse_role(c, &t->role[r], save);
}

static int parse_at(theme_spec_t *t, const char *path, const char *text, theme_find_fn find,
                    int depth, char **cause)
{
	int first_line[ROLE_COUNT] = {0};
	bool had_role = false;
	char *copy = xstrdup(text);
	line_ctx_t c = {.path = path, .line = 0, .cause = cause};
	int rc = 0;
	for (char *line = copy, *next; line && rc == 0; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		size_t len = strlen(line);
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		c.line++;
		c.role = NULL;
		rc = parse_line(t, &c, line, first_line, &had_role, find, depth);
	}
	free(copy);
	if (rc != 0 || depth > 0)
		return rc;
	strbuf_t missing = {0};
	int n = 0;
	for (int r = 0; r < ROLE_COUNT; r++)
		if (!t->role[r].given) {
			char *item = xasprintf("%s\"%s\"", n++ ? ", " : "",
			                       theme_role_name((theme_role_t)r));
			strbuf_put(&missing, item, strlen(item));
			free(item);
		}
	if (n) {
		*cause = xasprintf(P_("%s: role %s not given (every role needs a line, docs/themes.md)",
		                      "%s: roles %s not given (every role needs a line, docs/themes.md)",
		                      n),
		                   path, missing.data);
		rc = -1;
	}
	free(missing.data);
	return rc;
}

int theme_file_parse(theme_spec_t *t, const char *path, const char *text, theme_find_fn find,
                     char **cause)
{
	*cause = NULL;
	return parse_at(t, path, text, find, 0, cause);
}

static char *read_all(const char *path, char **cause)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 4096, len = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (len > THEME_FILE_MAX)
			break;
		if (cap - len - 1 == 0) {
			buf = xreallocarray(buf, 2, cap);
			cap *= 2;
		}
	}
	bool bad = ferror(f) != 0;
	fclose(f);
	if (bad || len > THEME_FILE_MAX || memchr(buf, '\0', len)) {
		*cause = xasprintf("%s: %s", path,
		                   bad                    ? _("cannot be read")
		                   : len > THEME_FILE_MAX ? _("too large for a theme file")
		                                          : _("not a text file"));
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

static int load_at(theme_spec_t *t, const char *path, theme_find_fn find, int depth, char **cause)
{
	char *text = read_all(path, cause);
	if (!text)
		return -1;
	int rc = parse_at(t, path, text, find, depth, cause);
	free(text);
	return rc;
}

int theme_file_load(theme_spec_t *t, const char *path, theme_find_fn find, char **cause)
{
	*cause = NULL;
	return load_at(t, path, find, 0, cause);
}
