/* Unit tests for the configuration's errors (feeds/config*.c): each one
 * as the operator reads it, "FILE:LINE:COL: /pointer: what", exact: unknown
 * fields at every level, wrong types and bounds, type/format, headers, auth
 * and its secret (environment variable or file), tls files, what defaults
 * may not set. No message ever holds a secret. The files the cases name are
 * made in a temporary folder, the current directory while the tests run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adapter.h"
#include "config.h"
#include "text.h"

#define ENV_SECRET  "env-s3cret-token"
#define FILE_SECRET "file-s3cret-pass"

static char dir[] = "/tmp/citydash-cfg-err-XXXXXX";
static char old_cwd[4096];

static void put(const char *name, const char *text, size_t len)
{
	FILE *f = fopen(name, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	if (!getcwd(old_cwd, sizeof old_cwd) || !mkdtemp(dir) || chdir(dir) != 0)
		return -1;
	put("token", FILE_SECRET "\n", strlen(FILE_SECRET) + 1);
	put("token.empty", "", 0);
	put("token.newline", "\n", 1);
	put("token.ctl", "a\tb", 3);
	put("ca.pem", "-----BEGIN CERTIFICATE-----\n", 28);
	put("key.pem", "-----BEGIN PRIVATE KEY-----\n", 28);
	static char big[5000];
	memset(big, 'k', sizeof big);
	put("token.big", big, sizeof big);
	setenv("TOKEN", ENV_SECRET, 1);
	setenv("TOKEN_CRLF", ENV_SECRET "\r\nX-Injected: 1", 1);
	setenv("CITYDASH_TEST_EMPTY", "", 1);
	unsetenv("CITYDASH_TEST_UNSET");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	static const char *const files[] = {"token",   "token.empty", "token.newline", "token.ctl",
	                                    "ca.pem",  "key.pem",     "token.big"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		unlink(files[i]);
	if (chdir(old_cwd) != 0 || rmdir(dir) != 0)
		return -1;
	return 0;
}

static const struct {
	const char *json, *want;
} cases[] = {
	{"{\"sources\":[],\"colour\":1}",
	 "city.json:1:24: /colour: unknown field \"colour\""},
	{"{\"sources\":[],\n \"defaults\":{\"interval\":5}}",
	 "city.json:2:25: /defaults/interval: unknown field \"interval\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"TOKEN\",\"extra\":1}}]}",
	 "city.json:1:86: /sources/0/auth/extra: unknown field \"extra\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"ca\":\"ca.pem\"}}]}",
	 "city.json:1:55: /sources/0/tls/ca: unknown field \"ca\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"prometheus\":{}}]}",
	 "city.json:1:56: /sources/0/prometheus: unknown field \"prometheus\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"X Bad\":\"v\"}}]}",
	 "city.json:1:62: /sources/0/headers/X Bad: is not a header name (letters, digits and !#$%&'*+-.^_`|~, RFC 7230)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"X-é\":\"v\"}}]}",
	 "city.json:1:60: /sources/0/headers/X-é: is not a header name (letters, digits and !#$%&'*+-.^_`|~, RFC 7230)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"X-A\":1}}]}",
	 "city.json:1:60: /sources/0/headers/X-A: must be a string"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"X-A\":\"a\\r\\nInjected: 1\"}}]}",
	 "city.json:1:60: /sources/0/headers/X-A: must not hold a line break (CR or LF)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"X-A\":\"a\\u0007\"}}]}",
	 "city.json:1:60: /sources/0/headers/X-A: must be at most 4096 bytes of printable UTF-8"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":{\"authorization\":\"Bearer x\"}}]}",
	 "city.json:1:70: /sources/0/headers/authorization: is not allowed here: give credentials in \"auth\", which reads them from an environment variable or a file"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"headers\":[]}]}",
	 "city.json:1:53: /sources/0/headers: must be an object"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":\"TOKEN\"}]}",
	 "city.json:1:50: /sources/0/auth: must be an object"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":true}]}",
	 "city.json:1:49: /sources/0/tls: must be an object"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"insecure_skip_verify\":\"yes\"}}]}",
	 "city.json:1:73: /sources/0/tls/insecure_skip_verify: must be true or false"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"insecure_skip_verify\":1}}]}",
	 "city.json:1:73: /sources/0/tls/insecure_skip_verify: must be true or false"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"ca_file\":\"\"}}]}",
	 "city.json:1:60: /sources/0/tls/ca_file: must not be empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":3}]}",
	 "city.json:1:50: /sources/0/type: must be a string"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"stale_ms\":\"20000\"}]}",
	 "city.json:1:54: /sources/0/stale_ms: must be a whole number from 0 to 604800000 ms"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"stale_ms\":604800001}]}",
	 "city.json:1:54: /sources/0/stale_ms: must be a whole number from 0 to 604800000 ms"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"stale_ms\":199}]}",
	 "city.json:1:54: /sources/0/stale_ms: must be 0 (derived from the interval) or from 200 to 604800000 ms"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"interval_ms\":5000,\"stale_ms\":4999}]}",
	 "city.json:1:73: /sources/0/stale_ms: the stale time (4999 ms) must be at least the interval (5000 ms)"},
	{"{\"defaults\":{\"stale_ms\":3000},\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"interval_ms\":5000}]}",
	 "city.json:1:86: /sources/0/interval_ms: the stale time (3000 ms) must be at least the interval (5000 ms)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"citydash-v1\",\"format\":\"json\"}]}",
	 "city.json:1:73: /sources/0/format: \"format\" is the older spelling of \"type\" and says \"json\" where \"type\" says \"citydash-v1\": give one"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"mqtt\"}]}",
	 "city.json:1:50: /sources/0/type: unknown type \"mqtt\" (known: citydash-v1, prometheus, sensorthings, json)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"\"}]}",
	 "city.json:1:50: /sources/0/type: must not be empty"},
	{"{\"defaults\":{\"type\":\"mqtt\"},\"sources\":[]}",
	 "city.json:1:21: /defaults/type: unknown type \"mqtt\" (known: citydash-v1, prometheus, sensorthings, json)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"TOKEN\",\"bearer_token_file\":\"token\"}}]}",
	 "city.json:1:98: /sources/0/auth/bearer_token_file: \"auth\" takes one of \"bearer_token_env\" and \"bearer_token_file\", not both"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\",\"password_env\":\"TOKEN\",\"password_file\":\"token\"}}]}",
	 "city.json:1:105: /sources/0/auth/password_file: \"auth\" takes one of \"password_env\" and \"password_file\", not both"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{}}]}",
	 "city.json:1:50: /sources/0/auth: must give one of \"bearer_token_env\", \"bearer_token_file\", or \"username\" with \"password_env\" or \"password_file\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\"}}]}",
	 "city.json:1:50: /sources/0/auth: must give one of \"bearer_token_env\", \"bearer_token_file\", or \"username\" with \"password_env\" or \"password_file\""},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\",\"bearer_token_env\":\"TOKEN\"}}]}",
	 "city.json:1:62: /sources/0/auth/username: goes with \"password_env\" or \"password_file\", not with a bearer token"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"password_env\":\"TOKEN\"}}]}",
	 "city.json:1:50: /sources/0/auth/username: is missing"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"a:b\",\"password_env\":\"TOKEN\"}}]}",
	 "city.json:1:62: /sources/0/auth/username: must not hold ':' (RFC 7617)"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"\",\"password_env\":\"TOKEN\"}}]}",
	 "city.json:1:62: /sources/0/auth/username: must not be empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"\"}}]}",
	 "city.json:1:70: /sources/0/auth/bearer_token_env: must not be empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":7}}]}",
	 "city.json:1:70: /sources/0/auth/bearer_token_env: must be a string"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"CITYDASH_TEST_UNSET\"}}]}",
	 "city.json:1:70: /sources/0/auth/bearer_token_env: environment variable CITYDASH_TEST_UNSET is not set"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"CITYDASH_TEST_EMPTY\"}}]}",
	 "city.json:1:70: /sources/0/auth/bearer_token_env: environment variable CITYDASH_TEST_EMPTY is empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\",\"password_env\":\"TOKEN_CRLF\"}}]}",
	 "city.json:1:81: /sources/0/auth/password_env: environment variable TOKEN_CRLF holds control characters or is not UTF-8"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"TOKEN-1\"}}]}",
	 "city.json:1:70: /sources/0/auth/bearer_token_env: is not an environment variable name"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_file\":\"nofile\"}}]}",
	 "city.json:1:71: /sources/0/auth/bearer_token_file: file nofile: No such file or directory"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_file\":\"token.empty\"}}]}",
	 "city.json:1:71: /sources/0/auth/bearer_token_file: file token.empty is empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_file\":\"token.newline\"}}]}",
	 "city.json:1:71: /sources/0/auth/bearer_token_file: file token.newline is empty"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_file\":\"token.big\"}}]}",
	 "city.json:1:71: /sources/0/auth/bearer_token_file: file token.big is larger than 4096 bytes"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\",\"password_file\":\"token.ctl\"}}]}",
	 "city.json:1:82: /sources/0/auth/password_file: file token.ctl holds control characters or is not UTF-8"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_file\":\".\"}}]}",
	 "city.json:1:71: /sources/0/auth/bearer_token_file: file . is not a regular file"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"ca_file\":\"noca.pem\"}}]}",
	 "city.json:1:60: /sources/0/tls/ca_file: file noca.pem: No such file or directory"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"client_cert\":\"nocert.pem\"}}]}",
	 "city.json:1:64: /sources/0/tls/client_cert: file nocert.pem: No such file or directory"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"client_cert\":\".\"}}]}",
	 "city.json:1:64: /sources/0/tls/client_cert: file . is not a regular file"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"tls\":{\"client_key\":\"key.pem\"}}]}",
	 "city.json:1:63: /sources/0/tls/client_key: needs \"client_cert\" (the certificate this key goes with)"},
	{"{\"defaults\":{\"tls\":{\"client_key\":\"key.pem\"}},\"sources\":[]}",
	 "city.json:1:34: /defaults/tls/client_key: needs \"client_cert\" (the certificate this key goes with)"},
	{"{\"defaults\":{\"url\":\"http://h/\"},\"sources\":[]}",
	 "city.json:1:20: /defaults/url: names one source: it cannot be a default"},
	{"{\"defaults\":{\"auth\":{\"bearer_token_env\":\"TOKEN\"}},\"sources\":[]}",
	 "city.json:1:21: /defaults/auth: is given per source, so that a credential goes only to the server it is meant for"},
	{"{\"defaults\":{\"prometheus\":{}},\"sources\":[]}",
	 "city.json:1:27: /defaults/prometheus: describes one source's answers: give it in each source"},
	{"{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"bearer_token_env\":\"TOKEN\"}},\n  {\"name\":\"a\",\"url\":\"http://h/\",\"auth\":{\"username\":\"u\",\"password_file\":\"token\"}}]}",
	 "city.json:2:11: /sources/1/name: \"a\" is already used by another source"},
};

static void test_every_error(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		config_t cfg;
		config_init(&cfg);
		char *cause = NULL;
		const char *json = cases[i].json;
		assert_int_equal(config_parse_named(&cfg, "city.json", json, strlen(json), &cause), -1);
		assert_non_null(cause);
		if (strcmp(cause, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\"\n  is not \"%s\"", i, cause, cases[i].want);
		assert_true(text_is_clean(cause));
		assert_null(strstr(cause, "s3cret"));
		assert_int_equal(cfg.source_count, 0);
		free(cause);
		config_free(&cfg);
	}
}

/* Without an origin, the message starts with the line. */
static void test_without_origin(void **state)
{
	(void)state;
	const char *json = "{\"sources\":[\n {\"name\":\"a\",\"url\":\"http://h/\",\n"
	                   "  \"auth\":{\"bearer_token_env\":\"CITYDASH_TEST_UNSET\"}}]}";
	config_t cfg;
	config_init(&cfg);
	char *cause = NULL;
	assert_int_equal(config_parse(&cfg, json, strlen(json), &cause), -1);
	assert_string_equal(cause, "3:30: /sources/0/auth/bearer_token_env: environment variable "
	                           "CITYDASH_TEST_UNSET is not set");
	free(cause);
	config_free(&cfg);
}

