#!/bin/bash
# A source over HTTPS, with credentials, against real components: a real
# citydash-mock behind Debian's nginx (an HTTPS reverse proxy on loopback
# with a throwaway test CA made by openssl), read by `citydash --dump`.
#   a. verification on, the test CA as ca_file: readings shown, source ok
#   b. verification on, no ca_file (or another CA's, or a certificate of the
#      CA for another name): the source fails with a certificate reason, shown
#   c. insecure_skip_verify without a CA: ok, and "TLS verification off" on
#      the status line, the sources page and in the log
#   d. mutual TLS (ssl_verify_client on): fails without a client
#      certificate, works with one
#   e. a bearer token from an environment variable and a basic-auth
#      password from a file: nginx checks Authorization; a wrong or missing
#      one fails with HTTP status 401, the right one works; an extra header
#      is sent; a redirect to another host does not carry the credentials
#   f. the token and the password never appear in --dump, the --log file or
#      stderr
# Every source config has a second, plain source straight to the mock, so
# that --dump prints its frame when the HTTPS one fails.
# Usage: tls_test.sh CITYDASH CITYDASH_MOCK
set -u
CITYDASH=$1
MOCK=$2
. "$(dirname "$0")/mock_lib.sh"
. "$(dirname "$0")/tls_lib.sh"
tls_skip_unless_tools

# Secrets made up for this run, and wrong ones.
TLS_TOKEN="cdtok-$RANDOM$RANDOM-Zq9w"
TLS_USER=ops
TLS_PASSWORD="cdpw-$RANDOM$RANDOM-Xk3v"
WRONG_TOKEN="cdtok-wrong-$RANDOM$RANDOM"
WRONG_PASSWORD="cdpw-wrong-$RANDOM$RANDOM"
mkdir -p "$WORK/secrets"
printf '%s\n' "$TLS_PASSWORD" >"$WORK/secrets/password"
printf '%s\n' "$WRONG_PASSWORD" >"$WORK/secrets/wrong"
chmod 600 "$WORK/secrets/"*

tls_make_certs
mock_start "$MOCK"
tls_nginx_start "$MOCK_BASE"
echo "mock on $MOCK_BASE, nginx on $TLS_BASE, $MTLS_BASE (client certificates), $NAME_BASE (another name)"
PKI=$WORK/pki

# dump NAME PAGE SOURCE_JSON: --dump of PAGE (120x40, ASCII) with the plain
# source "water" and SOURCE_JSON (the source "city", the mock's power feed
# through nginx); output in $WORK/NAME.out, .err, .log. Bounded in time.
dump() {
	local name=$1 page=$2
	cat >"$WORK/$name.json" <<-EOF
		{"defaults": {"interval_ms": 1000, "timeout_ms": 5000},
		 "sources": [{"name": "water", "url": "$MOCK_BASE/v1/feeds/water"}, $3]}
	EOF
	timeout 60 env LANG=C.UTF-8 LC_ALL= CITYDASH_TEST_TOKEN="$TOKEN_ENV" \
		"$CITYDASH" -c "$WORK/$name.json" --dump --ascii --size 120x40 --page "$page" \
		--log "$WORK/$name.log" >"$WORK/$name.out" 2>"$WORK/$name.err" ||
		fail "$name: citydash --dump exited $?: $(cat "$WORK/$name.err")"
}
TOKEN_ENV=$TLS_TOKEN

# row NAME: the sources page's rows of source "city" in $WORK/NAME.out.
row() { awk '/^\| city /{n=4} n-->0' "$WORK/$1.out"; }
# status NAME: the status line (the last line) of $WORK/NAME.out.
status() { tail -n 1 "$WORK/$1.out"; }
# healthy NAME: the source "city" is ok on the sources page.
healthy() {
	row "$1" | grep -q '+ ok, data' && ! row "$1" | grep -q 'failing' ||
		fail "$1: source not healthy: $(row "$1")"
}
# failing NAME PATTERN: the source "city" fails with PATTERN (grep -E -i)
# in its reason rows.
failing() {
	row "$1" | head -n 1 | grep -q 'failing' || fail "$1: source not failing: $(row "$1")"
	row "$1" | grep -Eiq "$2" || fail "$1: no reason like '$2': $(row "$1")"
}
# city URL [MEMBERS]: the source "city" at URL with more JSON members.
city() { printf '{"name": "city", "url": "%s"%s}' "$1" "${2:+, $2}"; }

