#!/usr/bin/env bash
# End to end, alarms shared across hosts through a real Prometheus
# Alertmanager (Debian's prometheus-alertmanager on a loopback port, storage
# in a temporary folder): citydash in tmux posts its alarms as alerts (with
# their labels); A makes an acknowledgement silence; a second citydash with
# a journal of its own (another host) shows the alarm acknowledged through
# Alertmanager alone (--dump waits for the first sync); a silence made
# through the API, as amtool would, shows as shelved in both; with
# Alertmanager gone, --dump still prints (the wait is bounded).
#   test_alarm_am.sh CITYDASH CITYDASH-MOCK
set -uo pipefail
citydash=$1
mock=$2
. "$(dirname "$0")/lib.sh"
AM_BIN=${ALERTMANAGER:-$(command -v prometheus-alertmanager || command -v alertmanager || true)}
[ -n "$AM_BIN" ] || { echo "no prometheus-alertmanager installed: skipped"; exit 77; }

cat >"$E2E_TMP/feed.json" <<'JSON'
{"version": 1, "source": "e2e",
 "readings": [
  {"id": "e2e.p1", "name": "Alpha main pressure", "domain": "water",
   "place": {"district": "North", "street": "First"}, "unit": "MPa", "value": 0.95,
   "range": [0, 1], "limits": {"lolo": 0.1, "lo": 0.2, "hi": 0.8, "hihi": 0.9}},
  {"id": "e2e.p2", "name": "Beta main pressure", "domain": "water",
   "place": {"district": "North", "street": "Second"}, "unit": "MPa", "value": 0.85,
   "range": [0, 1], "limits": {"lolo": 0.1, "lo": 0.2, "hi": 0.8, "hihi": 0.9}}
 ]}
JSON
check "the mock starts" e2e_start_mock "$mock" --serve "/v1/feeds/e2e=$E2E_TMP/feed.json"
cfg="$E2E_TMP/e2e.json"
cat >"$cfg" <<JSON
{"sources": [{"name": "e2e", "url": "$E2E_MOCK_BASE/v1/feeds/e2e", "interval_ms": 60000}],
 "alarms": {"alertmanager_interval_s": 1}}
JSON

# ---- Alertmanager on a free loopback port ----
AM_PID=
am_stop() {
	[ -n "$AM_PID" ] || return 0
	kill -TERM "$AM_PID" 2>/dev/null
	wait "$AM_PID" 2>/dev/null
	AM_PID=
}
trap 'am_stop; kill "$E2E_MOCK_PID" 2>/dev/null; wait "$E2E_MOCK_PID" 2>/dev/null; e2e_cleanup' EXIT
cat >"$E2E_TMP/am.yml" <<'YML'
route:
  receiver: none
receivers:
  - name: none
YML
am_start() {
	local port
	for _ in $(seq 1 20); do
		port=$((20000 + RANDOM % 40000))
		timeout 300 "$AM_BIN" --config.file="$E2E_TMP/am.yml" --storage.path="$E2E_TMP/am-data" \
			--web.listen-address="127.0.0.1:$port" --cluster.listen-address= \
			>>"$E2E_TMP/am.log" 2>&1 &
		AM_PID=$!
		AM_URL="http://127.0.0.1:$port"
		for _ in $(seq 1 200); do
			kill -0 "$AM_PID" 2>/dev/null || break
			[ "$(curl -s -m 2 "$AM_URL/-/ready" 2>/dev/null)" = "OK" ] && return 0
			sleep 0.1
		done
		am_stop
	done
	return 1
}
check "Alertmanager starts" am_start

# wait_for SECONDS COMMAND...: until COMMAND succeeds (every 0.2 s).
wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.2
	done
}
# One JSON object per line of a v2 list.
objects() { curl -s -m 5 "$AM_URL/api/v2/$1" | sed 's/},{"\(annotations\|id\)"/}\n{"\1"/g'; }
alert_for() { objects alerts | grep -F '"alertname":"citydash"' | grep -F "\"alarm_id\":\"$1\"" |
	grep -qF "$2"; }
