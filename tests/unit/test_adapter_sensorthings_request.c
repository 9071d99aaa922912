/* The sensorthings adapter's options (feeds/sta_options.c: errors named by
 * JSON Pointer, the query they imply) and the requests of an attempt
 * (feeds/sta_request.c: the first GET, @iot.nextLink on the source's origin
 * only, the max_pages bound). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sta_sink.h"

static void expect_refused(const char *json, const char *pointer, const char *words)
{
	cJSON *obj = cJSON_Parse(json);
	assert_non_null(obj);
	void *opts = (void *)1;
	cfg_error_t e = {0};
	assert_int_equal(sta_adapter()->options_parse(obj, &opts, &e), -1);
	assert_null(opts);
	if (strcmp(e.pointer, pointer) != 0 || !strstr(e.message, words))
		fail_msg("%s: got %s: %s; want %s: ...%s...", json, e.pointer, e.message, pointer,
		         words);
	cfg_error_free(&e);
	cJSON_Delete(obj);
}

static void test_options_errors(void **state)
{
	(void)state;
	assert_false(sta_adapter()->options_required);
	assert_string_equal(sta_adapter()->options_key, "sensorthings");
	expect_refused("{\"pagesize\": 10}", "/pagesize", "unknown field");
	expect_refused("{\"page_size\": 0}", "/page_size", "from 1 to 10000");
	expect_refused("{\"page_size\": 10001}", "/page_size", "from 1 to 10000");
	expect_refused("{\"max_pages\": 257}", "/max_pages", "from 1 to 256");
	expect_refused("{\"max_pages\": 1.5}", "/max_pages", "whole number");
	expect_refused("{\"filter\": \"\"}", "/filter", "empty");
	expect_refused("{\"select\": \"yes\"}", "/select", "true or false");
	expect_refused("{\"fields\": []}", "/fields", "object");
	expect_refused("{\"fields\": {\"place\": \"/x\"}}", "/fields/place", "unknown field");
	expect_refused("{\"fields\": {\"district\": \"Thing/x\"}}", "/fields/district",
	               "JSON Pointer");
	expect_refused("{\"fields\": {\"street\": [\"/a\", 3]}}", "/fields/street/1", "string");
	expect_refused("{\"fields\": {\"street\": [\"/a\", \"b\"]}}", "/fields/street/1",
	               "JSON Pointer");
	expect_refused("{\"fields\": {\"range\": 5}}", "/fields/range", "JSON Pointer");
	expect_refused("{\"fields\": {\"name\": [\"/a\", \"/b\", \"/c\", \"/d\", \"/e\"]}}",
	               "/fields/name", "at most 4");
	expect_refused("{\"fields\": {\"id\": []}}", "/fields/id", "at least one");
}

/* The URL of the first request of an attempt. */
static char *first(const void *opts, const char *base)
{
	adapter_attempt_t at = {.base_url = base, .first = true};
	adapter_request_t req = {0};
	char *cause = NULL;
	assert_int_equal(sta_adapter()->next_request(opts, &at, &req, &cause), 1);
	assert_int_equal(req.step, 0);
	return req.url;
}

static void test_first_request(void **state)
{
	(void)state;
	void *o = sta_opts(NULL);
	char *url = first(o, "http://127.0.0.1:8080/sta/v1.1/");
	assert_string_equal(
	    url, "http://127.0.0.1:8080/sta/v1.1/Datastreams"
	         "?$select=id,name,unitOfMeasurement,properties"
	         "&$expand=Thing($select=properties;$expand=Locations($select=properties)),"
	         "Observations($orderby=phenomenonTime%20desc;$top=1;$select=result,phenomenonTime)"
	         "&$top=1000");
	free(url);
	sta_adapter()->options_free(o);

	o = sta_opts("{\"page_size\": 50, \"select\": false, \"filter\": "
	             "\"Thing/properties/domain eq 'water' and name ne 'a&b'\"}");
	url = first(o, "https://frost.example/FROST-Server/v1.1?tenant=cq");
	assert_string_equal(url, "https://frost.example/FROST-Server/v1.1/Datastreams"
	                         "?$expand=Thing($expand=Locations),"
	                         "Observations($orderby=phenomenonTime%20desc;$top=1)&$top=50"
	                         "&$filter=Thing/properties/domain%20eq%20%27water%27%20and%20"
	                         "name%20ne%20%27a%26b%27&tenant=cq");
	free(url);
	sta_adapter()->options_free(o);

	/* Only what the fields read is asked for; nothing of Thing: not expanded. */
	o = sta_opts("{\"fields\": {\"domain\": [], \"district\": \"/properties/district\", "
	             "\"street\": [], \"name\": \"/description\"}}");
	url = first(o, "http://h/v1.1");
	assert_string_equal(url, "http://h/v1.1/Datastreams"
	                         "?$select=id,description,unitOfMeasurement,properties"
	                         "&$expand=Observations($orderby=phenomenonTime%20desc;$top=1;"
	                         "$select=result,phenomenonTime)&$top=1000");
	free(url);
	sta_adapter()->options_free(o);
}

