#!/usr/bin/env bash
# The real citydash-mock over HTTP, as curl and promtool see it:
# /metrics passes `promtool check metrics` and counts requests; feed
# documents carry Cache-Control and Vary, come gzipped when asked (the
# same bytes once inflated, with their own ETag and 304); a GET with a
# body, an oversized header or URL, and a wrong method are refused.
# Usage: mock_http_test.sh PATH/TO/citydash-mock
# Exit 77 (skipped) only if everything else passed and promtool is absent.
set -u
MOCK=${1:?usage: mock_http_test.sh PATH/TO/citydash-mock}
. "$(dirname "$0")/mock_lib.sh"
c() { curl -sS --max-time 20 "$@"; }
code() { curl -s --max-time 20 -o /dev/null -w '%{http_code}' "$@"; }
header() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | head -1; }

# One step a day: every document stays the same during the test.
mock_start "$MOCK" --seed 7 --tick-ms 86400000
B=$MOCK_BASE
F=$B/v1/feeds/water

# Plain: Cache-Control no-cache, Vary, no Content-Encoding.
c -D "$WORK/h" -o "$WORK/plain" "$F" || fail "curl plain"
[ "$(header "$WORK/h" Cache-Control)" = no-cache ] || fail "Cache-Control: $(cat "$WORK/h")"
[ "$(header "$WORK/h" Vary)" = Accept-Encoding ] || fail "Vary: $(cat "$WORK/h")"
[ -z "$(header "$WORK/h" Content-Encoding)" ] || fail "plain request got an encoding"
etag=$(header "$WORK/h" ETag)

# gzip asked for: gzip bytes that inflate to the same document, own ETag.
c -H 'Accept-Encoding: gzip' -D "$WORK/hz" -o "$WORK/body.gz" "$F" || fail "curl gzip"
[ "$(header "$WORK/hz" Content-Encoding)" = gzip ] || fail "no gzip: $(cat "$WORK/hz")"
[ "$(header "$WORK/hz" Vary)" = Accept-Encoding ] || fail "gzip Vary: $(cat "$WORK/hz")"
[ "$(header "$WORK/hz" Cache-Control)" = no-cache ] || fail "gzip Cache-Control"
gunzip -c <"$WORK/body.gz" | cmp -s - "$WORK/plain" || fail "gzip body differs once inflated"
[ "$(stat -c %s "$WORK/body.gz")" -lt "$(stat -c %s "$WORK/plain")" ] || fail "gzip not smaller"
etag_gz=$(header "$WORK/hz" ETag)
[ -n "$etag_gz" ] && [ "$etag_gz" != "$etag" ] || fail "ETags: plain $etag, gzip $etag_gz"
c --compressed -o "$WORK/curl" "$F" || fail "curl --compressed"
cmp -s "$WORK/curl" "$WORK/plain" || fail "--compressed body differs"
[ "$(code -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag_gz" "$F")" = 304 ] ||
	fail "gzip ETag not answered 304"
[ "$(code -H "If-None-Match: $etag" "$F")" = 304 ] || fail "plain ETag not answered 304"
# gzip refused by q=0: the plain document.
c -H 'Accept-Encoding: gzip;q=0, identity' -D "$WORK/h0" -o /dev/null "$F"
[ -z "$(header "$WORK/h0" Content-Encoding)" ] || fail "gzip;q=0 got gzip"

# Refused: wrong method, a GET with a body, oversized header and URL.
big=$(head -c 20000 /dev/zero | tr '\0' a)
[ "$(code -X POST "$F")" = 405 ] || fail "POST not 405"
[ "$(code -X GET --data-binary 'x=1' "$F")" = 413 ] || fail "GET with a body not 413"
[ "$(code -H "X-Big: $big" "$F")" = 431 ] || fail "20 kB header not 431"
[ "$(code "$F?$big")" = 414 ] || fail "20 kB URL not 414"
[ "$(code "$B/nope")" = 404 ] || fail "unknown path not 404"
[ "$(code "$F")" = 200 ] || fail "the server no longer answers after the refusals"

# /metrics: exposition format 0.0.4, a sample per reading, the counters.
c -D "$WORK/hm" -o "$WORK/metrics" "$B/metrics" || fail "curl /metrics"
ct=$(header "$WORK/hm" Content-Type)
[ "$ct" = "text/plain; version=0.0.4; charset=utf-8" ] || fail "/metrics Content-Type: $ct"
n=$(grep -c '^citydash_reading{id="' "$WORK/metrics")
[ "$n" -gt 100 ] || fail "only $n reading samples"
grep -q '^citydash_reading{id="water\.[^"]*",name="[^"]*",domain="water",district="[^"]*",street="[^"]*",unit="[^"]*"} -\?[0-9.]*$' "$WORK/metrics" ||
	fail "no well-formed water sample"
for want in 'path="/v1/feeds/water",code="200"} 5' 'path="/v1/feeds/water",code="304"} 2' \
	'path="/v1/feeds/water",code="405"} 1' 'path="/v1/feeds/water",code="413"} 1' \
	'path="other",code="404"} 1'; do
	grep -qF "citydash_mock_requests_total{$want" "$WORK/metrics" || fail "no counter $want"
done
# A second scrape counts the first.
c "$B/metrics" | grep -qF 'citydash_mock_requests_total{path="/metrics",code="200"} 1' ||
	fail "/metrics does not count itself"

if ! command -v promtool >/dev/null; then
	echo "SKIP: promtool not found (Debian package prometheus); the rest passed"
	exit 77
fi
promtool check metrics <"$WORK/metrics" >"$WORK/promtool" 2>&1 ||
	fail "promtool check metrics: $(cat "$WORK/promtool")"
echo "mock_http: ok ($n reading samples)"
