/* Unit tests for curl_words: a failed transfer's cause in the operator's
 * language, curl's own (English) words only for a cause without ours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "curl_words.h"
#include "test_lang.h"

static void test_english(void **state)
{
	(void)state;
	test_lang_use("en");
	assert_string_equal(curl_words(CURLE_COULDNT_CONNECT), "cannot connect to the server");
	assert_string_equal(curl_words(CURLE_COULDNT_RESOLVE_HOST), "cannot resolve the host name");
	/* A cause without words of ours: curl's. */
	assert_string_equal(curl_words(CURLE_FTP_WEIRD_PASV_REPLY),
	                    curl_easy_strerror(CURLE_FTP_WEIRD_PASV_REPLY));
}

static void test_chinese(void **state)
{
	(void)state;
	test_lang_use("zh_CN");
	assert_string_equal(curl_words(CURLE_COULDNT_CONNECT), "无法连接服务器");
	assert_string_equal(curl_words(CURLE_GOT_NOTHING), "服务器未应答即关闭了连接");
	/* Every cause we name has a word in the catalogue, none the English. */
	static const CURLcode named[] = {
	    CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
	    CURLE_GOT_NOTHING,          CURLE_RECV_ERROR,            CURLE_SEND_ERROR,
	    CURLE_PARTIAL_FILE,         CURLE_BAD_CONTENT_ENCODING,  CURLE_SSL_CONNECT_ERROR,
	    CURLE_TOO_MANY_REDIRECTS,   CURLE_UNSUPPORTED_PROTOCOL,  CURLE_URL_MALFORMAT,
	    CURLE_OUT_OF_MEMORY,
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		const char *w = curl_words(named[i]);
		assert_true((unsigned char)w[0] >= 0x80 || strstr(w, "TLS") || strstr(w, "URL"));
		assert_string_not_equal(w, curl_easy_strerror(named[i]));
	}
	test_lang_use("en");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_english),
	    cmocka_unit_test(test_chinese),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
