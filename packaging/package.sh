#!/bin/sh
# Packages Pagekeeper for people to download, with Fyne's packaging tool:
#
#   packaging/package.sh linux   [OUTDIR]  Pagekeeper-VERSION-linux-ARCH.tar.xz
#   packaging/package.sh windows [OUTDIR]  Pagekeeper-VERSION-windows-amd64.zip
#   packaging/package.sh darwin  [OUTDIR]  Pagekeeper-VERSION-macos-ARCH.zip
#
# OUTDIR defaults to build/package. Linux and Windows build on Linux (the
# Windows one with Debian's gcc-mingw-w64-x86-64, or natively on Windows);
# macOS builds only on a Mac. The version comes from FyneApp.toml.
#
# Fyne's tool rewrites FyneApp.toml (it bumps Build) and drops files into
# the folder it builds, so it works on a copy of the source in a temporary
# folder: the checkout is never touched.
set -eu

target=${1:?usage: packaging/package.sh linux|windows|darwin [OUTDIR]}
out=${2:-build/package}
root=$(cd "$(dirname "$0")/.." && pwd)
# The tool runs from the module proxy, never from go.mod: its own
# requirements would move the app's Fyne version.
fyne=${FYNE:-go run fyne.io/tools/cmd/fyne@v1.7.4}

mkdir -p "$out"
out=$(cd "$out" && pwd)
value() { (cd "$root" && go run ./appinfo/internal/gen -root . -print "$1"); }
version=$(value version)
id=$(value id)
name=$(value name)
website=$(value website)
arch=${GOARCH:-$(go env GOARCH)}

work=$(mktemp -d "${TMPDIR:-/tmp}/pagekeeper-package.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
src="$work/src"
mkdir "$src"
(cd "$root" && tar --exclude=./.git --exclude=./build --exclude='*.test' -cf - .) | tar -C "$src" -xf -

# fyne runs "go build" itself and sets CGO_ENABLED=1 for it; the tool
# itself needs no cgo (so a cross compiler in CC cannot break its build).
# -buildvcs=false: the copy is not a checkout.
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
package_with_fyne() {
	echo "package: $name $version for $1 with Fyne's tool (the first build takes minutes)"
	# XZ_OPT: the Linux tar.xz the tool writes is unpacked and packed again
	# below, so it compresses fast here.
	(cd "$src" && CGO_ENABLED=0 XZ_OPT=-0 $fyne package -os "$1" --release)
}

case $target in
linux)
	cat "$root/packaging/linux/desktop.toml" >>"$src/FyneApp.toml"
	package_with_fyne linux
	mkdir "$work/unpack"
	tar -C "$work/unpack" -xJf "$src/$name.tar.xz"
	top=$(find "$work/unpack" -mindepth 1 -maxdepth 1 -type d)
	prefix=usr
	[ -d "$top/usr/local" ] && prefix=usr/local
	# Software centres read the metainfo file; its release date is the
	# commit's, so the same commit packages the same file.
	date=$(git -C "$root" log -1 --format=%cs 2>/dev/null || date -u +%Y-%m-%d)
	mkdir -p "$top/$prefix/share/metainfo"
	sed -e "s|@ID@|$id|g" -e "s|@NAME@|$name|g" -e "s|@VERSION@|$version|g" \
		-e "s|@WEBSITE@|$website|g" -e "s|@DATE@|$date|g" \
		"$root/packaging/linux/metainfo.xml.in" >"$top/$prefix/share/metainfo/$id.metainfo.xml"
	cat "$root/packaging/linux/install.mk" >>"$top/Makefile"
	cp "$root/LICENSE" "$root/README.md" "$top/"
	base="$name-$version-linux-$arch"
	mv "$top" "$work/unpack/$base"
	# xz on every core: 8 MiB blocks let the 30 MB program use two.
	XZ_OPT="-6 -T0 --block-size=8MiB" tar -C "$work/unpack" --owner=0 --group=0 --numeric-owner -cJf "$out/$base.tar.xz" "$base"
	echo "package: wrote $out/$base.tar.xz"
	;;
windows)
	case $(uname -s) in
	Linux) export CC="${CC:-x86_64-w64-mingw32-gcc}" GOARCH=amd64 ;;
	esac
	package_with_fyne windows
	base="$name-$version-windows-amd64"
	mkdir "$work/$base"
	mv "$src/$name.exe" "$work/$base/$name.exe"
	cp "$root/README.md" "$work/$base/README.md"
	cp "$root/LICENSE" "$work/$base/LICENSE.txt"
	(cd "$root" && CGO_ENABLED=0 go run ./packaging/zipdir "$out/$base.zip" "$work/$base")
	echo "package: wrote $out/$base.zip"
	;;
darwin)
	package_with_fyne darwin
	# Not notarised (that needs a paid Apple account): sign it ad hoc so
	# macOS offers "Open Anyway" instead of calling the app damaged.
	codesign --force --deep --sign - "$src/$name.app"
	base="$name-$version-macos-$arch"
	ditto -c -k --sequesterRsrc --keepParent "$src/$name.app" "$out/$base.zip"
	echo "package: wrote $out/$base.zip"
	;;
*)
	echo "package: unknown target $target (linux, windows or darwin)" >&2
	exit 2
	;;
esac
