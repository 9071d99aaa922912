# Shared by the tests with a real Prometheus Alertmanager (sourced, not run):
# a work folder removed on exit, the webhook receiver and Alertmanager
# started on loopback and always stopped on exit, fail().
#
# am_sink_start SINK: starts webhook_sink, bodies into $WORK/hooks; sets SINK_URL.
# am_start: writes $WORK/alertmanager.yml (one webhook receiver, $SINK_URL,
#   grouping by alarm_id with no wait) and starts Alertmanager on a free
#   loopback port with storage in $WORK/am-data; sets AM_PORT, AM_URL.
#   Again after am_stop: the same port and storage (a restart).
# am_stop: stops Alertmanager (SIGTERM, bounded).
WORK=$(mktemp -d)
AM_PID=
SINK_PID=
AM_BIN=${ALERTMANAGER:-$(command -v prometheus-alertmanager || command -v alertmanager || true)}

am_stop() {
	[ -n "$AM_PID" ] || return 0
	kill -TERM "$AM_PID" 2>/dev/null
	for _ in $(seq 1 100); do
		kill -0 "$AM_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$AM_PID" 2>/dev/null
	wait "$AM_PID" 2>/dev/null
	AM_PID=
}

am_cleanup() {
	am_stop
	if [ -n "$SINK_PID" ]; then
		kill -TERM "$SINK_PID" 2>/dev/null
		wait "$SINK_PID" 2>/dev/null
	fi
	rm -rf "$WORK"
}
trap am_cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	[ -s "$WORK/am.log" ] && tail -n 15 "$WORK/am.log" | sed 's/^/  alertmanager: /' >&2
	exit 1
}

am_sink_start() {
	local line
	: >"$WORK/hooks"
	timeout 600 "$1" "$WORK/hooks" >"$WORK/sink.out" 2>"$WORK/sink.err" &
	SINK_PID=$!
	for _ in $(seq 1 100); do
		[ -s "$WORK/sink.out" ] && break
		sleep 0.1
	done
	line=$(head -n 1 "$WORK/sink.out")
	[[ "$line" =~ ^listening\ on\ (http://127\.0\.0\.1:[0-9]+)$ ]] || fail "webhook_sink: '$line'"
	SINK_URL=${BASH_REMATCH[1]}
}

am_write_config() {
	cat >"$WORK/alertmanager.yml" <<EOF
route:
  receiver: sink
  group_by: [alarm_id]
  group_wait: 0s
  group_interval: 1s
  repeat_interval: 1m
receivers:
  - name: sink
    webhook_configs:
      - url: $SINK_URL/hook
        send_resolved: true
EOF
}

# Starts on AM_PORT; 0 once ready, 1 if it exited (the port was taken).
am_try_start() {
	timeout 600 "$AM_BIN" --config.file="$WORK/alertmanager.yml" \
		--storage.path="$WORK/am-data" --web.listen-address="127.0.0.1:$AM_PORT" \
		--cluster.listen-address= >>"$WORK/am.log" 2>&1 &
	AM_PID=$!
	AM_URL="http://127.0.0.1:$AM_PORT"
	for _ in $(seq 1 200); do
		kill -0 "$AM_PID" 2>/dev/null || { wait "$AM_PID"; AM_PID=; return 1; }
		[ "$(curl -s -m 2 "$AM_URL/-/ready" 2>/dev/null)" = "OK" ] && return 0
		sleep 0.1
	done
	fail "Alertmanager not ready on $AM_URL in 20 s"
}

am_start() {
	[ -f "$WORK/alertmanager.yml" ] || am_write_config
	if [ -n "${AM_PORT:-}" ]; then
		am_try_start || fail "Alertmanager did not start again on port $AM_PORT"
		return
	fi
	for _ in $(seq 1 20); do
		AM_PORT=$((20000 + RANDOM % 40000))
		am_try_start && return
	done
	fail "Alertmanager did not start on any of 20 ports"
}

# wait_for SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds.
wait_for() {
	local limit=$(($1 * 5))
	shift
	for _ in $(seq 1 "$limit"); do
		"$@" && return 0
		sleep 0.2
	done
	return 1
}
