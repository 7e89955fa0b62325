#!/bin/sh
# Window smoke test: starts the real app under Xvfb, waits for its window,
# screenshots it, checks the picture is not blank and that the app neither
# exited early nor logged a threading error, then stops it.
set -eu

dir=${SMOKE_DIR:-build/smoke}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
bin="$dir/pagekeeper"
log="$dir/app.log"
shot="$dir/window.png"
rm -f "$shot" "$log"

echo "smoke: building the app with -race"
go build -race -o "$bin" .

# Pick a display number nobody uses.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
display=":$n"

cleanup() {
	[ -n "${app_pid:-}" ] && kill -TERM "$app_pid" 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
i=0
until [ -e "/tmp/.X11-unix/X$n" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
		echo "smoke: Xvfb did not start"; cat "$dir/xvfb.log"; exit 1
	fi
	sleep 0.1
done

export DISPLAY="$display"
export LANG=en_US.UTF-8
export XDG_CONFIG_HOME="$dir/config"
export HOME="$dir/home"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

echo "smoke: starting Pagekeeper on $display"
timeout -k 5 120 "$bin" >"$log" 2>&1 &
app_pid=$!

wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Pagekeeper$' | head -n 1) || true
if [ -z "$wid" ]; then
	echo "smoke: the window never appeared"; cat "$log"; exit 1
fi

# The first frames after mapping can still be empty: poll until the picture
# shows a real window (many colours), for at most 30 s.
colours=0
i=0
while [ $i -lt 60 ]; do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "smoke: the app exited early"; cat "$log"; exit 1
	fi
	import -window "$wid" "$shot" 2>/dev/null || true
	colours=$(identify -format '%k' "$shot" 2>/dev/null || echo 0)
	[ "$colours" -ge 50 ] && break
	i=$((i + 1))
	sleep 0.5
done
if [ "$colours" -lt 50 ]; then
	echo "smoke: the screenshot looks blank ($colours colours)"; cat "$log"; exit 1
fi

if [ -n "${SMOKE_SCENARIO:-}" ]; then
	# shellcheck disable=SC1090
	. "$SMOKE_SCENARIO"
fi

if ! kill -0 "$app_pid" 2>/dev/null; then
	echo "smoke: the app exited early"; cat "$log"; exit 1
fi
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

if grep -q "Error in Fyne call thread" "$log"; then
	echo "smoke: the app touched widgets from the wrong goroutine:"; cat "$log"; exit 1
fi
if grep -q "WARNING: DATA RACE" "$log"; then
	echo "smoke: the race detector found a data race:"; cat "$log"; exit 1
fi

echo "smoke: ok ($colours colours)"
echo "smoke: screenshot at $shot"
