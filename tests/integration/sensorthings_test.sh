#!/usr/bin/env bash
# A sensorthings source end to end: citydash-mock --scale city serves the
# city at /sta/v1.1 (4,476 Datastreams), and citydash --dump reads it
# through the sensorthings adapter over several pages (@iot.nextLink):
#  - the sources page shows the source healthy, with no warning;
#  - the first and the last Datastream (the last on page 5 of 5) arrive,
#    with their name, unit and place; a domain page counts every reading
#    of its domain;
#  - max_pages 2: the last one is missing and the source's reason says
#    "paging stopped after 2 pages";
#  - a $filter (which the mock refuses with FROST's error JSON): the
#    source fails with the server's message as its reason.
# Usage: sensorthings_test.sh PATH/TO/citydash-mock PATH/TO/citydash
set -u
MOCK=${1:?usage: sensorthings_test.sh PATH/TO/citydash-mock PATH/TO/citydash}
CITYDASH=${2:?usage: sensorthings_test.sh PATH/TO/citydash-mock PATH/TO/citydash}
. "$(dirname "$0")/mock_lib.sh"

# A very long step: every request of the test sees the same values.
mock_start "$MOCK" --scale city --seed 7 --tick-ms 86400000
STA="$MOCK_BASE/sta/v1.1"

# What the mock serves: the first and the last Datastream, and the count.
curl -sS --max-time 20 -o "$WORK/first.json" "$STA/Datastreams?\$top=1&\$count=true" ||
	fail "curl first page"
curl -sS --max-time 20 -o "$WORK/last.json" "$STA/Datastreams?\$top=1&\$skip=4475" ||
	fail "curl last page"
field() { # FILE JQ-FILTER
	jq -r "$2" "$1" || fail "jq $2 on $1"
}
[ "$(field "$WORK/first.json" '.["@iot.count"]')" = 4476 ] || fail "the mock has not 4,476 Datastreams"
[ "$(field "$WORK/last.json" '.["@iot.nextLink"]')" = null ] || fail "the last page has a nextLink"
first_id=$(field "$WORK/first.json" '.value[0]["@iot.id"]')
last_id=$(field "$WORK/last.json" '.value[0]["@iot.id"]')
last_name=$(field "$WORK/last.json" '.value[0].name')
last_unit=$(field "$WORK/last.json" '.value[0].unitOfMeasurement.symbol')
last_district=$(field "$WORK/last.json" '.value[0].Thing.properties.district')
last_street=$(field "$WORK/last.json" '.value[0].Thing.properties.street')
last_domain=$(field "$WORK/last.json" '.value[0].Thing.properties.domain')

# config NAME OPTIONS-JSON [MORE-SOURCES]: a config file with one
# sensorthings source (and more, e.g. a healthy one beside a failing one).
config() {
	cat >"$WORK/$1.json" <<JSON
{"sources": [{"name": "iot", "type": "sensorthings", "url": "$STA",
  "interval_ms": 1000, "timeout_ms": 10000, "sensorthings": $2}${3:-}]}
JSON
}
# dump NAME PAGE: citydash --dump of PAGE with config NAME; output in $out.
dump() {
	out=$(timeout 60 "$CITYDASH" -c "$WORK/$1.json" --dump --page "$2" --size 160x48 2>&1)
	rc=$?
}

config paged '{"page_size": 1000, "max_pages": 20}'
dump paged sources
[ "$rc" = 0 ] || fail "sources page exited $rc: $out"
grep -q "iot .*ok" <<<"$out" || fail "the source is not ok: $out"
grep -q "paging stopped" <<<"$out" && fail "a warning while every page was read: $out"
dump paged "reading:$first_id"
[ "$rc" = 0 ] || fail "the first Datastream $first_id is missing: $out"
dump paged "reading:$last_id"
[ "$rc" = 0 ] || fail "the last Datastream $last_id (page 5) is missing: $out"
for want in "$last_name" "$last_unit" "$last_district $last_street"; do
	grep -qF -- "$want" <<<"$out" || fail "reading:$last_id lacks \"$want\": $out"
done
# The domain page counts every reading of the domain, from all five pages.
curl -sS --max-time 20 -o "$WORK/all.json" "$STA/Datastreams?\$top=10000" || fail "curl all"
in_domain=$(field "$WORK/all.json" "[.value[] | select(.Thing.properties.domain == \"$last_domain\")] | length")
[ "$in_domain" -gt 43 ] || fail "only $in_domain readings in $last_domain"
dump paged "domain:$last_domain"
[ "$rc" = 0 ] || fail "domain:$last_domain exited $rc: $out"
grep -q "/$in_domain ─" <<<"$out" || fail "domain:$last_domain does not list $in_domain: $out"

# The bound: two pages of 1,000, then a warning as the source's reason.
config bounded '{"page_size": 1000, "max_pages": 2}'
dump bounded sources
[ "$rc" = 0 ] || fail "bounded sources page exited $rc: $out"
grep -q "paging stopped after 2 pages" <<<"$out" || fail "no paging warning: $out"
dump bounded "reading:$last_id"
[ "$rc" = 0 ] && fail "the last Datastream arrived past the bound: $out"

# The server's error JSON as the source's reason (on the sources page,
# which --dump shows when some source could be read: the feed beside it).
config refused '{"filter": "Thing/properties/domain eq '"'"'water'"'"'"}' \
	", {\"name\": \"water\", \"url\": \"$MOCK_BASE/v1/feeds/water\"}"
dump refused sources
[ "$rc" = 0 ] || fail "refused sources page exited $rc: $out"
grep -q '\$filter is not supported by citydash-mock' <<<"$out" ||
	fail "the server's message is not the reason: $out"
echo "PASS"