CA="\"tls\": {\"ca_file\": \"$PKI/ca.pem\"}"
FEED=v1/feeds/power

# a. verification on with the test CA: readings shown, source healthy.
dump a_sources sources "$(city "$TLS_BASE/feed/$FEED" "$CA")"
healthy a_sources
dump a_overview overview "$(city "$TLS_BASE/feed/$FEED" "$CA")"
grep -q 'Power ([1-9][0-9]*)' "$WORK/a_overview.out" ||
	fail "a: no power readings shown: $(grep -i power "$WORK/a_overview.out")"
! grep -qi 'TLS verification off' "$WORK/a_overview.out" "$WORK/a_sources.out" ||
	fail "a: 'TLS verification off' shown with verification on"
echo "ok a: verified with the test CA, readings shown"

# b. verification on without the CA, or with another CA: a certificate reason.
dump b_sources sources "$(city "$TLS_BASE/feed/$FEED")"
failing b_sources 'certificate'
status b_sources | grep -q 'certificate' || fail "b: status line: $(status b_sources)"
dump b_other sources "$(city "$TLS_BASE/feed/$FEED" "\"tls\": {\"ca_file\": \"$PKI/other-ca.pem\"}")"
failing b_other 'certificate'
# ... and a certificate of the CA, but for another name (the host is checked).
dump b_name sources "$(city "$NAME_BASE/feed/$FEED" "$CA")"
failing b_name 'subject name'
echo "ok b: unverified server refused, reason shown"

# c. insecure_skip_verify: healthy, and said on the status line, the
# sources page (on the source's url row) and in the log.
INSECURE='"tls": {"insecure_skip_verify": true}'
dump c_sources sources "$(city "$TLS_BASE/feed/$FEED" "$INSECURE")"
healthy c_sources
status c_sources | grep -q 'TLS verification off: city' ||
	fail "c: status line: $(status c_sources)"
row c_sources | sed -n 2p | grep -q 'TLS verification off' ||
	fail "c: sources page row: $(row c_sources)"
grep -q 'warn: source "city": TLS verification off' "$WORK/c_sources.log" ||
	fail "c: not in the log: $(cat "$WORK/c_sources.log")"
dump c_overview overview "$(city "$TLS_BASE/feed/$FEED" "$INSECURE")"
status c_overview | grep -q 'TLS verification off: city' ||
	fail "c: overview status line: $(status c_overview)"
grep -q 'Power ([1-9][0-9]*)' "$WORK/c_overview.out" || fail "c: no power readings shown"
# Two such sources: counted.
dump c_two overview "$(city "$TLS_BASE/feed/$FEED" "$INSECURE"), {\"name\": \"gas\", \"url\": \"$TLS_BASE/feed/v1/feeds/gas\", $INSECURE}"
status c_two | grep -q 'TLS verification off: 2 sources' ||
	fail "c: two sources: $(status c_two)"
echo "ok c: verification off works and is shown"

# d. mutual TLS.
dump d_without sources "$(city "$MTLS_BASE/feed/$FEED" "$CA")"
failing d_without 'HTTP status 400'
CLIENT="\"tls\": {\"ca_file\": \"$PKI/ca.pem\", \"client_cert\": \"$PKI/client.pem\", \"client_key\": \"$PKI/client.key\"}"
dump d_with sources "$(city "$MTLS_BASE/feed/$FEED" "$CLIENT")"
healthy d_with
echo "ok d: client certificate required and accepted"

