#!/bin/bash
# citydash through a real Prometheus (Debian's prometheus, installed by
# scripts/setup): citydash-mock --scale city on a loopback port, Prometheus
# scraping its /metrics every second on another, storage in a temporary
# folder, then citydash --dump with examples/prometheus.json (a copy with only
# the port changed, to show the example works as written):
#   the sources page shows the source healthy, every element used;
#   the overview counts the mock's readings in its six domain boxes;
#   a known reading shows through Prometheus with its name and the hi limit
#   joined from citydash_reading_limit;
#   a source with a bad PromQL query has Prometheus's own error as its reason.
# Bounded in time; the mock and Prometheus are stopped on exit, whatever happens.
# Usage: prometheus_test.sh CITYDASH CITYDASH_MOCK EXAMPLE_JSON
set -u
CITYDASH=$1
MOCK=$2
EXAMPLE=$3
. "$(dirname "$0")/mock_lib.sh"
PROM_BIN=${PROMETHEUS:-$(command -v prometheus || true)}
[ -n "$PROM_BIN" ] || { echo "no prometheus installed: skipped"; exit 77; }
PROM_PID=

prom_stop() {
	stop_server "$PROM_PID"
	PROM_PID=
}
trap 'prom_stop; mock_cleanup' EXIT

pfail() {
	[ -s "$WORK/prom.log" ] && tail -n 15 "$WORK/prom.log" | sed 's/^/  prometheus: /' >&2
	fail "$@"
}


mock_start "$MOCK" --scale city
cat >"$WORK/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: citydash-mock
    static_configs:
      - targets: ["127.0.0.1:$PORT"]
YML

# Starts Prometheus on PROM_PORT; 0 once ready, 1 if it exited (the port
# was taken between our choice and its bind).
prom_try_start() {
	timeout 300 "$PROM_BIN" --config.file="$WORK/prometheus.yml" \
		--storage.tsdb.path="$WORK/prom-data" --web.listen-address="127.0.0.1:$PROM_PORT" \
		>>"$WORK/prom.log" 2>&1 &
	PROM_PID=$!
	PROM_URL="http://127.0.0.1:$PROM_PORT"
	for _ in $(seq 1 300); do
		kill -0 "$PROM_PID" 2>/dev/null || { wait "$PROM_PID"; PROM_PID=; return 1; }
		curl -sf -m 2 "$PROM_URL/-/ready" >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	pfail "Prometheus not ready on $PROM_URL in 30 s"
}
started=
for _ in $(seq 1 20); do
	PROM_PORT=$((20000 + RANDOM % 40000))
	# Not one something already listens on (curl connects: taken).
	curl -s -m 1 -o /dev/null "http://127.0.0.1:$PROM_PORT/" && continue
	prom_try_start && { started=1; break; }
done
[ -n "$started" ] || pfail "Prometheus did not start on any of 20 ports"
echo "mock on $MOCK_BASE, prometheus on $PROM_URL"

query() { curl -s -m 5 -G "$PROM_URL/api/v1/query" --data-urlencode "query=$1"; }
# The mock's readings with a value at its tick (those with none have no sample).
want=$(curl -s -m 10 "$MOCK_BASE/metrics" | grep -c '^citydash_reading{')
[ "$want" -gt 4000 ] || fail "the mock's /metrics has $want readings"
scraped() {
	query 'count(citydash_reading)' | grep -qE '"value":\[[0-9.]+,"[0-9]{4}"\]' &&
		query 'count(citydash_reading_limit)' | grep -qE '"value":\[[0-9.]+,"[0-9]+"\]'
}
wait_for 60 scraped || pfail "Prometheus has no citydash_reading samples after 60 s"
echo "ok: Prometheus scrapes the mock"

# A known reading with a hi limit, and its name (as the mock's feed has it).
line=$(curl -s -m 10 "$MOCK_BASE/metrics" | grep -m 1 '^citydash_reading_limit{.*limit="hi"')
ID=$(sed 's/.*id="\([^"]*\)".*/\1/' <<<"$line")
HI=$(sed 's/.* //' <<<"$line")
NAME=$(curl -s -m 10 "$MOCK_BASE/metrics" | grep -m 1 "^citydash_reading{id=\"$ID\"" |
	sed 's/.*,name="\([^"]*\)".*/\1/')
