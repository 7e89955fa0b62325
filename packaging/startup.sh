#!/bin/sh
# Measures how long Pagekeeper takes from launch until its window is drawn,
# under Xvfb, the way .ci/smoke.sh detects the window: the time until
# xdotool sees a visible window named Pagekeeper, and until a screenshot
# of it holds a real picture (at least 50 colours) rather than an empty
# frame. Each run starts with a fresh home folder (no settings).
#
#   packaging/startup.sh BINARY [RUNS]
#
# Prints one line per run and the median. A measurement, not a test.
set -eu

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
runs=${2:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/pagekeeper-startup.XXXXXX")
cleanup() {
	[ -n "${app_pid:-}" ] && kill -TERM "$app_pid" 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
tries=100
while [ ! -e "/tmp/.X11-unix/X$n" ]; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || { echo "startup: Xvfb did not start" >&2; exit 1; }
	sleep 0.1
done
export DISPLAY=":$n" LANG=C.UTF-8

now() { date +%s%N; }
ms() { echo $((($2 - $1) / 1000000)); }

i=0
: >"$work/drawn"
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	rm -rf "${work:?}/home"
	mkdir -p "$work/home"
	start=$(now)
	HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$bin" >"$work/app.log" 2>&1 &
	app_pid=$!
	# Poll without sleeping: xdotool --sync checks only twice a second.
	wid=
	while [ -z "$wid" ]; do
		wid=$(xdotool search --onlyvisible --name '^Pagekeeper$' 2>/dev/null | head -n 1) || true
		kill -0 "$app_pid" 2>/dev/null || { echo "startup: the app exited: $(cat "$work/app.log")" >&2; exit 1; }
	done
	mapped=$(now)
	while :; do
		tried=$(now)
		if import -window "$wid" "$work/shot.png" 2>/dev/null &&
			[ "$(identify -format '%k' "$work/shot.png" 2>/dev/null || echo 0)" -ge 50 ]; then
			break
		fi
		kill -0 "$app_pid" 2>/dev/null || { echo "startup: the app exited: $(cat "$work/app.log")" >&2; exit 1; }
	done
	drawn=$(now)
	kill -TERM "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=
	echo "run $i: window mapped after $(ms "$start" "$mapped") ms; first full picture from a screenshot started at $(ms "$start" "$tried") ms, done at $(ms "$start" "$drawn") ms"
	ms "$start" "$drawn" >>"$work/drawn"
done
echo "median time to a drawn window (screenshot done): $(sort -n "$work/drawn" | sed -n "$(((runs + 1) / 2))p") ms over $runs runs"
