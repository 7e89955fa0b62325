#!/bin/sh
# Checks the Linux package that package.sh wrote:
#
#   packaging/check-linux.sh [OUTDIR]
#
# The archive holds the program, its menu entry (.desktop), its icon, the
# AppStream metainfo file, a Makefile and the license; the .desktop and
# metainfo files pass desktop-file-validate and appstreamcli validate; the
# program starts and prints the version FyneApp.toml holds, with nothing on
# stderr in the C locale; "make install" and "make user-install" put every
# file where the desktop's menu and software centres look, and the
# matching uninstall removes them again.
set -eu

out=${1:-build/package}
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(cd "$root" && go run ./appinfo/internal/gen -root . -print version)
id=$(cd "$root" && go run ./appinfo/internal/gen -root . -print id)
arch=$(go env GOARCH)
archive="$out/Pagekeeper-$version-linux-$arch.tar.xz"
top="Pagekeeper-$version-linux-$arch"

fail() {
	echo "check-linux: $*" >&2
	exit 1
}
[ -f "$archive" ] || fail "$archive is missing: run make package-linux"
work=$(mktemp -d "${TMPDIR:-/tmp}/pagekeeper-check.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "check-linux: $archive"
tar -tJf "$archive" >"$work/list"
for f in Makefile LICENSE README.md \
	usr/local/bin/pagekeeper \
	"usr/local/share/applications/$id.desktop" \
	"usr/local/share/pixmaps/$id.png" \
	"usr/local/share/metainfo/$id.metainfo.xml"; do
	want="$top/$f"
	# Fyne's tool uses usr/ when the building machine has no /usr/local.
	grep -qx -e "$want" -e "$(echo "$want" | sed 's#/usr/local/#/usr/#')" "$work/list" ||
		fail "the archive lacks $f; it holds: $(tr '\n' ' ' <"$work/list")"
done

tar -C "$work" -xJf "$archive"
pkg="$work/$top"
prefix=usr
[ -d "$pkg/usr/local" ] && prefix=usr/local
desktop="$pkg/$prefix/share/applications/$id.desktop"
metainfo="$pkg/$prefix/share/metainfo/$id.metainfo.xml"
bin="$pkg/$prefix/bin/pagekeeper"

desktop-file-validate "$desktop" || fail "$id.desktop does not validate"
grep -qx "Icon=$id" "$desktop" || fail "$id.desktop does not name the icon $id"
appstreamcli validate --no-net --pedantic "$metainfo" || fail "$id.metainfo.xml does not validate"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo file does not list version $version"

file "$bin"
file "$bin" | grep -q "ELF 64-bit.*, stripped" || fail "the program is not a stripped 64-bit ELF file"
LANG=C "$bin" -version >"$work/stdout" 2>"$work/stderr" || fail "pagekeeper -version failed: $(cat "$work/stderr")"
[ ! -s "$work/stderr" ] || fail "pagekeeper -version wrote to stderr in the C locale: $(cat "$work/stderr")"
grep -q "^Pagekeeper $version (pagekeeper, linux/$arch)\$" "$work/stdout" ||
	fail "pagekeeper -version printed '$(cat "$work/stdout")', not version $version"
echo "check-linux: $(cat "$work/stdout"), $(wc -c <"$bin") bytes"

# System install into a staging root, as a distribution package would.
dest="$work/root"
make -s -C "$pkg" install DESTDIR="$dest" PREFIX=/usr
for f in bin/pagekeeper "share/applications/$id.desktop" "share/pixmaps/$id.png" "share/metainfo/$id.metainfo.xml"; do
	[ -s "$dest/usr/$f" ] || fail "make install did not install /usr/$f"
done
[ -x "$dest/usr/bin/pagekeeper" ] || fail "make install left the program not executable"
appstreamcli validate-tree --no-net "$dest" || fail "the installed tree does not validate"
make -s -C "$pkg" uninstall DESTDIR="$dest" PREFIX=/usr
left=$(find "$dest" -type f)
[ -z "$left" ] || fail "make uninstall left $left"

# Install for one person, as the README tells people to.
home="$work/home"
mkdir -p "$home"
make -s -C "$pkg" user-install HOME="$home"
for f in bin/pagekeeper "share/applications/$id.desktop" "share/icons/$id.png" "share/metainfo/$id.metainfo.xml"; do
	[ -s "$home/.local/$f" ] || fail "make user-install did not install ~/.local/$f"
done
grep -qx "Exec=$home/.local/bin/pagekeeper" "$home/.local/share/applications/$id.desktop" ||
	fail "the installed menu entry does not start ~/.local/bin/pagekeeper"
desktop-file-validate "$home/.local/share/applications/$id.desktop" || fail "the installed $id.desktop does not validate"
make -s -C "$pkg" user-uninstall HOME="$home"
left=$(find "$home" -type f)
[ -z "$left" ] || fail "make user-uninstall left $left"

echo "check-linux: ok"
