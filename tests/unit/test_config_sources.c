/* Unit tests for what a source's new settings hold once loaded
 * (feeds/config_source.c, config_security.c): type and its older spelling
 * format, the stale time, headers (merged with the defaults' by name),
 * auth with its secret read from an environment variable or a file, tls,
 * and what "defaults" passes on and what it does not. */
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

static char dir[] = "/tmp/citydash-cfg-src-XXXXXX";
static char old_cwd[4096];

static void put(const char *name, const char *text)
{
	FILE *f = fopen(name, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	if (!getcwd(old_cwd, sizeof old_cwd) || !mkdtemp(dir) || chdir(dir) != 0)
		return -1;
	put("token", "file-secret\n");
	put("token.crlf", "crlf-secret\r\n");
	put("ca.pem", "pem\n");
	put("cert.pem", "pem\n");
	put("key.pem", "pem\n");
	setenv("CITY_TOKEN", "env-secret", 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	static const char *const files[] = {"token", "token.crlf", "ca.pem", "cert.pem", "key.pem"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		unlink(files[i]);
	return chdir(old_cwd) == 0 && rmdir(dir) == 0 ? 0 : -1;
}

static void load(config_t *cfg, const char *json)
{
	char *cause = NULL;
	config_init(cfg);
	if (config_parse(cfg, json, strlen(json), &cause) != 0)
		fail_msg("%s: %s", json, cause);
}

static void test_type_and_stale(void **state)
{
	(void)state;
	config_t cfg;
	load(&cfg, "{\"sources\":["
	           "{\"name\":\"a\",\"url\":\"http://h/a\"},"
	           "{\"name\":\"b\",\"url\":\"http://h/b\",\"format\":\"citydash-v1\","
	           "\"stale_ms\":200,\"interval_ms\":200},"
	           "{\"name\":\"c\",\"url\":\"http://h/c\",\"type\":\"citydash-v1\","
	           "\"format\":\"citydash-v1\",\"stale_ms\":604800000}]}");
	assert_int_equal(cfg.source_count, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(cfg.sources[i].format, "citydash-v1");
		assert_ptr_equal(cfg.sources[i].adapter, adapter_find("citydash-v1"));
		assert_null(cfg.sources[i].adapter_opts);
		assert_int_equal(cfg.sources[i].auth, SOURCE_AUTH_NONE);
		assert_null(cfg.sources[i].secret);
		assert_false(cfg.sources[i].tls_insecure);
	}
	assert_int_equal(cfg.sources[0].stale_ms, 0); /* derived */
	assert_int_equal(cfg.sources[1].stale_ms, 200);
	assert_int_equal(cfg.sources[2].stale_ms, 604800000);
	/* --source: the native protocol with the built-in settings. */
	char *cause = NULL;
	assert_int_equal(config_add_source_arg(&cfg, "d=http://h/d", &cause), 0);
	assert_ptr_equal(cfg.sources[3].adapter, adapter_find(NULL));
	assert_int_equal(cfg.sources[3].header_count, 0);
	config_free(&cfg);
}

static void test_auth(void **state)
{
	(void)state;
	config_t cfg;
	load(&cfg, "{\"sources\":["
	           "{\"name\":\"a\",\"url\":\"http://h/a\",\"auth\":{\"bearer_token_env\":\"CITY_TOKEN\"}},"
	           "{\"name\":\"b\",\"url\":\"http://h/b\",\"auth\":{\"bearer_token_file\":\"token\"}},"
	           "{\"name\":\"c\",\"url\":\"http://h/c\",\"auth\":{\"username\":\"ops\","
	           "\"password_env\":\"CITY_TOKEN\"}},"
	           "{\"name\":\"d\",\"url\":\"http://h/d\",\"auth\":{\"username\":\"ops\","
	           "\"password_file\":\"token.crlf\"}}]}");
	const source_cfg_t *s = cfg.sources;
	assert_int_equal(s[0].auth, SOURCE_AUTH_BEARER);
	assert_string_equal(s[0].secret, "env-secret");
	assert_string_equal(s[0].secret_from, "environment variable CITY_TOKEN");
	assert_null(s[0].username);
	assert_int_equal(s[1].auth, SOURCE_AUTH_BEARER);
	assert_string_equal(s[1].secret, "file-secret"); /* the newline stripped */
	assert_string_equal(s[1].secret_from, "file token");
	assert_int_equal(s[2].auth, SOURCE_AUTH_BASIC);
	assert_string_equal(s[2].username, "ops");
	assert_string_equal(s[2].secret, "env-secret");
	assert_int_equal(s[3].auth, SOURCE_AUTH_BASIC);
	assert_string_equal(s[3].secret, "crlf-secret");
	assert_string_equal(s[3].secret_from, "file token.crlf");
	config_free(&cfg);
	/* Read at load time: a later change of the variable is not seen. */
	load(&cfg, "{\"sources\":[{\"name\":\"a\",\"url\":\"http://h/a\",\"auth\":"
	           "{\"bearer_token_env\":\"CITY_TOKEN\"}}]}");
	setenv("CITY_TOKEN", "changed", 1);
	assert_string_equal(cfg.sources[0].secret, "env-secret");
	setenv("CITY_TOKEN", "env-secret", 1);
	config_free(&cfg);
}

/* "defaults" passes on type, numbers, headers and tls; a source's own
 * headers replace the defaults' of the same name (any case) and add the
 * others; a source's tls members replace the defaults' one by one. */
static void test_defaults_and_merging(void **state)
{
	(void)state;
	config_t cfg;
	load(&cfg, "{\"defaults\":{\"type\":\"citydash-v1\",\"stale_ms\":60000,"
	           "\"headers\":{\"X-Tenant\":\"city\",\"Accept-Language\":\"zh\"},"
	           "\"tls\":{\"ca_file\":\"ca.pem\",\"client_cert\":\"cert.pem\"}},"
	           "\"sources\":["
	           "{\"name\":\"a\",\"url\":\"https://h/a\"},"
	           "{\"name\":\"b\",\"url\":\"https://h/b\",\"headers\":{\"x-tenant\":\"north\","
	           "\"X-Extra\":\"1\"},\"tls\":{\"client_key\":\"key.pem\","
	           "\"insecure_skip_verify\":true}}]}");
	const source_cfg_t *a = &cfg.sources[0], *b = &cfg.sources[1];
	assert_int_equal(a->stale_ms, 60000);
	assert_int_equal(a->header_count, 2);
	assert_string_equal(a->headers[0].name, "X-Tenant");
	assert_string_equal(a->headers[0].value, "city");
	assert_string_equal(a->ca_file, "ca.pem");
	assert_string_equal(a->client_cert, "cert.pem");
	assert_null(a->client_key);
	assert_false(a->tls_insecure);
	assert_int_equal(b->header_count, 3);
	assert_string_equal(b->headers[0].name, "X-Tenant");
	assert_string_equal(b->headers[0].value, "north");
	assert_string_equal(b->headers[2].name, "X-Extra");
	assert_string_equal(b->ca_file, "ca.pem");
	assert_string_equal(b->client_cert, "cert.pem");
	assert_string_equal(b->client_key, "key.pem");
	assert_true(b->tls_insecure);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_type_and_stale),
	    cmocka_unit_test(test_auth),
	    cmocka_unit_test(test_defaults_and_merging),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
