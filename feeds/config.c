/* config: the configuration document (config.h): its top-level members,
 * "defaults" applied under every source of the file, the sources
 * (config_source.c), "alarms" (alarm_cfg.c), "display" (display_cfg.c), --source arguments, and every
 * message's place: "FILE:LINE:COL: /sources/2/interval_ms: what is wrong"
 * (the line and column of the member's value, json_locate.h). */
#include "config.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_private.h"
#include "i18n.h"
#include "json_locate.h"
#include "text.h"
#include "url_redact.h"
#include "xalloc.h"

#define CONFIG_FILE_MAX (1024 * 1024)

void config_init(config_t *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	alarm_cfg_defaults(&cfg->alarms);
	display_cfg_defaults(&cfg->display);
}

void config_free(config_t *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->source_count; i++)
		config_source_free(&cfg->sources[i]);
	free(cfg->sources);
	cfg->sources = NULL;
	cfg->source_count = 0;
	alarm_cfg_free(&cfg->alarms);
	display_cfg_free(&cfg->display);
}

/* Text for a message, made safe to print (a --source argument or a path
 * may hold a password: masked before it is cut). */
static char *shown(const char *s)
{
	char *masked = url_redact(s);
	char *safe = text_sanitize(masked, strnlen(masked, 200));
	free(masked);
	return safe;
}

/* "ORIGIN:LINE:COL: POINTER: MESSAGE" (no "ORIGIN:" without origin, no
 * "POINTER: " for the whole document). */
static char *placed(const char *origin, const char *json, size_t len, const char *at,
                    const char *pointer, const char *message)
{
	int line = 1, col = 1;
	if (json_locate(json, len, at, &line, &col) < 0)
		line = col = 1;
	char *o = origin ? shown(origin) : NULL;
	char *out = xasprintf("%s%s%d:%d: %s%s%s", o ? o : "", o ? ":" : "", line, col, pointer,
	                      pointer[0] ? ": " : "", message);
	free(o);
	return out;
}

/* The place of a syntax error: where cJSON stopped. */
static char *syntax_error(const char *origin, const char *json, size_t len, size_t offset,
                          const char *message)
{
	int line = 1, col = 1;
	json_locate_offset(json, len, offset, &line, &col);
	char *o = origin ? shown(origin) : NULL;
	char *out = xasprintf("%s%s%d:%d: %s", o ? o : "", o ? ":" : "", line, col, message);
	free(o);
	return out;
}

/* Appends the sources of a parsed document, each starting from `tmpl` (the
 * file's defaults); on error cfg is unchanged and *e is set (absolute). */
static int config_apply(config_t *cfg, const cJSON *list, const source_cfg_t *tmpl,
                        cfg_error_t *e)
{
	size_t n = (size_t)cJSON_GetArraySize(list), base = cfg->source_count;
	cfg->sources = xreallocarray(cfg->sources, base + n + 1, sizeof *cfg->sources);
	size_t i = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, list)
	{
		source_cfg_t *s = &cfg->sources[base + i];
		memset(s, 0, sizeof *s);
		config_source_defaults(s);
		config_source_settings_copy(s, tmpl);
		if (config_source_read(it, s, false, e) < 0 ||
		    config_source_check(s, cfg->sources, base + i, e) < 0) {
			char *p = cfg_pointer_index("/sources", i);
			cfg_error_nest(e, p);
			free(p);
			for (size_t j = 0; j <= i; j++)
				config_source_free(&cfg->sources[base + j]);
			return -1;
		}
		i++;
	}
	cfg->source_count = base + i;
	return 0;
}

/* The document once parsed; *e absolute pointers. */
static int config_doc(config_t *cfg, const cJSON *doc, alarm_cfg_t *alarms,
                      display_cfg_t *display, char **alarm_cause, cfg_error_t *e)
{
	static const char *const known[] = {"defaults", "sources", "alarms", "display", NULL};
	if (!cJSON_IsObject(doc)) {
		cfg_error_set(e, "", _("the configuration must be a JSON object"));
		return -1;
	}
	const cJSON *list = NULL, *defaults = NULL, *alarm_obj = NULL, *display_obj = NULL;
	if (cfg_check_keys(doc, known, e) < 0 ||
	    cfg_get_array(doc, "sources", true, &list, e) < 0 ||
	    cfg_get_object(doc, "defaults", false, &defaults, e) < 0 ||
	    cfg_get_object(doc, "display", false, &display_obj, e) < 0)
		return -1;
	alarm_obj = cJSON_GetObjectItemCaseSensitive(doc, "alarms");
	source_cfg_t tmpl = {0};
	config_source_defaults(&tmpl);
	int rc = -1;
	if (defaults && config_source_read(defaults, &tmpl, true, e) < 0)
		cfg_error_nest(e, "/defaults");
	else if (alarm_obj && alarm_cfg_from_json(alarms, alarm_obj, alarm_cause) < 0)
		cfg_error_set(e, "/alarms", "%s", *alarm_cause);
	else if (display_obj && display_cfg_read(display, display_obj, e) < 0)
		cfg_error_nest(e, "/display");
	else
		rc = config_apply(cfg, list, &tmpl, e);
	config_source_free(&tmpl);
	return rc;
}

