#!/bin/sh
# Builds the command-line Pagekeeper (cmd/pagekeeper-cli: no window, no
# cgo, so no graphics libraries) for every system we release it for, each
# packed with the README and the license:
#
#   packaging/cli.sh [OUTDIR] [GOOS/GOARCH...]
#
# OUTDIR defaults to build/package. Linux and macOS get a .tar.gz (it keeps
# the executable bit), Windows a .zip.
set -eu

out=${1:-build/package}
[ $# -gt 0 ] && shift
targets=${*:-linux/amd64 linux/arm64 windows/amd64 darwin/arm64 darwin/amd64}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$(cd "$root" && go run ./appinfo/internal/gen -root . -print version)
work=$(mktemp -d "${TMPDIR:-/tmp}/pagekeeper-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

for t in $targets; do
	goos=${t%/*}
	goarch=${t#*/}
	system=$goos
	[ "$goos" = darwin ] && system=macos
	base="pagekeeper-cli-$version-$system-$goarch"
	exe=pagekeeper-cli
	[ "$goos" = windows ] && exe=pagekeeper-cli.exe
	echo "cli: $base"
	mkdir "$work/$base"
	(cd "$root" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -ldflags=-s -o "$work/$base/$exe" ./cmd/pagekeeper-cli)
	cp "$root/README.md" "$work/$base/"
	if [ "$goos" = windows ]; then
		cp "$root/LICENSE" "$work/$base/LICENSE.txt"
		(cd "$root" && CGO_ENABLED=0 go run ./packaging/zipdir "$out/$base.zip" "$work/$base")
	else
		cp "$root/LICENSE" "$work/$base/"
		tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$out/$base.tar.gz" "$base"
	fi
done
ls -l "$out"/pagekeeper-cli-"$version"-*