# e. credentials: a bearer token from the environment ...
BEARER="$CA, \"auth\": {\"bearer_token_env\": \"CITYDASH_TEST_TOKEN\"}"
dump e_bearer sources "$(city "$TLS_BASE/bearer/$FEED" "$BEARER")"
healthy e_bearer
TOKEN_ENV=$WRONG_TOKEN dump e_bearer_wrong sources "$(city "$TLS_BASE/bearer/$FEED" "$BEARER")"
failing e_bearer_wrong 'HTTP status 401'
dump e_bearer_none sources "$(city "$TLS_BASE/bearer/$FEED" "$CA")"
failing e_bearer_none 'HTTP status 401'
# A token with a line break in it would add a header of its own choosing
# (here: the right token, then "X-Injected: 1"): either the configuration is
# refused, saying so without the token, or it is not sent at all.
TOKEN_ENV="$TLS_TOKEN"$'\r\n''X-Injected: 1'
if timeout 60 env CITYDASH_TEST_TOKEN="$TOKEN_ENV" "$CITYDASH" --dump --ascii --page sources \
	-c <(printf '{"sources": [{"name": "water", "url": "%s"}, %s]}' "$MOCK_BASE/v1/feeds/water" \
		"$(city "$TLS_BASE/bearer/$FEED" "$BEARER")") >"$WORK/e_inject.out" 2>"$WORK/e_inject.err"; then
	failing e_inject 'HTTP status 401'
else
	grep -q 'CITYDASH_TEST_TOKEN' "$WORK/e_inject.err" ||
		fail "e: a refused token is not named: $(cat "$WORK/e_inject.err")"
fi
TOKEN_ENV=$TLS_TOKEN
# ... a basic-auth password from a file ...
BASIC="$CA, \"auth\": {\"username\": \"$TLS_USER\", \"password_file\": \"$WORK/secrets/password\"}"
dump e_basic sources "$(city "$TLS_BASE/basic/$FEED" "$BASIC")"
healthy e_basic
dump e_basic_wrong sources "$(city "$TLS_BASE/basic/$FEED" \
	"$CA, \"auth\": {\"username\": \"$TLS_USER\", \"password_file\": \"$WORK/secrets/wrong\"}")"
failing e_basic_wrong 'HTTP status 401'
# ... extra headers ...
dump e_tenant sources "$(city "$TLS_BASE/tenant/$FEED" "$CA, \"headers\": {\"X-Tenant\": \"city\"}")"
healthy e_tenant
dump e_tenant_none sources "$(city "$TLS_BASE/tenant/$FEED" "$CA")"
failing e_tenant_none 'HTTP status 403'
# ... and no credentials where a redirect to another host leads (nginx
# redirects only a request that carried them).
: >"$WORK/nginx/seen.log"
dump e_away_bearer sources "$(city "$TLS_BASE/away/$FEED" "$BEARER")"
healthy e_away_bearer
dump e_away_basic sources "$(city "$TLS_BASE/away/$FEED" "$BASIC")"
healthy e_away_basic
[ "$(grep -c . "$WORK/nginx/seen.log")" -ge 2 ] ||
	fail "e: the redirects were not followed: $(cat "$WORK/nginx/seen.log")"
grep -qv '^-$' "$WORK/nginx/seen.log" &&
	fail "e: credentials sent across a redirect to another host: $(sort -u "$WORK/nginx/seen.log" | cut -c1-6)"
echo "ok e: bearer token, basic auth and headers sent, to the configured host only"

# f. The secrets appear nowhere citydash writes: every --dump frame, --log
# file and stderr of the runs above (the basic credentials also as base64).
# The log must have been written at all for this to mean anything.
grep -q 'started (--dump)' "$WORK/e_bearer.log" || fail "f: the log was not written"
for secret in "$TLS_TOKEN" "$TLS_PASSWORD" "$WRONG_TOKEN" "$WRONG_PASSWORD" \
	"$(printf '%s:%s' "$TLS_USER" "$TLS_PASSWORD" | base64 -w0)"; do
	found=$(grep -lF -- "$secret" "$WORK"/*.out "$WORK"/*.err "$WORK"/*.log 2>/dev/null)
	[ -z "$found" ] || fail "f: a secret appears in: $found"
done
echo "ok f: no secret in any frame, log or stderr"