int config_parse_named(config_t *cfg, const char *origin, const char *json, size_t len,
                       char **cause)
{
	*cause = NULL;
	const char *end = NULL;
	cJSON *doc = json && len ? cJSON_ParseWithLengthOpts(json, len, &end, 0) : NULL;
	if (!doc) {
		size_t at = json && end && end >= json ? (size_t)(end - json) : 0;
		*cause = syntax_error(origin, json ? json : "", json ? len : 0, at,
		                      _("not valid JSON"));
		return -1;
	}
	while (end < json + len && *end && strchr(" \t\r\n", *end))
		end++;
	if (end != json + len) {
		cJSON_Delete(doc);
		*cause = syntax_error(origin, json, len, (size_t)(end - json),
		                      _("not valid JSON (unexpected text after the end)"));
		return -1;
	}
	/* The file's alarm tuning replaces the one held (built-in defaults
	 * under it), once the whole file is good. */
	alarm_cfg_t alarms;
	alarm_cfg_defaults(&alarms);
	display_cfg_t display;
	display_cfg_defaults(&display);
	char *alarm_cause = NULL;
	cfg_error_t e = {0};
	int rc = config_doc(cfg, doc, &alarms, &display, &alarm_cause, &e);
	if (rc == 0) {
		alarm_cfg_free(&cfg->alarms);
		cfg->alarms = alarms;
		display_cfg_free(&cfg->display);
		cfg->display = display;
	} else {
		alarm_cfg_free(&alarms);
		display_cfg_free(&display);
		/* alarm_cfg's messages name their place ("alarms.domains.gas"):
		 * located at "alarms", not repeated. */
		*cause = alarm_cause ? placed(origin, json, len, "/alarms", "", alarm_cause)
		                     : placed(origin, json, len, e.pointer, e.pointer, e.message);
	}
	free(alarm_cause);
	cfg_error_free(&e);
	cJSON_Delete(doc);
	return rc;
}

int config_parse(config_t *cfg, const char *json, size_t len, char **cause)
{
	return config_parse_named(cfg, NULL, json, len, cause);
}

int config_load_file(config_t *cfg, const char *path, char **cause)
{
	*cause = NULL;
	FILE *f = fopen(path, "rb");
	char *p = shown(path);
	if (!f) {
		*cause = xasprintf(_("%s: %s"), p, strerror(errno));
		free(p);
		return -1;
	}
	char *buf = xmalloc(CONFIG_FILE_MAX + 1);
	size_t len = fread(buf, 1, CONFIG_FILE_MAX + 1, f);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	int rc = -1;
	if (err)
		*cause = xasprintf(_("%s: %s"), p, strerror(err));
	else if (len > CONFIG_FILE_MAX)
		*cause = xasprintf(_("%s: larger than %d bytes, not a configuration file"), p,
		                   CONFIG_FILE_MAX);
	else
		rc = config_parse_named(cfg, path, buf, len, cause);
	free(buf);
	free(p);
	return rc;
}

int config_add_source_arg(config_t *cfg, const char *arg, char **cause)
{
	*cause = NULL;
	const char *eq = strchr(arg, '=');
	char *a = shown(arg);
	if (!eq) {
		*cause = xasprintf(_("--source %s: expected NAME=URL"), a);
		free(a);
		return -1;
	}
	source_cfg_t s = {0};
	config_source_defaults(&s);
	s.name = xstrndup(arg, (size_t)(eq - arg));
	s.url = xstrdup(eq + 1);
	cfg_error_t e = {0};
	if (config_source_check(&s, cfg->sources, cfg->source_count, &e) < 0) {
		/* "/name" or "/url": the part of NAME=URL that is wrong. */
		*cause = xasprintf("--source %s: %s %s", a, e.pointer + 1, e.message);
		cfg_error_free(&e);
		config_source_free(&s);
		free(a);
		return -1;
	}
	free(a);
	cfg->sources = xreallocarray(cfg->sources, cfg->source_count + 1, sizeof *cfg->sources);
	cfg->sources[cfg->source_count++] = s;
	return 0;
}
