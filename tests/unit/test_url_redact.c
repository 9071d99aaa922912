/* Unit tests for feeds/url_redact: credentials never shown or logged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store.h"
#include "url_redact.h"

#define CHECK(in, want)                                                                            \
	do {                                                                                       \
		char *got_ = url_redact(in);                                                       \
		assert_string_equal(got_, (want));                                                 \
		free(got_);                                                                        \
	} while (0)

static void test_userinfo(void **state)
{
	(void)state;
	CHECK("http://user:pass@gw:8080/v1/feeds/water", "http://user:***@gw:8080/v1/feeds/water");
	CHECK("https://tok3n@gw/v1", "https://***@gw/v1"); /* no password: a token */
	CHECK("http://u:p@ss@gw/", "http://u:***@gw/");    /* the last '@' ends it */
	CHECK("HTTP://u:@gw", "HTTP://u:***@gw");
	CHECK("http://u:pw@[::1]:8080/x", "http://u:***@[::1]:8080/x");
	/* a password with '/' in it: no userinfo to a URL parser, still masked */
	CHECK("http://u:pa/ss@gw/x", "http://u:***@gw/x");
	CHECK("http://gw:notaport/x", "http://gw:***/x");
}

static void test_untouched(void **state)
{
	(void)state;
	CHECK("http://gw:8080/v1/feeds/water", "http://gw:8080/v1/feeds/water");
	CHECK("http://[::1]:8080/a@b", "http://[::1]:8080/a@b"); /* '@' in the path */
	CHECK("http://@gw/", "http://@gw/");
	CHECK("no url here: a@b c:d", "no url here: a@b c:d");
	CHECK("://x:y@z", "://x:y@z"); /* no scheme */
	CHECK("", "");
	CHECK(NULL, "");
}

static void test_query(void **state)
{
	(void)state;
	CHECK("http://gw/v1?api_key=s3cret&city=cq", "http://gw/v1?api_key=***&city=cq");
	CHECK("http://gw/v1?city=cq;Token=abc#top", "http://gw/v1?city=cq;Token=***#top");
	CHECK("http://gw/v1?X-Amz-Signature=ab&X-Amz-Credential=cd",
	      "http://gw/v1?X-Amz-Signature=***&X-Amz-Credential=***");
	CHECK("http://gw/v1?password=&n=1", "http://gw/v1?password=&n=1"); /* nothing to mask */
}

/* In running text, e.g. curl's error message. */
static void test_in_text(void **state)
{
	(void)state;
	CHECK("Failed to fetch http://a:b@h/x (see https://c:d@i/y).",
	      "Failed to fetch http://a:***@h/x (see https://c:***@i/y).");
	CHECK("'http://a:b@h' refused", "'http://a:***@h' refused");
}

/* What the store keeps to show: the URL masked, and a failure's detail. */
static void test_store_shows_masked(void **state)
{
	(void)state;
	store_t *st = store_create();
	int s = store_add_source(st, "water", "http://op:hunter2@gw/v1/feeds/water", 1000, 3000);
	store_poll_failed_detail(st, s, "Couldn't connect to server",
	                         "Failed to connect to http://op:hunter2@gw/v1/feeds/water", 1);
	const source_status_t *src = store_source(st, s);
	assert_string_equal(src->url, "http://op:***@gw/v1/feeds/water");
	assert_null(strstr(src->error_detail, "hunter2"));
	store_destroy(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_userinfo),
	    cmocka_unit_test(test_untouched),
	    cmocka_unit_test(test_query),
	    cmocka_unit_test(test_in_text),
	    cmocka_unit_test(test_store_shows_masked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
