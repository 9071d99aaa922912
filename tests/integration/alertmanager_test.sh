#!/bin/bash
# am_client against the real Prometheus Alertmanager (Debian's
# prometheus-alertmanager, installed by scripts/setup) on a loopback port,
# with a webhook receiver this test serves:
#   an alarm posted reaches the receiver, and is resolved when it leaves;
#   a shelve becomes a silence (createdBy, comment, endsAt), once only;
#   an unshelve ends it;
#   a silence made with curl, as amtool would, comes back with who and why;
#   with Alertmanager away the link says so, a shelve waits in the queue,
#   and is made when Alertmanager is back (nothing lost).
# Usage: alertmanager_test.sh AM_DRIVER WEBHOOK_SINK
set -u
DRIVER=$1
SINK=$2
. "$(dirname "$0")/am_lib.sh"
[ -n "$AM_BIN" ] || { echo "no prometheus-alertmanager installed: skipped"; exit 77; }

am_sink_start "$SINK"
am_start
echo "alertmanager on $AM_URL, receiver on $SINK_URL"

silences() { curl -s -m 5 "$AM_URL/api/v2/silences"; }
# active_for ID: the active silences' JSON objects matching alarm_id=ID, one a line
active_for() {
	silences | tr -d '\n' | sed 's/},{"id"/}\n{"id"/g' |
		grep '"state":"active"' | grep "\"value\":\"$1\""
}

# 1. An alarm reaches the receiver (Alertmanager groups it, then calls the webhook).
"$DRIVER" "$AM_URL" post water.p1.pressure >"$WORK/d1" || fail "post: $(cat "$WORK/d1")"
grep -q 'alerts=1' "$WORK/d1" || fail "post: $(cat "$WORK/d1")"
wait_for 30 grep -q '"alarm_id":"water.p1.pressure"' "$WORK/hooks" ||
	fail "the alarm did not reach the webhook receiver"
grep '"alarm_id":"water.p1.pressure"' "$WORK/hooks" | head -n 1 >"$WORK/hook1"
for want in '"status":"firing"' '"alertname":"citydash"' '"priority":"high"' \
	'"district":"North"' '"value":"9.1 bar"' '"limit":"8 bar"' '"name":"Pump pressure"'; do
	grep -qF "$want" "$WORK/hook1" || fail "webhook body lacks $want: $(cat "$WORK/hook1")"
done
echo "ok: alarm reached the receiver"

# ... and is resolved when it leaves the set.
"$DRIVER" "$AM_URL" resolve air.a2.pm25 >"$WORK/d1b" || fail "resolve: $(cat "$WORK/d1b")"
resolved() { grep '"alarm_id":"air.a2.pm25"' "$WORK/hooks" | grep -q '"status":"resolved"'; }
wait_for 30 resolved || fail "the alarm that left was not resolved at the receiver"
echo "ok: alarm resolved at the receiver"

# 2. A shelve becomes a silence with the user, the reason and the end.
before=$(date +%s)
"$DRIVER" "$AM_URL" shelve water.p1.pressure alice "valve swap" 600 >"$WORK/d2" ||
	fail "shelve: $(cat "$WORK/d2")"
active_for water.p1.pressure >"$WORK/s2"
[ "$(wc -l <"$WORK/s2")" -eq 1 ] || fail "want one silence on the alarm: $(cat "$WORK/s2")"
grep -q '"createdBy":"alice"' "$WORK/s2" || fail "createdBy: $(cat "$WORK/s2")"
grep -q '"comment":"valve swap"' "$WORK/s2" || fail "comment: $(cat "$WORK/s2")"
grep -q '"name":"alertname","value":"citydash"' "$WORK/s2" || fail "matchers: $(cat "$WORK/s2")"
ends=$(sed 's/.*"endsAt":"\([^"]*\)".*/\1/' "$WORK/s2")
ends_s=$(date -d "$ends" +%s) || fail "endsAt '$ends'"
[ $((ends_s - before)) -ge 590 ] && [ $((ends_s - before)) -le 620 ] ||
	fail "endsAt $ends is not 600 s after $(date -u -d @"$before")"
