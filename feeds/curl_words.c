/* curl_words: a failed transfer's cause in the operator's language (see curl_words.h). */
#include "curl_words.h"

#include "i18n.h"

const char *curl_words(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return _("cannot resolve the host name");
	case CURLE_COULDNT_RESOLVE_PROXY:
		return _("cannot resolve the proxy's name");
	case CURLE_COULDNT_CONNECT:
		return _("cannot connect to the server");
	case CURLE_GOT_NOTHING:
		return _("the server closed the connection without an answer");
	case CURLE_RECV_ERROR:
		return _("the connection broke while receiving");
	case CURLE_SEND_ERROR:
		return _("the connection broke while sending");
	case CURLE_PARTIAL_FILE:
		return _("the answer was cut short");
	case CURLE_BAD_CONTENT_ENCODING:
		return _("the answer's compression is broken");
	case CURLE_SSL_CONNECT_ERROR:
		return _("the TLS handshake failed");
	case CURLE_TOO_MANY_REDIRECTS:
		return _("too many redirects");
	case CURLE_UNSUPPORTED_PROTOCOL:
		return _("the URL's scheme is not supported");
	case CURLE_URL_MALFORMAT:
		return _("the URL is malformed");
	case CURLE_OUT_OF_MEMORY:
		return _("out of memory");
	default:
		return curl_easy_strerror(rc);
	}
}