/* A source of a type whose adapter must have its options, without them;
 * and an adapter's own error nested under the source's member. Which
 * adapters require options is theirs to say (adapter.h): each one that
 * does is checked. */
static void test_adapter_options(void **state)
{
	(void)state;
	static const char *const types[] = {"prometheus", "sensorthings", "json"};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		const adapter_t *a = adapter_find(types[i]);
		assert_non_null(a);
		assert_non_null(a->options_key);
		char json[256], want[256];
		config_t cfg;
		config_init(&cfg);
		char *cause = NULL;
		snprintf(json, sizeof json,
		         "{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"%s\"}]}",
		         types[i]);
		int rc = config_parse_named(&cfg, "city.json", json, strlen(json), &cause);
		if (a->options_required && a->options_parse) {
			assert_int_equal(rc, -1);
			snprintf(want, sizeof want,
			         "city.json:1:13: /sources/0/%s: is missing: a source of type \"%s\" "
			         "needs it",
			         a->options_key, a->name);
			assert_string_equal(cause, want);
		} else if (rc != 0) {
			fail_msg("%s without options: %s", types[i], cause);
		}
		free(cause);
		cause = NULL;
		config_free(&cfg);
		if (!a->options_parse)
			continue;
		/* An unknown member of the options: the adapter's error, under the
		 * source's member. */
		config_init(&cfg);
		snprintf(json, sizeof json,
		         "{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"%s\",\"%s\":"
		         "{\"no_such_option\":1}}]}",
		         types[i], a->options_key);
		assert_int_equal(config_parse_named(&cfg, "city.json", json, strlen(json), &cause), -1);
		snprintf(want, sizeof want, ": /sources/0/%s", a->options_key);
		if (!strstr(cause, want) || strncmp(cause, "city.json:1:", 12) != 0)
			fail_msg("%s: \"%s\" lacks \"%s\"", types[i], cause, want);
		free(cause);
		config_free(&cfg);
		/* Options that are not an object (found by tests/fuzz: an array's
		 * members have no names, and reading them crashed). */
		static const char *const not_objects[] = {"[{\"a\":1}]", "[]", "\"x\"", "1", "null"};
		for (size_t k = 0; k < sizeof not_objects / sizeof not_objects[0]; k++) {
			config_init(&cfg);
			snprintf(json, sizeof json,
			         "{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/\",\"type\":\"%s\","
			         "\"%s\":%s}]}",
			         types[i], a->options_key, not_objects[k]);
			assert_int_equal(config_parse_named(&cfg, "city.json", json, strlen(json), &cause),
			                 -1);
			snprintf(want, sizeof want, ": /sources/0/%s: must be an object", a->options_key);
			if (!strstr(cause, want))
				fail_msg("%s: \"%s\" lacks \"%s\"", json, cause, want);
			free(cause);
			config_free(&cfg);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_error),
	    cmocka_unit_test(test_without_origin),
	    cmocka_unit_test(test_adapter_options),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
