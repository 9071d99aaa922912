#!/usr/bin/env bash
# End to end, issue 5 item 10: a feed sending 700 new ids per poll, each with
# five 4 KB strings of invalid bytes, against the real citydash in tmux. The
# process's peak RSS (VmHWM) must stay under the bound the README states:
#   B + sum over sources of (3 x max_bytes + 2 x max_body_bytes)
#     + the largest max_bytes (one document's JSON tree while it is parsed)
# with B = 32 MiB for the program itself.
#   test_memory.sh CITYDASH HOSTILE_FEED [SECONDS]
set -uo pipefail
citydash=$1
feed=$2
seconds=${3:-20}
. "$(dirname "$0")/lib.sh"

MiB=$((1024 * 1024))
max_bytes=$((24 * MiB))
max_body=$((16 * MiB))
bound=$((32 * MiB + 3 * max_bytes + 2 * max_body + max_bytes))

"$feed" 700 4096 >"$E2E_TMP/feed.out" 2>&1 &
feed_pid=$!
trap 'kill "$feed_pid" 2>/dev/null; wait "$feed_pid" 2>/dev/null; e2e_cleanup' EXIT
for _ in $(seq 50); do
	grep -q "listening on" "$E2E_TMP/feed.out" && break
	sleep 0.1
done
url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$E2E_TMP/feed.out")
check "hostile feed started" test -n "$url"

# The limits are set in "defaults": a citydash without them ignores the
# member (top-level members it does not know are ignored), which is how this
# test was seen to fail before the fix.
cat >"$E2E_TMP/city.json" <<JSON
{ "defaults": { "max_bytes": $max_bytes, "max_body_bytes": $max_body },
  "sources": [ { "name": "hostile", "url": "${url}v1/feeds/all", "interval_ms": 500 } ] }
JSON
cat >"$E2E_TMP/run.sh" <<SH
#!/bin/sh
echo \$\$ >"$E2E_TMP/citydash.pid"
exec "$citydash" --config "$E2E_TMP/city.json"
SH
chmod +x "$E2E_TMP/run.sh"
e2e_start mem 120 30 "$E2E_TMP/run.sh"
check "citydash runs against the hostile feed" e2e_wait mem 10 "hostile"
pid=$(cat "$E2E_TMP/citydash.pid")

kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$pid/status"; }
# Sample for the given time; stop early once past the bound (the old code
# grows by tens of MB a second: no need to let it take the machine).
peak=0
deadline=$((SECONDS + seconds))
while ((SECONDS < deadline)); do
	rss=$(kib VmRSS)
	[ -n "$rss" ] || break
	((rss > peak)) && peak=$rss
	((peak * 1024 > bound)) && break
	sleep 0.25
done
hwm=$(kib VmHWM)
[ -n "$hwm" ] || hwm=$peak
echo "# peak VmRSS sampled $((peak / 1024)) MiB, VmHWM $((hwm / 1024)) MiB, bound $((bound / MiB)) MiB"
check "citydash is still running" test -n "$(kib VmRSS)"
check "peak RSS (VmHWM) stays under the stated bound" test $((hwm * 1024)) -lt "$bound"

# It did hold what fitted, and says why the rest was refused.
e2e_keys mem s
check "sources page: readings refused at the source's max_bytes, with the reason" \
	e2e_wait mem 10 "refused, the source holds its limit of $max_bytes bytes"
check "... the source is not failing (its documents are parsed, not refused whole)" \
	bash -c '! tmux -u -S "$0" capture-pane -p -t mem | grep -q "too large"' "$E2E_SOCKET"
e2e_keys mem q
check "q quits with status 0" test "$(e2e_wait_exit mem 10)" = 0

e2e_finish
