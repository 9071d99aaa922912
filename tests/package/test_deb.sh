#!/usr/bin/env bash
# The .deb: built by CPack from this build tree (scripts/package does the
# same from a fresh Release build), its Depends computed by dpkg-shlibdeps
# (so it names the libraries the binaries link), its contents in place, and
# the programs run from the unpacked package.
# Usage: test_deb.sh BUILD_DIR VERSION
set -u
build=${1:?usage: test_deb.sh BUILD_DIR VERSION}
version=${2:?}
for tool in "${CPACK:-cpack}" dpkg-deb dpkg-shlibdeps; do
	if ! command -v "$tool" >/dev/null; then
		echo "SKIP: $tool not found (install dpkg-dev); the .deb is not tested"
		exit 77
	fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

"${CPACK:-cpack}" --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/log" 2>&1 ||
	fail "cpack: $(cat "$work/log")"
debs=("$work"/out/*.deb)
if [ "${#debs[@]}" != 1 ] || [ ! -f "${debs[0]}" ]; then
	fail "want one .deb, got: ${debs[*]}"
fi
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[ "$(basename "$deb")" = "citydash_${version}-1_${arch}.deb" ] || fail "file name $(basename "$deb")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = citydash ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version-1" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
[ -n "$depends" ] || fail "Depends is empty"
# What dpkg-shlibdeps derives: every library the binaries link, each with a
# version bound from its symbols file (any soname: libcurl4, libcurl4t64 ...).
for lib in 'libc6' 'libncursesw[0-9]' 'libcurl[0-9]' 'libcjson[0-9]' 'libmicrohttpd[0-9]' 'libutf8proc[0-9]'; do
	grep -qE "(^|, )${lib}[0-9a-z-]* \(>= [^)]+\)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done

dpkg-deb -c "$deb" | awk '{ print $6 }' >"$work/contents"
for f in ./usr/bin/citydash ./usr/bin/citydash-mock \
	./usr/share/man/man1/citydash.1.gz ./usr/share/man/man1/citydash-mock.1.gz \
	./usr/share/man/zh_CN/man1/citydash.1.gz ./usr/share/man/zh_CN/man1/citydash-mock.1.gz \
	./usr/share/locale/zh_CN/LC_MESSAGES/citydash.mo \
	./usr/share/doc/citydash/README.md.gz ./usr/share/doc/citydash/examples/demo.json \
	./usr/share/doc/citydash/examples/systemd/citydash-mock.service \
	./usr/share/citydash/themes/high-performance.theme ./usr/share/citydash/themes/light.theme; do
	grep -qxF "$f" "$work/contents" || fail "not in the package: $f"
done
# Owned by root, as dpkg installs it, whoever built it.
dpkg-deb -c "$deb" | awk '$2 != "root/root" { bad = 1; print } END { exit bad }' >&2 ||
	fail "files not owned by root/root"

dpkg-deb -x "$deb" "$work/root" || fail "dpkg-deb -x"
bin=$work/root/usr/bin
out=$("$bin/citydash" --version) || fail "unpacked citydash --version failed"
[ "$out" = "citydash $version" ] || fail "unpacked citydash --version: $out"
"$bin/citydash-mock" --help | grep -q -- "--serve" || fail "unpacked citydash-mock --help"
LANG=C.UTF-8 LC_ALL='' timeout 60 "$bin/citydash" --demo --dump >"$work/frame" 2>"$work/err" ||
	fail "unpacked citydash --demo --dump exited $?: $(cat "$work/err")"
grep -qE "water ?✔" "$work/frame" || fail "unpacked --demo --dump: $(tail -1 "$work/frame")"
# Unpacked elsewhere than /usr, it still finds its themes beside it.
XDG_CONFIG_HOME=$work/xdg "$bin/citydash" --check-config --source a=http://127.0.0.1:1/ --theme light \
	>"$work/theme.out" 2>&1 || fail "unpacked citydash --theme light: $(cat "$work/theme.out")"
# ... and its Chinese catalogue beside it.
LANGUAGE='' LC_ALL='' LANG=zh_CN.UTF-8 "$bin/citydash" --help >"$work/help.zh" 2>&1 ||
	fail "unpacked citydash --help in zh_CN: $(cat "$work/help.zh")"
grep -q "^用法：citydash " "$work/help.zh" || fail "unpacked citydash --help is not Chinese: $(head -2 "$work/help.zh")"
echo "ok: $(basename "$deb"), Depends: $depends"
