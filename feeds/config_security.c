/* config_security: a source's extra "headers", its "auth" (a bearer token
 * or a basic-auth password read from an environment variable or a file
 * when the configuration is loaded) and its "tls" files (config_private.h).
 *
 * The secret is never put in a message: errors name the variable or the
 * file only. It lives in source_cfg_t.secret and is wiped before it is
 * freed; every buffer that held it on the way is wiped too. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_private.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define SECRET_MAX      4096 /* bytes of a token or password */
#define HEADER_MAX      64   /* headers per source */
#define HEADER_NAME_MAX 128
#define HEADER_VALUE_MAX 4096

/* RFC 7230 3.2.6: token = 1*tchar. */
static bool is_token(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c && strchr("!#$%&'*+-.^_`|~", c))))
			return false;
	}
	return true;
}

static void header_set(source_cfg_t *s, const char *name, const char *value)
{
	for (size_t i = 0; i < s->header_count; i++) {
		if (strcasecmp(s->headers[i].name, name) == 0) {
			char *v = xstrdup(value);
			free(s->headers[i].value);
			s->headers[i].value = v;
			return;
		}
	}
	s->headers = xreallocarray(s->headers, s->header_count + 1, sizeof *s->headers);
	s->headers[s->header_count].name = xstrdup(name);
	s->headers[s->header_count].value = xstrdup(value);
	s->header_count++;
}

/* "headers": {"Name": "value", ...}, over (and replacing by name) the
 * defaults' headers. */
static int read_headers(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	const cJSON *h = NULL;
	if (cfg_get_object(obj, "headers", false, &h, e) < 0)
		return -1;
	if (!h)
		return 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, h)
	{
		char *p = cfg_pointer_join("/headers", it->string);
		const char *v = cJSON_IsString(it) ? it->valuestring : NULL;
		const char *why = NULL;
		if (strlen(it->string) > HEADER_NAME_MAX || !is_token(it->string))
			why = _("is not a header name (letters, digits and !#$%&'*+-.^_`|~, "
			        "RFC 7230)");
		else if (strcasecmp(it->string, "Authorization") == 0)
			why = _("is not allowed here: give credentials in \"auth\", which reads "
			        "them from an environment variable or a file");
		else if (!v)
			why = _("must be a string");
		else if (strpbrk(v, "\r\n"))
			why = _("must not hold a line break (CR or LF)");
		else if (strlen(v) > HEADER_VALUE_MAX || !text_is_clean(v))
			why = _("must be at most 4096 bytes of printable UTF-8");
		else if (s->header_count >= HEADER_MAX)
			why = _("one header too many (at most 64)");
		if (why) {
			cfg_error_set(e, p, "%s", why);
			free(p);
			return -1;
		}
		free(p);
		header_set(s, it->string, v);
	}
	return 0;
}

/* The secret is scrubbed from memory before it is given back. */
static void wipe_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

static bool env_name_ok(const char *n)
{
	if (!((*n >= 'A' && *n <= 'Z') || (*n >= 'a' && *n <= 'z') || *n == '_'))
		return false;
	for (; *n; n++)
		if (!((*n >= 'A' && *n <= 'Z') || (*n >= 'a' && *n <= 'z') || *n == '_' ||
		      (*n >= '0' && *n <= '9')))
			return false;
	return true;
}

/* A secret is what a header can carry: printable, no line break. */
static const char *secret_check(const char *v, size_t len)
{
	if (len == 0)
		return _("is empty");
	if (len > SECRET_MAX)
		return _("is larger than 4096 bytes");
	if (memchr(v, '\0', len) || !text_is_clean(v))
		return _("holds control characters or is not UTF-8");
	return NULL;
}

static char *secret_from_env(const char *var, const char *key, cfg_error_t *e)
{
	char *p = cfg_pointer_join("", key);
	const char *v = env_name_ok(var) ? getenv(var) : NULL;
	const char *why = !env_name_ok(var) ? _("is not an environment variable name")
	                  : !v              ? _("is not set")
	                                    : secret_check(v, strlen(v));
	if (why) {
		if (env_name_ok(var))
			cfg_error_set(e, p, _("environment variable %s %s"), var, why);
		else
			cfg_error_set(e, p, "%s", why);
		free(p);
		return NULL;
	}
	free(p);
	return xstrdup(v);
}

