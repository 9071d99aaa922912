#!/usr/bin/env bash
# mock-vs-nginx: citydash-mock --scale city against nginx serving the same
# bytes as static files, measured with wrk in the same run.
#
#   build/bench/mock-vs-nginx [SECONDS] [CONNECTIONS] [THREADS] [ROUNDS]
#   (default 10 s, 64 connections, 2 wrk threads, 3 rounds)
#
# Starts the mock (default tick: its documents are rebuilt every second, as
# in use) and nginx (Debian nginx-light; its configuration is written to a
# temporary folder: loopback, worker_processes = nproc, sendfile, gzip_static
# for the .gz file, no access log, no daemon, as the current user). nginx
# serves the mock's /v1/feeds/water and its gzip form, fetched with curl, as
# files. Then wrk --latency runs against each, plain and with
# Accept-Encoding: gzip, alternating mock and nginx round by round so that
# a neighbour's load falls on both; prints the median req/s and p99 of the
# rounds side by side with the ratio mock/nginx, and the mock's RSS (VmRSS,
# VmHWM) after the load. Figures, not assertions; not run by ctest.
# Needs wrk, nginx and curl (scripts/setup installs them).
set -euo pipefail

MOCK=${1:?usage: mock-vs-nginx.sh PATH/TO/citydash-mock [SECONDS] [CONNECTIONS] [THREADS] [ROUNDS]}
shift
SECONDS_EACH=${1:-10}
CONNS=${2:-64}
THREADS=${3:-2}
ROUNDS=${4:-3}
FEED=/v1/feeds/water

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk curl "$NGINX"; do
	command -v "$tool" >/dev/null || {
		echo "mock-vs-nginx: $tool not found (scripts/setup installs wrk, nginx-light, curl)" >&2
		exit 1
	}
done

WORK=$(mktemp -d)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

# The mock, on a port the kernel picks.
"$MOCK" --scale city --port 0 >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
PIDS+=("$MOCK_PID")
for _ in $(seq 1 100); do
	[ -s "$WORK/mock.out" ] && break
	sleep 0.1
done
MOCK_URL=$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$WORK/mock.out")$FEED
[ "$MOCK_URL" != "$FEED" ] || {
	echo "mock-vs-nginx: the mock did not start: $(cat "$WORK/mock.err")" >&2
	exit 1
}

# The same bytes as files: the document and its gzip form.
mkdir -p "$WORK/www${FEED%/*}" "$WORK/tmp"
curl -sS --fail --max-time 20 -o "$WORK/www$FEED" "$MOCK_URL"
curl -sS --fail --max-time 20 -H 'Accept-Encoding: gzip' -o "$WORK/www$FEED.gz" "$MOCK_URL"
gzip -t "$WORK/www$FEED.gz"

