#!/usr/bin/env bash
# citydash with a source of type json (docs/config.md, "## type: json")
# against citydash-mock serving a nested API answer
# (tests/data/json/nested.json) at a path of its own, and an error answer:
# citydash --dump shows the mapped readings with their names and values,
# none made up for a missing value, and the source's reason says what was
# skipped; a source whose items pointer leads nowhere is refused, saying where.
#   json_source_test.sh CITYDASH CITYDASH_MOCK DATA_DIR
set -u
CITYDASH=$1
MOCK=$2
DATA=$3
. "$(dirname "$0")/mock_lib.sh"
trap mock_cleanup EXIT

mock_start "$MOCK" --serve "/api/stations=$DATA/json/nested.json"
cat >"$WORK/json.json" <<JSON
{
  "sources": [
    { "name": "rivers", "type": "json", "url": "$MOCK_BASE/api/stations",
      "json": { "items": "/data/stations", "id": "/station/code", "name": "/station/label",
                "value": "/obs/level/v", "unit": "/obs/level/unit", "ts": "/obs/time",
                "district": "/area/district", "street": "/area/street",
                "limits": { "hi": "/alarm/hi", "hihi": "/alarm/hihi" },
                "fixed": { "domain": "water" } } },
    { "name": "wrong-items", "type": "json", "url": "$MOCK_BASE/api/stations",
      "json": { "items": "/data/rivers", "id": "/station/code", "value": "/obs/level/v" } }
  ]
}
JSON
timeout 60 "$CITYDASH" -c "$WORK/json.json" --check-config >"$WORK/check" 2>&1 ||
	fail "--check-config refused the json sources: $(cat "$WORK/check")"

dump() { # PAGE
	timeout 120 "$CITYDASH" -c "$WORK/json.json" --dump --size 200x60 --page "$1" \
		>"$WORK/dump.$1" 2>&1
}
dump sources || fail "--dump --page sources exited $?: $(cat "$WORK/dump.sources")"
grep -E '^│ rivers +✔' "$WORK/dump.sources" >/dev/null ||
	fail "the json source is not ok: $(cat "$WORK/dump.sources")"
grep -q 'wl-005' "$WORK/dump.sources" ||
	fail "the first skipped item (wl-005) is not named: $(cat "$WORK/dump.sources")"
grep -q 'no items at "/data/rivers"' "$WORK/dump.sources" ||
	fail "the wrong items pointer is not the source's reason: $(cat "$WORK/dump.sources")"
echo "ok: sources page"

dump domain:water || fail "--dump --page water exited $?: $(cat "$WORK/dump.domain:water")"
for want in "嘉陵江朝天门水位站" "长江寸滩水位站" "offline, no level"; do
	grep -q "$want" "$WORK/dump.domain:water" || fail "no \"$want\" on the water page: $(cat "$WORK/dump.domain:water")"
done
grep -q '3\.42' "$WORK/dump.domain:water" || fail "wl-001's 3.42 is not shown: $(cat "$WORK/dump.domain:water")"
grep -q '2\.75' "$WORK/dump.domain:water" || fail "1017's 2.75 (a numeric string) is not shown"
# A station without a level has no value: never a 0 on its line.
line=$(grep 'offline, no level' "$WORK/dump.domain:water")
echo "$line" | grep -qE '(^|[^0-9.])0(\.0+)?( |$)' && fail "a missing value shown as 0: $line"
grep -q 'level true' "$WORK/dump.domain:water" && fail "a skipped item is shown: $(cat "$WORK/dump.domain:water")"
echo "ok: water page"
