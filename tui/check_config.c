/* check_config: the summary of --check-config (check_config.h). */
#include "check_config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "theme.h"
#include "url_redact.h"

static void print_source(FILE *out, const source_cfg_t *s)
{
	char *url = url_redact(s->url);
	char *safe_url = text_sanitize(url, strlen(url));
	fprintf(out, "  %s: %s %s\n", s->name, s->format, safe_url);
	free(safe_url);
	free(url);
	switch (s->auth) {
	case SOURCE_AUTH_BEARER:
		fprintf(out, _("    auth: bearer token from %s\n"), s->secret_from);
		break;
	case SOURCE_AUTH_BASIC:
		fprintf(out, _("    auth: user %s, password from %s\n"), s->username, s->secret_from);
		break;
	case SOURCE_AUTH_NONE:
		break;
	}
	for (size_t i = 0; i < s->header_count; i++)
		fprintf(out, _("    header: %s\n"), s->headers[i].name);
	if (s->ca_file)
		fprintf(out, _("    tls: CA file %s\n"), s->ca_file);
	if (s->client_cert)
		fprintf(out, _("    tls: client certificate %s%s%s\n"), s->client_cert,
		        s->client_key ? _(", key ") : "", s->client_key ? s->client_key : "");
	if (s->tls_insecure)
		fprintf(out, _("    TLS verification OFF\n"));
}

void check_config_print(FILE *out, const config_t *cfg, const char *file)
{
	if (file) {
		char *f = url_redact(file);
		char *safe = text_sanitize(f, strlen(f));
		fprintf(out, _("configuration: %s\n"), safe);
		free(safe);
		free(f);
	} else {
		fprintf(out, _("configuration: --source arguments only\n"));
	}
	fprintf(out, _("sources: %zu\n"), cfg->source_count);
	for (size_t i = 0; i < cfg->source_count; i++)
		print_source(out, &cfg->sources[i]);
	char *theme = text_sanitize(theme_name(), strlen(theme_name()));
	fprintf(out, _("theme: %s\n"), theme);
	free(theme);
	fprintf(out, _("configuration OK\n"));
}
