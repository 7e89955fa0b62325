#!/bin/sh
# Checks the Windows package that package.sh wrote:
#
#   packaging/check-windows.sh [OUTDIR]
#
# The zip holds Pagekeeper.exe, README.md and LICENSE.txt at its top, and
# the program is an x86-64 GUI program (no console window) that carries
# its icon and the version FyneApp.toml holds (packaging/pecheck).
set -eu

out=${1:-build/package}
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(cd "$root" && go run ./appinfo/internal/gen -root . -print version)
zip="$out/Pagekeeper-$version-windows-amd64.zip"

fail() {
	echo "check-windows: $*" >&2
	exit 1
}
[ -f "$zip" ] || fail "$zip is missing: run make package-windows"
work=$(mktemp -d "${TMPDIR:-/tmp}/pagekeeper-check.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "check-windows: $zip"
unzip -Z1 "$zip" | sort >"$work/list"
printf '%s\n' LICENSE.txt Pagekeeper.exe README.md >"$work/want"
cmp -s "$work/list" "$work/want" || fail "the zip holds $(tr '\n' ' ' <"$work/list"), not $(tr '\n' ' ' <"$work/want")"
unzip -q "$zip" -d "$work/x"
exe="$work/x/Pagekeeper.exe"
file "$exe"
file "$exe" | grep -q "PE32+ executable (GUI) x86-64" || fail "file(1) does not see an x86-64 GUI program"
(cd "$root" && CGO_ENABLED=0 go run ./packaging/pecheck -version "$version" "$exe") || fail "Pagekeeper.exe is not what we ship"
echo "check-windows: ok, $(wc -c <"$exe") bytes"