ack_silence_for() { objects silences | grep -F '"state":"active"' | grep -F "\"value\":\"$1\"" |
	grep -qF '"comment":"ACK: '; }
acked() { grep -F -- "$2" <<<"$1" | grep -qwE 'ACKED|acknowledged'; }

# ---- host one: alerts, and an acknowledgement ----
e2e_start one 160 40 "$citydash" --config "$cfg" --journal "$E2E_TMP/one.jsonl" \
	--alertmanager "$AM_URL" --no-bell
check "host one shows the alarms" e2e_wait one 20 "Alpha main pressure" "Beta main pressure"
check "its alarms reach Alertmanager as alerts, with their labels" \
	wait_for 20 alert_for e2e.p1 '"priority":"high"'
check "... the domain, district and street" alert_for e2e.p1 '"district":"North","domain":"water"'
check "... and Beta's" alert_for e2e.p2 '"priority":"medium"'
e2e_keys one a
e2e_keys one A
check "A acknowledges Alpha on host one" e2e_wait one 10 "Acknowledged e2e.p1"
check "... an acknowledgement silence is made" wait_for 20 ack_silence_for e2e.p1
check "... by the user" bash -c 'curl -s "$1/api/v2/silences" | grep -qF "\"createdBy\":\"$2@"' \
	_ "$AM_URL" "${USER:-$(id -un)}"

# ---- host two: its own journal, the same Alertmanager ----
two=$("$citydash" --config "$cfg" --journal "$E2E_TMP/two.jsonl" --alertmanager "$AM_URL" \
	--dump --page alarms --size 160x40)
check "host two (--dump) shows Alpha acknowledged through Alertmanager" \
	acked "$two" "Alpha main pressure"
check "... and Beta not" bash -c '! grep -F "Beta main pressure" <<<"$1" | grep -qwE "ACKED|acknowledged"' \
	_ "$two"
check "... its own journal is untouched" test ! -s "$E2E_TMP/two.jsonl"

# ---- a silence made through the API, as amtool would ----
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
end=$(date -u -d '+2 hour' +%Y-%m-%dT%H:%M:%SZ)
curl -s -m 5 -X POST -H 'Content-Type: application/json' "$AM_URL/api/v2/silences" \
	-d "{\"matchers\":[{\"name\":\"alarm_id\",\"value\":\"e2e.p2\",\"isRegex\":false,\"isEqual\":true}],
	     \"startsAt\":\"$now\",\"endsAt\":\"$end\",\"createdBy\":\"zhang@ops\",\"comment\":\"valve work\"}" \
	>"$E2E_TMP/silence.out"
check "the API takes a silence on Beta" grep -qF silenceID "$E2E_TMP/silence.out"
beta_gone() { ! e2e_screen one | grep -qF "Beta main pressure"; }
check "host one shows Beta shelved: off the active list" wait_for 20 beta_gone
check "... counted on the shelved tab" e2e_wait one 10 "Shelved 1"
two=$("$citydash" --config "$cfg" --journal "$E2E_TMP/two.jsonl" --alertmanager "$AM_URL" \
	--dump --page alarms --size 160x40)
check "host two shows it shelved too" grep -qF "Shelved 1" <<<"$two"

# ---- Alertmanager gone ----
am_stop
check "host one runs on without Alertmanager" e2e_wait one 10 "Alpha main pressure"
out=$("$citydash" --config "$cfg" --journal "$E2E_TMP/two.jsonl" --alertmanager "$AM_URL" \
	--dump --page alarms --size 160x40)
check "--dump still prints when Alertmanager is away" grep -qF "Alpha main pressure" <<<"$out"
e2e_keys one q
check "q quits host one with status 0" test "$(e2e_wait_exit one 10)" = 0

e2e_finish