# nginx cannot take port 0: try free-looking ports until one binds.
nginx_start() {
	local port user=""
	[ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"
	for _ in $(seq 1 20); do
		port=$((20000 + RANDOM % 40000))
		cat >"$WORK/nginx.conf" <<-EOF
			$user
			worker_processes $(nproc);
			daemon off;
			master_process on;
			pid $WORK/nginx.pid;
			error_log $WORK/nginx.err;
			events { worker_connections 4096; }
			http {
			  access_log off;
			  sendfile on;
			  tcp_nopush on;
			  tcp_nodelay on;
			  default_type application/json;
			  gzip_static on;
			  client_body_temp_path $WORK/tmp;
			  proxy_temp_path $WORK/tmp;
			  fastcgi_temp_path $WORK/tmp;
			  uwsgi_temp_path $WORK/tmp;
			  scgi_temp_path $WORK/tmp;
			  server {
			    listen 127.0.0.1:$port;
			    root $WORK/www;
			  }
			}
		EOF
		"$NGINX" -p "$WORK" -e "$WORK/nginx.err" -c "$WORK/nginx.conf" 2>>"$WORK/nginx.err" &
		NGINX_PID=$!
		for _ in $(seq 1 50); do
			curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port$FEED" && break
			kill -0 "$NGINX_PID" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$NGINX_PID" 2>/dev/null; then
			PIDS+=("$NGINX_PID")
			NGINX_URL=http://127.0.0.1:$port$FEED
			return 0
		fi
		wait "$NGINX_PID" 2>/dev/null || true
	done
	echo "mock-vs-nginx: nginx did not start: $(tail -n 3 "$WORK/nginx.err")" >&2
	exit 1
}
nginx_start

# nginx must answer the very bytes, gzip when asked.
curl -sS --max-time 20 -o "$WORK/check" "$NGINX_URL"
cmp -s "$WORK/check" "$WORK/www$FEED" || { echo "mock-vs-nginx: nginx serves other bytes" >&2; exit 1; }
curl -sS --max-time 20 -H 'Accept-Encoding: gzip' -D "$WORK/check.h" -o "$WORK/check.gz" "$NGINX_URL"
grep -qi '^Content-Encoding: gzip' "$WORK/check.h" || { echo "mock-vs-nginx: nginx does not serve the .gz" >&2; exit 1; }

# run_wrk URL [HEADER]: prints "REQS P99_MS".
run_wrk() {
	local url=$1
	shift
	wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$@" "$url" | awk '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
			return v + 0
		}
		$1 == "99%" { p99 = ms($2) }
		$1 == "Requests/sec:" { reqs = $2 }
		/Non-2xx|Socket errors/ { bad = bad " " $0 }
		END { if (bad != "") print "mock-vs-nginx: wrk:" bad > "/dev/stderr"; printf "%s %s\n", reqs, p99 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

size_plain=$(stat -c %s "$WORK/www$FEED")
size_gz=$(stat -c %s "$WORK/www$FEED.gz")
echo "mock-vs-nginx: $FEED at --scale city ($size_plain bytes, gzip $size_gz), wrk -t$THREADS -c$CONNS -d${SECONDS_EACH}s, $ROUNDS rounds, $(nproc) CPUs, nginx $("$NGINX" -v 2>&1 | sed 's|.*/||')"
for variant in plain gzip; do
	hdr=()
	[ "$variant" = plain ] || hdr=(-H 'Accept-Encoding: gzip')
	: >"$WORK/mock.$variant"
	: >"$WORK/nginx.$variant"
	for round in $(seq 1 "$ROUNDS"); do
		m=$(run_wrk "$MOCK_URL" "${hdr[@]}")
		n=$(run_wrk "$NGINX_URL" "${hdr[@]}")
		echo "$m" >>"$WORK/mock.$variant"
		echo "$n" >>"$WORK/nginx.$variant"
		echo "  $variant round $round: mock $m, nginx $n (req/s p99-ms)"
	done
done

echo
printf '%-6s %12s %12s %7s   %10s %10s %7s\n' variant "mock req/s" "nginx req/s" ratio "mock p99" "nginx p99" ratio
for variant in plain gzip; do
	mr=$(cut -d' ' -f1 "$WORK/mock.$variant" | median)
	nr=$(cut -d' ' -f1 "$WORK/nginx.$variant" | median)
	mp=$(cut -d' ' -f2 "$WORK/mock.$variant" | median)
	np=$(cut -d' ' -f2 "$WORK/nginx.$variant" | median)
	awk -v summary="$WORK/summary" -v v="$variant" -v mr="$mr" -v nr="$nr" -v mp="$mp" -v np="$np" 'BEGIN {
		printf "%-6s %12.0f %12.0f %6.2fx   %8.2fms %8.2fms %6.2fx\n", v, mr, nr, mr / nr, mp, np, mp / np
		# The summary lines scripts/bench collects (bench/bench_line.h).
		printf "BENCH\tmock vs nginx: %s req/s\t%.0f\treq/s\tnginx\t%.0f\t%.3f\t>=0.80x\n", v, mr, nr, mr / nr >>summary
		printf "BENCH\tmock vs nginx: %s p99\t%.2f\tms\tnginx\t%.2f\t%.3f\t<=2.00x\n", v, mp, np, mp / np >>summary
	}'
done
echo "(medians of $ROUNDS rounds; targets: req/s ratio >= 0.80x, p99 ratio <= 2.00x)"
cat "$WORK/summary"
echo "citydash-mock --scale city after the load: $(grep -E '^Vm(RSS|HWM)' "/proc/$MOCK_PID/status" | tr -s ' \t\n' ' ')"
