#!/bin/bash
# The live screen with sources over HTTPS and credentials, in tmux at 80x24:
# a real citydash-mock behind Debian's nginx (tls_lib.sh), one source with a
# bearer token from the environment (verified with the test CA), one with a
# basic-auth password from a file and insecure_skip_verify. The status line
# says "TLS verification off: lab" on the overview and on the sources page
# (s), which marks lab's row; both sources are healthy; every framed row
# still fits; and neither secret is ever on the screen, nor in the --log file.
# Usage: tls_e2e_test.sh CITYDASH CITYDASH_MOCK
set -u
CITYDASH=$1
MOCK=$2
here=$(dirname "$0")
. "$here/mock_lib.sh"
. "$here/tls_lib.sh"
. "$here/../e2e/lib.sh"
# every helper's clean-up, whichever set its trap last
trap 'e2e_cleanup; tls_nginx_stop; mock_cleanup' EXIT
tls_skip_unless_tools

TLS_TOKEN="cdtok-$RANDOM$RANDOM-Pe2e"
TLS_USER=ops
TLS_PASSWORD="cdpw-$RANDOM$RANDOM-Qe2e"
printf '%s\n' "$TLS_PASSWORD" >"$WORK/password"
chmod 600 "$WORK/password"
tls_make_certs
mock_start "$MOCK"
tls_nginx_start "$MOCK_BASE"
PKI=$WORK/pki

cat >"$WORK/tls.json" <<EOF
{"defaults": {"interval_ms": 1000, "timeout_ms": 5000},
 "sources": [
  {"name": "water", "url": "$MOCK_BASE/v1/feeds/water"},
  {"name": "city", "url": "$TLS_BASE/bearer/v1/feeds/power",
   "tls": {"ca_file": "$PKI/ca.pem"}, "auth": {"bearer_token_env": "CITYDASH_TEST_TOKEN"}},
  {"name": "lab", "url": "$TLS_BASE/basic/v1/feeds/gas",
   "tls": {"insecure_skip_verify": true},
   "auth": {"username": "$TLS_USER", "password_file": "$WORK/password"}}]}
EOF

# no_secret: neither secret is on the screen.
no_secret() { ! e2e_screen tls | grep -qF -e "$TLS_TOKEN" -e "$TLS_PASSWORD"; }
# status_says: the status line (the last row) says lab's TLS is unverified.
status_says() { e2e_screen tls | sed -n 24p | grep -qF 'TLS verification off: lab'; }
# url_row PATH: the screen's row showing a url ending in PATH.
url_row() { e2e_screen tls | grep -F "$1"; }
marked() { url_row /basic/v1/feeds/gas | grep -qF 'TLS verification off'; }
unmarked() { ! url_row /bearer/v1/feeds/power | grep -qF 'TLS verification'; }
rows_fit() { e2e_screen tls | e2e_rows_fit 80 2 22; } # the key bar, then the status bar
no_secret_logged() { ! grep -qF -e "$TLS_TOKEN" -e "$TLS_PASSWORD" "$WORK/tls.log"; }

E2E_ENV="CITYDASH_TEST_TOKEN=$TLS_TOKEN" \
	e2e_start tls 80 24 "$CITYDASH" -c "$WORK/tls.json" --log "$WORK/tls.log"
check "the overview's status line says TLS verification is off for lab" \
	e2e_wait tls 20 "TLS verification off: lab"
sleep 3
check "... for as long as it runs (still there a few polls later)" status_says
check "no secret on the overview" no_secret
e2e_keys tls s
check "the sources page: both credentialed sources healthy" \
	e2e_wait tls 20 "Sources: 3, 0 failing" "/bearer/v1/feeds/power" "/basic/v1/feeds/gas"
check "... lab's url row is marked" marked
check "... city's is not" unmarked
check "... the status line still says it" status_says
check "... every framed row fits 80 columns" rows_fit
check "no secret on the sources page" no_secret
e2e_keys tls q
check "citydash quits" test "$(e2e_wait_exit tls 20)" = 0
check "the log was written" grep -q 'TLS verification off' "$WORK/tls.log"
check "no secret in the log" no_secret_logged
e2e_finish
