#!/usr/bin/env bash
# --check-config and the configuration's secrets as an operator meets them:
# the summary (exit 0) names where each secret comes from and never the
# secret; an error (exit 2) says FILE:LINE:COL: /pointer: what; the file is
# found by $CITYDASH_CONFIG and $XDG_CONFIG_HOME when no --config is given;
# and a secret from the environment or a file appears nowhere: not in the
# summary, an error, --dump's frame, or the --log file.
#   test_check_config.sh CITYDASH
set -uo pipefail
citydash=$1
. "$(dirname "$0")/lib.sh"
out="$E2E_TMP/out" err="$E2E_TMP/err" log="$E2E_TMP/citydash.log"
env_secret="env-Tok3n-$RANDOM$RANDOM"
file_secret="file-Pa55-$RANDOM$RANDOM"
url_secret="url-Pw-$RANDOM$RANDOM"

# No user or system configuration of the machine running the tests.
export HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/xdg"
unset CITYDASH_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

run() { CITY_TOKEN="$env_secret" timeout 60 "$@" >"$out" 2>"$err"; echo $?; }
# No secret in the last run's output, error or log.
no_secret() {
	! grep -qF -e "$env_secret" -e "$file_secret" -e "$url_secret" "$out" "$err" \
		$( [ -f "$log" ] && echo "$log" )
}

printf '%s\n' "$file_secret" >"$E2E_TMP/password"
printf 'pem\n' >"$E2E_TMP/ca.pem"
cfg="$E2E_TMP/city.json"
cat >"$cfg" <<JSON
{"defaults": {"interval_ms": 1000, "timeout_ms": 500, "headers": {"X-Tenant": "city"}},
 "sources": [
  {"name": "water", "url": "http://127.0.0.1:1/v1/feeds/water",
   "auth": {"bearer_token_env": "CITY_TOKEN"}, "tls": {"ca_file": "$E2E_TMP/ca.pem"}},
  {"name": "power", "url": "https://ops:$url_secret@127.0.0.1:1/v1/feeds/power",
   "auth": {"username": "ops", "password_file": "$E2E_TMP/password"},
   "tls": {"insecure_skip_verify": true}}
 ]}
JSON

check "--check-config of a good file exits 0" test "$(run "$citydash" --check-config -c "$cfg")" = 0
check "... naming the file" grep -qxF "configuration: $cfg" "$out"
check "... each source, its type and URL with the password masked" \
	grep -qxF "  power: citydash-v1 https://ops:***@127.0.0.1:1/v1/feeds/power" "$out"
check "... where the token comes from" \
	grep -qxF "    auth: bearer token from environment variable CITY_TOKEN" "$out"
check "... where the password comes from" \
	grep -qxF "    auth: user ops, password from file $E2E_TMP/password" "$out"
check "... that TLS verification is off for that source" grep -qxF "    TLS verification OFF" "$out"
check "... and that all is good" grep -qxF "configuration OK" "$out"
check "... with no secret anywhere" no_secret
check "--check-config needs no terminal" \
	test "$(TERM=dumb run "$citydash" --check-config -c "$cfg" </dev/null)" = 0

check "a variable that is not set: exit 2" \
	test "$(CITY_TOKEN= run env -u CITY_TOKEN "$citydash" --check-config -c "$cfg")" = 2
check "... naming the file, line, column, field and variable" grep -qxF \
	"citydash: $cfg:4:33: /sources/0/auth/bearer_token_env: environment variable CITY_TOKEN is not set" \
	"$err"

# Secrets read, then an error after them: still no secret.
sed 's|"insecure_skip_verify": true|"ca_file": "no-such-ca.pem"|' "$cfg" >"$E2E_TMP/bad.json"
check "a CA file that is not there: exit 2" \
	test "$(run "$citydash" --check-config -c "$E2E_TMP/bad.json")" = 2
check "... saying which, where" grep -qF \
	"bad.json:7:23: /sources/1/tls/ca_file: file no-such-ca.pem: No such file or directory" "$err"
check "... with no secret" no_secret

check "--dump with secrets in the configuration (nothing answers): exit 1" \
	test "$(run "$citydash" -c "$cfg" --dump --page sources --log "$log")" = 1
check "... the frame, errors and log hold no secret" no_secret
rm -f "$log"

# Where the file is found without --config.
check "\$CITYDASH_CONFIG names the file" \
	test "$(CITYDASH_CONFIG="$cfg" run "$citydash" --check-config)" = 0
check "... and --check-config says it is the one used" grep -qxF "configuration: $cfg" "$out"
mkdir -p "$XDG_CONFIG_HOME/citydash"
cp "$cfg" "$XDG_CONFIG_HOME/citydash/config.json"
check "\$XDG_CONFIG_HOME/citydash/config.json is found" \
	test "$(run "$citydash" --check-config)" = 0
check "... and named" grep -qxF "configuration: $XDG_CONFIG_HOME/citydash/config.json" "$out"
check "\$CITYDASH_CONFIG comes before it, even if it is not there" \
	test "$(CITYDASH_CONFIG="$E2E_TMP/none.json" run "$citydash" --check-config)" = 2
check "... saying so" grep -qF "$E2E_TMP/none.json: No such file or directory" "$err"
rm -r "$XDG_CONFIG_HOME/citydash"
check "no configuration anywhere: exit 2" test "$(run "$citydash" --check-config)" = 2
check "... listing the places looked" grep -qF \
	"(no configuration file at $XDG_CONFIG_HOME/citydash/config.json, /etc/citydash/config.json)" \
	"$err"
check "--check-config with --source alone checks those" \
	test "$(run "$citydash" --check-config --source a=http://127.0.0.1:1/)" = 0
check "... from no file" grep -qxF "configuration: --source arguments only" "$out"
check "--check-config with --demo is a usage error (2)" \
	test "$(run "$citydash" --check-config --demo)" = 2

e2e_finish