/* The file's content, one trailing newline (LF or CR LF) removed. */
static char *secret_from_file(const char *path, const char *key, cfg_error_t *e)
{
	char *p = cfg_pointer_join("", key);
	char *name = text_sanitize(path, strnlen(path, 200));
	char buf[SECRET_MAX + 2];
	size_t len = 0;
	const char *why = NULL;
	int err = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		err = errno;
	} else if (!S_ISREG(st.st_mode)) {
		why = _("is not a regular file");
	} else if (st.st_size > SECRET_MAX + 2) { /* the secret, CR and LF */
		why = _("is larger than 4096 bytes");
	} else {
		ssize_t n;
		while (len < sizeof buf - 1 &&
		       (n = read(fd, buf + len, sizeof buf - 1 - len)) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				err = errno;
				break;
			}
			len += (size_t)n;
		}
	}
	if (fd >= 0)
		close(fd);
	buf[len] = '\0';
	if (!err && !why) {
		if (len > 0 && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '\r')
			buf[--len] = '\0';
		why = len > SECRET_MAX ? _("is larger than 4096 bytes") : secret_check(buf, len);
	}
	char *secret = NULL;
	if (err)
		cfg_error_set(e, p, _("file %s: %s"), name, strerror(err));
	else if (why)
		cfg_error_set(e, p, _("file %s %s"), name, why);
	else
		secret = xstrdup(buf);
	explicit_bzero(buf, sizeof buf);
	free(name);
	free(p);
	return secret;
}

/* "auth": exactly one of {"bearer_token_env"}, {"bearer_token_file"},
 * {"username", "password_env"}, {"username", "password_file"}. */
static int read_auth(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	static const char *const known[] = {"bearer_token_env", "bearer_token_file", "username",
	                                    "password_env", "password_file", NULL};
	static const char *const kinds[] = {"bearer_token_env", "bearer_token_file",
	                                    "password_env", "password_file"};
	const cJSON *a = NULL;
	if (cfg_get_object(obj, "auth", false, &a, e) < 0)
		return -1;
	if (!a)
		return 0;
	if (cfg_check_keys(a, known, e) < 0)
		goto nested;
	const char *kind = NULL;
	for (size_t i = 0; i < 4; i++) {
		if (!cJSON_GetObjectItemCaseSensitive(a, kinds[i]))
			continue;
		if (kind) {
			char *p = cfg_pointer_join("", kinds[i]);
			cfg_error_set(e, p, _("\"auth\" takes one of \"%s\" and \"%s\", not both"),
			              kind, kinds[i]);
			free(p);
			goto nested;
		}
		kind = kinds[i];
	}
	if (!kind) {
		cfg_error_set(e, "", _("must give one of \"bearer_token_env\", \"bearer_token_file\", "
		                       "or \"username\" with \"password_env\" or \"password_file\""));
		goto nested;
	}
	bool basic = strncmp(kind, "password", 8) == 0;
	char *user = NULL, *where = NULL;
	if (cfg_get_string(a, "username", basic, true, &user, e) < 0 ||
	    cfg_get_string(a, kind, true, true, &where, e) < 0) {
		free(user);
		free(where);
		goto nested;
	}
	if (!basic && user) {
		cfg_error_set(e, "/username", _("goes with \"password_env\" or \"password_file\", not "
		                                "with a bearer token"));
		free(user);
		free(where);
		goto nested;
	}
	if (user && strchr(user, ':')) {
		cfg_error_set(e, "/username", _("must not hold ':' (RFC 7617)"));
		free(user);
		free(where);
		goto nested;
	}
	bool from_env = strstr(kind, "_env") != NULL;
	char *secret = from_env ? secret_from_env(where, kind, e) : secret_from_file(where, kind, e);
	if (!secret) {
		free(user);
		free(where);
		goto nested;
	}
	char *shown = text_sanitize(where, strnlen(where, 200));
	free(s->secret_from);
	s->secret_from = xasprintf(from_env ? _("environment variable %s") : _("file %s"), shown);
	free(shown);
	free(where);
	wipe_free(s->secret);
	s->secret = secret;
	free(s->username);
	s->username = user;
	s->auth = basic ? SOURCE_AUTH_BASIC : SOURCE_AUTH_BEARER;
	return 0;
nested:
	cfg_error_nest(e, "/auth");
	return -1;
}