# the same shelve again (another host): no second silence
"$DRIVER" "$AM_URL" shelve water.p1.pressure bob "valve swap" 300 >"$WORK/d2b" ||
	fail "shelve again: $(cat "$WORK/d2b")"
[ "$(active_for water.p1.pressure | wc -l)" -eq 1 ] || fail "a duplicate silence was made"
# Alertmanager now silences the alert
curl -s -m 5 "$AM_URL/api/v2/alerts?silenced=true" | grep -q '"state":"suppressed"' ||
	fail "the alert is not suppressed by the silence"
echo "ok: shelve made one silence"

# 3. An unshelve ends it.
"$DRIVER" "$AM_URL" unshelve water.p1.pressure >"$WORK/d3" || fail "unshelve: $(cat "$WORK/d3")"
[ -z "$(active_for water.p1.pressure)" ] || fail "the silence is still active"
echo "ok: unshelve ended it"

# 4. A silence made elsewhere (as amtool does) comes back with who and why.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
later=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
curl -s -m 5 -X POST -H 'Content-Type: application/json' "$AM_URL/api/v2/silences" -d \
	"{\"matchers\":[{\"name\":\"alarm_id\",\"value\":\"traffic.t9.jam\",\"isRegex\":false,\"isEqual\":true}],
	  \"startsAt\":\"$now\",\"endsAt\":\"$later\",\"createdBy\":\"carol\",\"comment\":\"road works\"}" \
	>"$WORK/made" || fail "curl could not make a silence"
grep -q silenceID "$WORK/made" || fail "no silence made: $(cat "$WORK/made")"
curl -s -m 5 -X POST -H 'Content-Type: application/json' "$AM_URL/api/v2/silences" -d \
	"{\"matchers\":[{\"name\":\"alertname\",\"value\":\"citydash\",\"isRegex\":false,\"isEqual\":true},
	                {\"name\":\"alarm_id\",\"value\":\"air.a2.pm25\",\"isRegex\":false,\"isEqual\":true}],
	  \"startsAt\":\"$now\",\"endsAt\":\"$later\",\"createdBy\":\"dave\",\"comment\":\"ACK: crew sent\"}" \
	>/dev/null || fail "curl could not make the ack silence"
"$DRIVER" "$AM_URL" list >"$WORK/d4" || fail "list: $(cat "$WORK/d4")"
grep -q '|shelve|carol|road works|[0-9]*|alarm_id=traffic.t9.jam$' "$WORK/d4" ||
	fail "carol's silence not handed back: $(cat "$WORK/d4")"
grep -q '|ack|dave|ACK: crew sent|[0-9]*|alertname=citydash,alarm_id=air.a2.pm25$' "$WORK/d4" ||
	fail "dave's ack not handed back: $(cat "$WORK/d4")"
grep -q 'water.p1.pressure' "$WORK/d4" && fail "an ended silence was handed back: $(cat "$WORK/d4")"
echo "ok: silences made elsewhere handed back"

# 5. Alertmanager away: the link says so, the shelve waits, and is made on its return.
am_stop
"$DRIVER" --wait 60 "$AM_URL" outage sewer.s3.level erin "pump out" 900 >"$WORK/d5" 2>&1 &
driver=$!
wait_for 30 grep -q '^queued' "$WORK/d5" || { kill "$driver"; fail "outage: $(cat "$WORK/d5")"; }
grep -q '^unreachable error=.' "$WORK/d5" || { kill "$driver"; fail "no error: $(cat "$WORK/d5")"; }
grep -q '^queued pending=1$' "$WORK/d5" || { kill "$driver"; fail "not queued: $(cat "$WORK/d5")"; }
sleep 1 # a retry or two against the closed port
am_start
wait "$driver" || fail "the queued shelve was not made: $(cat "$WORK/d5")"
active_for sewer.s3.level | grep -q '"createdBy":"erin"' ||
	fail "the shelve queued during the outage is missing: $(silences)"
echo "ok: nothing lost while Alertmanager was away"
echo "PASS"
