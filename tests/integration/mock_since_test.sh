#!/usr/bin/env bash
# Report by exception on the real citydash-mock (docs/protocol.md):
# a whole document carries a cursor; ?since=CURSOR answers a delta that lists
# only what was reported since (quiet readings absent, the same objects as
# the whole document of that tick), with its own ETag and 304; a removed
# event is named in "removed"; an unknown, malformed, foreign (another
# instance), future or expired cursor gets the whole document with a fresh
# cursor; --no-since sends no cursor and ignores since.
# Usage: mock_since_test.sh PATH/TO/citydash-mock
set -u
MOCK=${1:?usage: mock_since_test.sh PATH/TO/citydash-mock}
. "$(dirname "$0")/mock_lib.sh"
c() { curl -sS --max-time 20 "$@"; }
header() { tr -d '\r' <"$1" | sed -n "s/^$2: //Ip" | head -1; }
# tick_of CURSOR: its tick
tick_of() { echo "${1##*.}"; }
# whole FILE: true if FILE is a whole document with a cursor and no delta
is_whole() { jq -e '(.cursor|type)=="string" and (has("delta")|not)' "$1" >/dev/null; }

# --- A long tick: the state stands still, deltas are empty and cacheable.
mock_start "$MOCK" --seed 7 --tick-ms 86400000
S=$MOCK_BASE
c -o "$WORK/w0" "$S/v1/feeds/water" || fail "curl whole"
cur=$(jq -r .cursor "$WORK/w0")
[[ "$cur" =~ ^[A-Za-z0-9._:-]{1,64}$ ]] || fail "cursor '$cur' not of the protocol's alphabet"
is_whole "$WORK/w0" || fail "whole document: $(head -c 300 "$WORK/w0")"
n_all=$(jq '.readings|length' "$WORK/w0")
[ "$n_all" -gt 0 ] || fail "no readings"
c -D "$WORK/hd" -o "$WORK/d0" "$S/v1/feeds/water?since=$cur" || fail "curl delta"
jq -e --arg c "$cur" '.delta==true and .cursor==$c and (.readings|length)==0' "$WORK/d0" >/dev/null ||
	fail "same tick, same cursor: not an empty delta: $(cat "$WORK/d0")"
etag=$(header "$WORK/hd" ETag)
c -D "$WORK/hw" -o /dev/null "$S/v1/feeds/water" || fail "curl whole again"
[ -n "$etag" ] && [ "$etag" != "$(header "$WORK/hw" ETag)" ] || fail "delta ETag '$etag' not its own"
code=$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" \
	"$S/v1/feeds/water?since=$cur")
[ "$code" = 304 ] || fail "delta ETag not answered 304 ($code)"
c -H 'Accept-Encoding: gzip' -D "$WORK/hz" -o "$WORK/d0.gz" "$S/v1/kpis?since=$cur" || fail "gz"
[ "$(header "$WORK/hz" Content-Encoding)" = gzip ] || fail "delta not gzipped when asked"
gunzip -c "$WORK/d0.gz" | jq -e '.delta==true and (.kpis|length)==0' >/dev/null ||
	fail "gzip delta"

# --- 200 ms a tick.
mock_start "$MOCK" --seed 7 --tick-ms 200
A=$MOCK_BASE

# A delta lists exactly what changed: each reading of the whole document of
# the delta's tick is in the delta if and only if it differs from the whole
# document of the cursor's tick, and then as the same object. Retried (at
# most 20 times) until the delta spans one tick and the whole document after
# it falls in the same tick.
same=0
for _ in $(seq 1 20); do
	c -o "$WORK/f1" "$A/v1/feeds/water" || fail "curl f1"
	c1=$(jq -r .cursor "$WORK/f1")
	sleep 0.15
	c -o "$WORK/d" "$A/v1/feeds/water?since=$c1" || fail "curl delta"
	c -o "$WORK/f2" "$A/v1/feeds/water" || fail "curl f2"
	cd=$(jq -r .cursor "$WORK/d")
	if [ "$cd" = "$(jq -r .cursor "$WORK/f2")" ] &&
		[ "$(tick_of "$cd")" = $(($(tick_of "$c1") + 1)) ]; then
		same=1
		break
	fi