/* A file that must exist and be readable now, so that a typo shows at load
 * rather than at the first request. */
static int read_file_member(const cJSON *tls, const char *key, char **out, cfg_error_t *e)
{
	char *path = NULL;
	if (cfg_get_string(tls, key, false, true, &path, e) < 0)
		return -1;
	if (!path)
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	int err = fd < 0 || fstat(fd, &st) != 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	if (err || !S_ISREG(st.st_mode)) {
		char *p = cfg_pointer_join("", key);
		char *name = text_sanitize(path, strnlen(path, 200));
		if (err)
			cfg_error_set(e, p, _("file %s: %s"), name, strerror(err));
		else
			cfg_error_set(e, p, _("file %s is not a regular file"), name);
		free(name);
		free(p);
		free(path);
		return -1;
	}
	free(*out);
	*out = path;
	return 0;
}

/* "tls": {"ca_file", "client_cert", "client_key", "insecure_skip_verify"},
 * each over the defaults' value. */
static int read_tls(const cJSON *obj, source_cfg_t *s, cfg_error_t *e)
{
	static const char *const known[] = {"ca_file", "client_cert", "client_key",
	                                    "insecure_skip_verify", NULL};
	const cJSON *t = NULL;
	if (cfg_get_object(obj, "tls", false, &t, e) < 0)
		return -1;
	if (!t)
		return 0;
	if (cfg_check_keys(t, known, e) < 0 || read_file_member(t, "ca_file", &s->ca_file, e) < 0 ||
	    read_file_member(t, "client_cert", &s->client_cert, e) < 0 ||
	    read_file_member(t, "client_key", &s->client_key, e) < 0 ||
	    cfg_get_bool(t, "insecure_skip_verify", &s->tls_insecure, e) < 0)
		goto nested;
	if (s->client_key && !s->client_cert) {
		cfg_error_set(e, "/client_key", _("needs \"client_cert\" (the certificate this key "
		                                  "goes with)"));
		goto nested;
	}
	return 0;
nested:
	cfg_error_nest(e, "/tls");
	return -1;
}

int config_security_read(const cJSON *obj, source_cfg_t *s, bool defaults, cfg_error_t *e)
{
	if (read_headers(obj, s, e) < 0 || read_tls(obj, s, e) < 0)
		return -1;
	return defaults ? 0 : read_auth(obj, s, e);
}

void config_security_copy(source_cfg_t *s, const source_cfg_t *from)
{
	for (size_t i = 0; i < from->header_count; i++)
		header_set(s, from->headers[i].name, from->headers[i].value);
	free(s->ca_file);
	free(s->client_cert);
	free(s->client_key);
	s->ca_file = from->ca_file ? xstrdup(from->ca_file) : NULL;
	s->client_cert = from->client_cert ? xstrdup(from->client_cert) : NULL;
	s->client_key = from->client_key ? xstrdup(from->client_key) : NULL;
	s->tls_insecure = from->tls_insecure;
}

void config_security_free(source_cfg_t *s)
{
	for (size_t i = 0; i < s->header_count; i++) {
		free(s->headers[i].name);
		free(s->headers[i].value);
	}
	free(s->headers);
	s->headers = NULL;
	s->header_count = 0;
	wipe_free(s->secret);
	s->secret = NULL;
	free(s->secret_from);
	free(s->username);
	free(s->ca_file);
	free(s->client_cert);
	free(s->client_key);
	s->secret_from = s->username = s->ca_file = s->client_cert = s->client_key = NULL;
	s->auth = SOURCE_AUTH_NONE;
}
