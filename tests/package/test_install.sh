#!/usr/bin/env bash
# cmake --install into a temporary prefix puts everything in its GNU place,
# and the installed programs run from there: --version, --demo --dump,
# citydash-mock --help, the installed themes, man finds the installed pages
# (the Chinese ones too), and the installed catalogue speaks Chinese.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR VERSION
set -u
build=${1:?usage: test_install.sh BUILD_DIR SOURCE_DIR VERSION}
src=${2:?}
version=${3:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

"${CMAKE:-cmake}" --install "$build" --prefix "$prefix" >"$work/log" 2>&1 || fail "cmake --install: $(cat "$work/log")"

doc=share/doc/citydash
for f in bin/citydash bin/citydash-mock \
	share/man/man1/citydash.1.gz share/man/man1/citydash-mock.1.gz \
	share/man/zh_CN/man1/citydash.1.gz share/man/zh_CN/man1/citydash-mock.1.gz \
	share/locale/zh_CN/LC_MESSAGES/citydash.mo \
	$doc/README.md.gz $doc/config.md.gz $doc/protocol.md.gz $doc/indices.md.gz $doc/alertmanager.md.gz \
	$doc/themes.md.gz share/citydash/themes/high-performance.theme share/citydash/themes/dark.theme \
	share/citydash/themes/light.theme share/citydash/themes/high-contrast.theme \
	share/citydash/themes/mono.theme \
	$doc/examples/demo.json $doc/examples/gateway.json \
	$doc/examples/systemd/citydash-mock.service "$doc/examples/systemd/citydash-wall@.service"; do
	[ -f "$prefix/$f" ] || fail "not installed: $f"
done
for f in bin/citydash bin/citydash-mock; do
	[ -x "$prefix/$f" ] || fail "not executable: $f"
done
cmp -s <(gzip -dc "$prefix/share/man/man1/citydash.1.gz") "$src/man/citydash.1" ||
	fail "the installed citydash.1 is not man/citydash.1"
cmp -s <(gzip -dc "$prefix/share/man/zh_CN/man1/citydash.1.gz") "$src/man/zh_CN/citydash.1" ||
	fail "the installed zh_CN/man1/citydash.1 is not man/zh_CN/citydash.1"
cmp -s "$prefix/$doc/examples/gateway.json" "$src/examples/gateway.json" ||
	fail "the installed gateway.json is not examples/gateway.json"

bin=$prefix/bin
out=$("$bin/citydash" --version) || fail "citydash --version failed"
[ "$out" = "citydash $version" ] || fail "citydash --version: $out"
out=$("$bin/citydash-mock" --version) || fail "citydash-mock --version failed"
[ "$out" = "citydash-mock $version" ] || fail "citydash-mock --version: $out"
"$bin/citydash-mock" --help >"$work/out" || fail "citydash-mock --help failed"
grep -q -- "--tick-ms" "$work/out" || fail "citydash-mock --help: $(cat "$work/out")"
LANG=C.UTF-8 LC_ALL='' timeout 60 "$bin/citydash" --demo --dump --size 120x40 >"$work/frame" 2>"$work/err" ||
	fail "citydash --demo --dump exited $?: $(cat "$work/err")"
grep -q "Overview" "$work/frame" || fail "no overview in the frame: $(head -3 "$work/frame")"
grep -qE "water ?✔" "$work/frame" || fail "the demo's water source is not healthy: $(tail -1 "$work/frame")"

# The installed binary finds the installed themes (beside it: the prefix is
# not the one it was built for), and not the source tree's.
themes=$prefix/share/citydash/themes
export XDG_CONFIG_HOME=$work/xdg
out=$("$bin/citydash" --check-config --source a=http://127.0.0.1:1/ --theme light 2>&1) ||
	fail "the installed citydash does not find the installed light theme: $out"
grep -qxF "theme: light" <<<"$out" || fail "--check-config --theme light: $out"
LANG=C.UTF-8 LC_ALL='' timeout 60 "$bin/citydash" --demo --dump --size 80x24 --theme high-contrast \
	>"$work/frame" 2>"$work/err" || fail "citydash --theme high-contrast exited $?: $(cat "$work/err")"
"$bin/citydash" --demo --dump --theme nosuch >/dev/null 2>"$work/err" && fail "--theme nosuch did not fail"
grep -qF "$themes/nosuch.theme" "$work/err" || fail "--theme nosuch did not look in $themes: $(cat "$work/err")"
grep -qF "$src/themes" "$work/err" && fail "the installed citydash looks in the source tree: $(cat "$work/err")"
mv "$themes/light.theme" "$work/light.theme"
"$bin/citydash" --check-config --source a=http://127.0.0.1:1/ --theme light >/dev/null 2>&1 &&
	fail "--theme light was found without the installed file"
mv "$work/light.theme" "$themes/light.theme"
unset XDG_CONFIG_HOME

# The installed programs find the installed catalogue beside them (the prefix
# is not the one they were built for).
for prog in citydash citydash-mock; do
	out=$(LANGUAGE='' LC_ALL='' LANG=zh_CN.UTF-8 "$bin/$prog" --help) || fail "$prog --help in zh_CN failed"
	grep -q "^用法：$prog " <<<"$out" || fail "the installed $prog --help is not Chinese: $(head -2 <<<"$out")"
done

if command -v man >/dev/null; then
	page=$(man -M "$prefix/share/man" -w citydash-mock 2>&1) || fail "man does not find citydash-mock: $page"
	[ "$page" = "$prefix/share/man/man1/citydash-mock.1.gz" ] || fail "man found $page"
	MANWIDTH=80 man -M "$prefix/share/man" citydash 2>&1 | grep -q "^KEYS" ||
		fail "man citydash from the prefix shows no KEYS"
	# man -M takes the path as it is; MANPATH gets the language's subfolder.
	for prog in citydash citydash-mock; do
		page=$(MANPATH=$prefix/share/man man -L zh_CN -w "$prog" 2>&1) ||
			fail "man -L zh_CN does not find $prog: $page"
		[ "$page" = "$prefix/share/man/zh_CN/man1/$prog.1.gz" ] || fail "man -L zh_CN found $page"
	done
	MANPATH=$prefix/share/man MANWIDTH=80 LANG=zh_CN.UTF-8 man -L zh_CN citydash 2>&1 | grep -q "^按键" ||
		fail "man -L zh_CN citydash from the prefix shows no 按键 (KEYS)"
fi
echo "ok: installed into a temporary prefix; citydash and citydash-mock run from it"
