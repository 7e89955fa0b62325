#!/bin/sh
# Installs the Debian/Ubuntu packages Pagekeeper's builds and tests need,
# only when they are missing. Uses sudo only when not already root.
#
#   .ci/deps.sh            what Fyne's cgo build needs (make run, make build)
#   .ci/deps.sh --package  and what packaging needs: xz for the Linux
#                          archive, MinGW for the Windows cross-build, and
#                          the validators and tools the package checks run
#   .ci/deps.sh --test     all of that, plus the window smoke test (Xvfb,
#                          xdotool, ImageMagick), Chromium for the browser
#                          tests, npm for the web archive replay test, and
#                          the linter for the shell scripts (ShellCheck)
set -eu

packages="gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev wayland-protocols"
packaging="xz-utils gcc-mingw-w64-x86-64 desktop-file-utils appstream file unzip"
lint="shellcheck"
case "${1:-}" in
--package)
	packages="$packages $packaging"
	;;
--test)
	packages="$packages $packaging $lint xvfb x11-utils imagemagick xdotool chromium fonts-dejavu-core"
	# engine/warc's replay test runs "npm pack": Debian's npm brings Node.
	command -v npm >/dev/null 2>&1 || packages="$packages npm"
	;;
"") ;;
*)
	echo "deps: unknown option $1 (use --package or --test)" >&2
	exit 2
	;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian/Ubuntu system; make sure these are installed: $packages"
	exit 0
fi

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

if [ -z "$missing" ]; then
	exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
	sudo="sudo"
fi
echo "deps: installing missing system packages:$missing"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "deps: installed:$missing"