/* Request number `done` + 1, after answers `texts`: its rc, URL, cause. */
static int next(const void *opts, const char *base, const char *const *texts, size_t done,
                char **url, char **cause)
{
	adapter_body_t b[8];
	for (size_t i = 0; i < done; i++)
		b[i] = (adapter_body_t){texts[i], strlen(texts[i]), (int)i};
	adapter_attempt_t at = {.base_url = base, .bodies = b, .done = done};
	adapter_request_t req = {0};
	*cause = NULL;
	int rc = sta_adapter()->next_request(opts, &at, &req, cause);
	*url = req.url;
	if (rc == 1)
		assert_int_equal(req.step, (int)done);
	return rc;
}

static void test_paging(void **state)
{
	(void)state;
	void *o = sta_opts("{\"max_pages\": 3}");
	size_t len;
	char *p1 = read_fixture("sensorthings/page1.json", &len);
	char *p2 = read_fixture("sensorthings/page2.json", &len);
	const char *base = "http://sta.example:8080/FROST-Server/v1.1";
	char *url, *cause;
	const char *one[] = {p1};
	assert_int_equal(next(o, base, one, 1, &url, &cause), 1);
	assert_non_null(strstr(url, "http://sta.example:8080/FROST-Server/v1.1/Datastreams?"));
	assert_non_null(strstr(url, "$skip=2"));
	free(url);
	/* The same origin whatever the case of the host, and the default port. */
	assert_int_equal(next(o, "HTTP://STA.example:8080/x", one, 1, &url, &cause), 1);
	free(url);
	const char *p80[] = {"{\"value\":[],\"@iot.nextLink\":\"http://h:80/v1.1/Datastreams?$skip=9\"}"};
	assert_int_equal(next(o, "http://user:pw@h/v1.1", p80, 1, &url, &cause), 1);
	assert_string_equal(url, "http://h:80/v1.1/Datastreams?$skip=9");
	free(url);
	/* A path-absolute link stays on the source's origin; spaces are encoded. */
	const char *rel[] = {"{\"@iot.nextLink\":\"/v1.1/Datastreams?$orderby=name asc&$skip=2\","
	                     "\"value\":[]}"};
	assert_int_equal(next(o, "http://h:81/v1.1", rel, 1, &url, &cause), 1);
	assert_string_equal(url, "http://h:81/v1.1/Datastreams?$orderby=name%20asc&$skip=2");
	free(url);
	/* Escaped slashes, and a link after a value holding brackets and quotes. */
	const char *esc[] = {"{\"value\":[{\"name\":\"}]\\\"[{\",\"x\":[1,{\"y\":\"]\"}]}],"
	                     "\"@iot.nextLink\":\"http:\\/\\/h:81\\/v1.1\\/Datastreams?$skip=3\"}"};
	assert_int_equal(next(o, "http://h:81/v1.1", esc, 1, &url, &cause), 1);
	assert_string_equal(url, "http://h:81/v1.1/Datastreams?$skip=3");
	free(url);
	/* The last page has no link: the attempt has all it needs. */
	const char *both[] = {p1, p2};
	assert_int_equal(next(o, base, both, 2, &url, &cause), 0);
	assert_null(url);
	/* The bound: no request past max_pages whatever the page says. */
	const char *three[] = {p1, p1, p1};
	assert_int_equal(next(o, base, three, 3, &url, &cause), 0);
	/* Not a page at all: no further request (parse says why). */
	const char *junk[] = {"<html>"};
	assert_int_equal(next(o, base, junk, 1, &url, &cause), 0);
	free(p1);
	free(p2);
	sta_adapter()->options_free(o);
}

static void expect_foreign(const char *base, const char *link, const char *words)
{
	char body[512];
	snprintf(body, sizeof body, "{\"value\": [], \"@iot.nextLink\": \"%s\"}", link);
	const char *texts[] = {body};
	char *url, *cause;
	assert_int_equal(next(NULL, base, texts, 1, &url, &cause), -1);
	assert_null(url);
	assert_non_null(cause);
	if (!strstr(cause, words))
		fail_msg("%s after %s: \"%s\" lacks \"%s\"", link, base, cause, words);
	free(cause);
}

static void test_foreign_links(void **state)
{
	(void)state;
	const char *base = "http://127.0.0.1:8080/sta/v1.1";
	expect_foreign(base, "http://evil.example:8080/sta/v1.1/Datastreams?$skip=1", "refused");
	expect_foreign(base, "https://127.0.0.1:8080/sta/v1.1/Datastreams", "refused");
	expect_foreign(base, "http://127.0.0.1:8081/sta/v1.1/Datastreams", "refused");
	expect_foreign(base, "http://127.0.0.1:8080@evil.example/x", "refused");
	expect_foreign(base, "//evil.example/x", "not an absolute");
	expect_foreign(base, "ftp://127.0.0.1:8080/x", "not an absolute");
	expect_foreign(base, "http://127.0.0.1:99999/x", "not an absolute");
	expect_foreign(base, "http://127.0.0.1:8080/\\u0007x", "control");
	expect_foreign(base, "", "empty");
	/* The refusal names the link with its credentials masked. */
	expect_foreign(base, "http://u:secret@evil.example/x", "u:***@evil.example");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_options_errors),
	    cmocka_unit_test(test_first_request),
	    cmocka_unit_test(test_paging),
	    cmocka_unit_test(test_foreign_links),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