[ -n "$ID" ] && [ -n "$NAME" ] && [ -n "$HI" ] || fail "no reading with a hi limit in /metrics"

# The example with only the port changed: one line differs, and only there.
sed "s|http://127.0.0.1:9090|$PROM_URL|" "$EXAMPLE" >"$WORK/prom.json"
changed=$(diff "$EXAMPLE" "$WORK/prom.json" | grep -c '^>')
[ "$changed" = 1 ] || fail "the example's copy differs in $changed lines, not 1"

dump() { # PAGE [CONFIG]
	timeout 120 "$CITYDASH" -c "${2:-$WORK/prom.json}" --dump --size 200x60 --page "$1" \
		>"$WORK/dump.$1" 2>&1
}
dump sources || fail "--dump --page sources exited $?: $(cat "$WORK/dump.sources")"
grep -E '^│ prometheus +✔ ok' "$WORK/dump.sources" >/dev/null &&
	grep -q 'every element used' "$WORK/dump.sources" ||
	fail "the prometheus source is not ok with every element used: $(cat "$WORK/dump.sources")"
echo "ok: the source is healthy"

# The overview's domain boxes count the readings: every one Prometheus has,
# within what changed between the two counts (a reading without a value at
# the mock's tick has no sample).
dump overview || fail "--dump --page overview exited $?: $(cat "$WORK/dump.overview")"
got=0
for n in $(grep -oE '─ [A-Z][a-z]+ \([0-9]+\) ─' "$WORK/dump.overview" | grep -oE '[0-9]+'); do
	got=$((got + n))
done
[ "$got" -ge $((want - 50)) ] && [ "$got" -le 4476 ] ||
	fail "want about $want readings on the overview, got $got: $(cat "$WORK/dump.overview")"
for d in Water Power Gas Telecom Bridges Tunnels; do
	grep -q "─ $d (" "$WORK/dump.overview" || fail "no $d box: $(cat "$WORK/dump.overview")"
done
echo "ok: $got readings through Prometheus on the overview (the mock has $want with a value)"

# A known reading: its name, its source, and its hi limit joined from
# citydash_reading_limit (the limit as citydash writes numbers: 0.800 is 0.8).
page="reading:$ID"
dump "$page" || fail "--dump --page $page exited $?: $(cat "$WORK/dump.$page")"
HI=$(printf '%g' "$HI")
grep -qF "$NAME" "$WORK/dump.$page" || fail "no name '$NAME': $(cat "$WORK/dump.$page")"
grep -qE 'source +prometheus' "$WORK/dump.$page" || fail "not from prometheus: $(cat "$WORK/dump.$page")"
grep -E '^│ limits ' "$WORK/dump.$page" | grep -qF " HI $HI " ||
	fail "no hi limit $HI: $(cat "$WORK/dump.$page")"
echo "ok: $ID shows as '$NAME' with its hi limit $HI"

# A bad query: Prometheus's error is the source's reason.
cat >"$WORK/bad.json" <<JSON
{"sources": [
  {"name": "good", "type": "prometheus", "url": "$PROM_URL",
   "prometheus": {"history_s": 0, "queries": [{"query": "citydash_reading", "labels": {"id": "id"}}]}},
  {"name": "badquery", "type": "prometheus", "url": "$PROM_URL",
   "prometheus": {"queries": [{"query": "citydash_reading{id!}", "labels": {"id": "id"}}]}}
]}
JSON
dump sources "$WORK/bad.json" || fail "--dump with a bad query exited $?: $(cat "$WORK/dump.sources")"
grep -A 2 -E '^│ badquery +✖ failing' "$WORK/dump.sources" |
	grep -qE 'reason: bad_data: invalid parameter "query": .*parse error' ||
	fail "no bad_data reason for the bad query: $(cat "$WORK/dump.sources")"
grep -qE '^│ good +✔ ok' "$WORK/dump.sources" || fail "the good source: $(cat "$WORK/dump.sources")"
echo "ok: a bad query shows Prometheus's error as the source's reason"