done
[ $same = 1 ] || fail "never got a one-tick delta and a whole document of its tick"
jq -e '.delta==true' "$WORK/d" >/dev/null || fail "not a delta: $(head -c 300 "$WORK/d")"
[ "$(tick_of "$(jq -r .cursor "$WORK/d")")" -gt "$(tick_of "$c1")" ] || fail "cursor did not move"
jq -n --slurpfile f1 "$WORK/f1" --slurpfile f2 "$WORK/f2" --slurpfile d "$WORK/d" '
	def strip: del(.ts);
	($f1[0].readings | map({key: .id, value: strip}) | from_entries) as $old
	| ($d[0].readings | map({key: .id, value: .}) | from_entries) as $listed
	| [ $f2[0].readings[]
	    | . as $r
	    | ($old[$r.id] != ($r|strip)) as $changed
	    | ($listed[$r.id] // null) as $l
	    | if $l == null then (if $changed then "unlisted change \($r.id)" else empty end)
	      elif $l != $r then "listed \($r.id) differs from the whole document"
	      else empty end ]
	| if length == 0 then "ok" else .[0:5] | join("; ") end' >"$WORK/check" ||
	fail "jq check"
[ "$(cat "$WORK/check")" = '"ok"' ] || fail "delta vs whole documents: $(cat "$WORK/check")"
n_delta=$(jq '.readings|length' "$WORK/d")
n_quiet=$(jq -n --slurpfile f1 "$WORK/f1" --slurpfile f2 "$WORK/f2" '
	($f1[0].readings|map({key:.id, value:((.value|tostring)+.quality)})|from_entries) as $o
	| [$f2[0].readings[] | select($o[.id] == ((.value|tostring)+.quality))] | length')
[ "$n_quiet" -gt 0 ] && [ "$n_delta" -lt "$n_all" ] ||
	fail "no quiet reading to leave out (delta $n_delta of $n_all, quiet $n_quiet)"
echo "one-tick delta: $n_delta of $n_all readings"

# The events feed names the ones gone. Events turn over every second or so
# at 20 ms a tick: wait for one.
mock_start "$MOCK" --seed 7 --tick-ms 20
A=$MOCK_BASE
gone=""
for _ in $(seq 1 40); do
	c -o "$WORK/e1" "$A/v1/events" || fail "curl events"
	ce=$(jq -r .cursor "$WORK/e1")
	sleep 0.5
	c -o "$WORK/ed" "$A/v1/events?since=$ce" || fail "curl events delta"
	gone=$(jq -r '(.removed.events // [])[]' "$WORK/ed")
	[ -n "$gone" ] && break
done
[ -n "$gone" ] || fail "no event was ever removed"
c -o "$WORK/e2" "$A/v1/events" || fail "curl events now"
for id in $gone; do
	jq -e --arg id "$id" 'any(.events[]; .id==$id)' "$WORK/e1" >/dev/null ||
		fail "removed $id was not shown before"
	jq -e --arg id "$id" 'any(.events[]; .id==$id)|not' "$WORK/ed" >/dev/null ||
		fail "removed $id is also listed"
done

# Cursors that give the whole document, with a fresh cursor.
c -o "$WORK/w" "$A/v1/feeds/water" || fail "curl"
good=$(jq -r .cursor "$WORK/w")
inst=$(echo "$good" | cut -d. -f2)
mock_start "$MOCK" --seed 7 --tick-ms 20 # the same city, another instance
other=$(c "$MOCK_BASE/v1/feeds/water" | jq -r .cursor)
[ "$(echo "$other" | cut -d. -f2)" != "$inst" ] || fail "two instances share a tag"
for bad in nope r1.zz "$other" "r1.$inst.999999999" "r1.$inst.-1" "r1.$inst.1x" \
	"%00"; do
	c -o "$WORK/b" "$A/v1/feeds/water?since=$bad" || fail "curl since=$bad"
	is_whole "$WORK/b" || fail "since=$bad: not the whole document"
	[ "$(jq '.readings|length' "$WORK/b")" = "$n_all" ] || fail "since=$bad: not all readings"
	[ "$(jq -r .cursor "$WORK/b" | cut -d. -f2)" = "$inst" ] || fail "since=$bad: stale cursor"
done

# Expired: with a window of 5 ticks (100 ms), a cursor a second old.
mock_start "$MOCK" --seed 7 --tick-ms 20 --since-window 5
E=$MOCK_BASE
old=$(c "$E/v1/feeds/water" | jq -r .cursor)
sleep 1
c -o "$WORK/x" "$E/v1/feeds/water?since=$old" || fail "curl expired"
is_whole "$WORK/x" || fail "an expired cursor got: $(head -c 200 "$WORK/x")"

# --no-since: no cursor, since ignored.
mock_start "$MOCK" --seed 7 --no-since
c -o "$WORK/n" "$MOCK_BASE/v1/feeds/water?since=$good" || fail "curl --no-since"
jq -e 'has("cursor")|not' "$WORK/n" >/dev/null || fail "--no-since sent a cursor"
jq -e 'has("delta")|not' "$WORK/n" >/dev/null || fail "--no-since sent a delta"
[ "$(jq '.readings|length' "$WORK/n")" = "$n_all" ] || fail "--no-since: not all readings"
c -o "$WORK/nk" "$MOCK_BASE/v1/kpis" || fail "curl kpis"
jq -e 'has("cursor")|not' "$WORK/nk" >/dev/null || fail "--no-since KPIs sent a cursor"
echo "ok"
