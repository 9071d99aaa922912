/* Linked with -Wl,--wrap=curl_multi_add_handle into test programs: every
 * transfer is refused when it is added to the multi handle, as libcurl does
 * when it runs out of memory. The real way to reach that path without
 * exhausting the machine's memory. */
#include <curl/curl.h>

CURLMcode __wrap_curl_multi_add_handle(CURLM *multi, CURL *easy);

CURLMcode __wrap_curl_multi_add_handle(CURLM *multi, CURL *easy)
{
	(void)multi;
	(void)easy;
	return CURLM_OUT_OF_MEMORY;
}
