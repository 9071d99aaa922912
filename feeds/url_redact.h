/* url_redact: URLs as citydash shows or logs them, with credentials masked.
 *
 * A source's URL may carry a password (http://user:pass@host/path) or a key
 * in its query (...?api_key=...). The poller alone keeps the real URL; what
 * the screen, --dump and error messages show passes through here:
 *  - the password of the userinfo becomes *** ("http://user:***@host/");
 *    a userinfo without a password is taken for a token and masked whole
 *    (leaving "***@host");
 *  - the value of a query parameter whose name holds "key", "token",
 *    "pass", "pwd", "secret", "sig", "auth" or "credential" (any case)
 *    becomes *** ("?api_key=***&city=cq").
 * The authority ends at the first '/', '?', '#', '\' (as in WHATWG and curl),
 * and the userinfo at its last '@'. */
#ifndef CITYDASH_URL_REDACT_H
#define CITYDASH_URL_REDACT_H

/* Copy of text (NULL: "") with every URL in it ("scheme://...", anywhere,
 * e.g. inside curl's error message) masked as above; other text unchanged.
 * The caller frees the result. */
char *url_redact(const char *text);

#endif
