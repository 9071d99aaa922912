/* curl_words: a failed transfer's cause in the operator's language.
 * libcurl's own words (curl_easy_strerror) are English only; the causes an
 * operations centre meets every day get words of our own, translated, and
 * any other keeps curl's. curl's detailed message (its error buffer) stays
 * beside it as it is, for whoever debugs the link. */
#ifndef CITYDASH_CURL_WORDS_H
#define CITYDASH_CURL_WORDS_H

#include <curl/curl.h>

/* A static string: translated for a common failure, else curl's words. */
const char *curl_words(CURLcode rc);

#endif
