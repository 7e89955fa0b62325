#!/bin/sh
# Window smoke test: starts the real app under Xvfb against a loopback test
# server, types the server's addresses into the window, starts the run with
# Ctrl+Enter, waits until every page is on disk, screenshots the window and
# checks the picture is not blank, then ends the app with SIGTERM, which
# must quit it cleanly. A second start at FYNE_SCALE=2 must open a window
# that fits the 1280x900 screen although the size remembered at scale 1
# would be twice as large. It fails when the app exits early, logs a Fyne
# threading error or a data race (-race build).
set -eu

dir=${SMOKE_DIR:-build/smoke}
pages=${SMOKE_PAGES:-12}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
bin="$dir/pagekeeper"
log="$dir/app.log"
first="$dir/window-start.png"
shot="$dir/window.png"
urls="$dir/urls.txt"
rm -rf "${dir:?}/home" "${dir:?}/config" "$dir/server.out" "$shot" "$first" "$log" "$urls"

echo "smoke: building the app (with -race) and the test server"
go build -race -o "$bin" .
go build -o "$dir/testserver" ./engine/enginetest/cmd/testserver

fail() {
	echo "smoke: $*"
	echo "---- app log ----"
	cat "$log" 2>/dev/null || true
	exit 1
}

cleanup() {
	[ -n "${app_pid:-}" ] && kill -TERM "$app_pid" 2>/dev/null || true
	[ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# waitfor TRIES CONDITION...: polls a shell condition ten times a second.
waitfor() {
	tries=$1
	shift
	while ! "$@"; do
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] || return 1
		if [ -n "${app_pid:-}" ] && ! kill -0 "$app_pid" 2>/dev/null; then
			fail "the app exited early"
		fi
		sleep 0.1
	done
}

# Pick a display number nobody uses.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
waitfor 100 test -e "/tmp/.X11-unix/X$n" || fail "Xvfb did not start: $(cat "$dir/xvfb.log")"

timeout -k 5 300 "$dir/testserver" -urls "$urls" -n "$pages" >"$dir/server.out" 2>"$dir/server.log" &
server_pid=$!
waitfor 100 test -s "$dir/server.out" || fail "the test server did not start: $(cat "$dir/server.log")"
site=$(sed -e 's#^http://##' -e 's#:#_#' "$dir/server.out")

export DISPLAY=":$n"
export LANG=en_US.UTF-8
export HOME="$dir/home"
export XDG_CONFIG_HOME="$dir/config"
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
out="$HOME/Pagekeeper"

echo "smoke: starting Pagekeeper on :$n"
timeout -k 5 240 "$bin" >"$log" 2>&1 &
app_pid=$!

wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Pagekeeper$' | head -n 1) || true
[ -n "$wid" ] || fail "the window never appeared"

# The first frames after mapping can be empty: wait for a real picture.
colours() {
	import -window "$wid" "$1" 2>/dev/null || return 1
	c=$(identify -format '%k' "$1" 2>/dev/null || echo 0)
	[ "$c" -ge 50 ]
}
waitfor 300 colours "$first" || fail "the window stays blank"

echo "smoke: typing $pages addresses and pressing Ctrl+Enter"
# Without a window manager X gives the keys to the window under the
# pointer: click into the address box as a person would.
xdotool mousemove --window "$wid" 400 80 click 1
# xdotool types a newline as Linefeed, which GLFW ignores: press Return.
while IFS= read -r line; do
	xdotool type --delay 2 "$line"
	xdotool key Return
done <"$urls"
xdotool key ctrl+Return

saved() {
	[ "$(find "$out/$site" -name '*.html' 2>/dev/null | wc -l)" -ge "$pages" ] &&
		[ "$(grep -c ',Saved,' "$out/manifest.csv" 2>/dev/null || echo 0)" -ge "$pages" ]
}
waitfor 1200 saved || fail "not every page was saved: $(ls -R "$out" 2>&1 | head -20)"
# Let the table show the last rows as Saved (the pump ticks ten times a second).
sleep 1
colours "$shot" || fail "the finished window looks blank"

kill -0 "$app_pid" 2>/dev/null || fail "the app exited early"
# SIGTERM quits like the close button: the pump stops, the run stops, the
# list is written to the folder and the app exits by itself.
kill -TERM "$app_pid"
quit_by_itself() { ! kill -0 "$app_pid" 2>/dev/null; }
# Within 30 s: Fyne 2.8.1 can hang as its loop ends; the app then saves
# the list and ends by itself after 15 s (gui.quitGrace).
tries=300
while ! quit_by_itself; do
	tries=$((tries - 1))
	[ "$tries" -gt 0 ] || fail "the app did not quit on SIGTERM"
	sleep 0.1
done
wait "$app_pid" 2>/dev/null || fail "the app exited with an error after SIGTERM"
app_pid=

echo "smoke: starting again at FYNE_SCALE=2"
FYNE_SCALE=2 timeout -k 5 120 "$bin" >>"$log" 2>&1 &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Pagekeeper$' | head -n 1) || true
[ -n "$wid" ] || fail "the window never appeared at scale 2"
fits() {
	geo=$(xwininfo -id "$wid" 2>/dev/null) || return 1
	w=$(echo "$geo" | sed -n 's/^ *Width: //p')
	h=$(echo "$geo" | sed -n 's/^ *Height: //p')
	[ -n "$w" ] && [ "$w" -le 1280 ] && [ "$h" -le 900 ]
}
waitfor 50 fits || fail "at scale 2 the window is $(xwininfo -id "$wid" | grep -E 'Width|Height' | tr -s ' ' | tr '\n' ' '), larger than the 1280x900 screen"
big="$dir/window-scale2.png"
# Drawn to its bottom-right corner (not the black of an undrawn window),
# and showing the list kept in the folder from the first start.
drawn() {
	colours "$big" || return 1
	corner=$(convert "$big" -crop "1x1+$((w - 4))+$((h - 4))" -format '%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]' info: 2>/dev/null)
	[ -n "$corner" ] && [ "$corner" != "0,0,0" ]
}
waitfor 100 drawn || fail "the window at scale 2 is not drawn to its edges (corner $corner)"
kill -TERM "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

if grep -q "Error in Fyne call thread" "$log"; then
	fail "the app touched widgets from the wrong goroutine"
fi
if grep -q "WARNING: DATA RACE" "$log"; then
	fail "the race detector found a data race"
fi

echo "smoke: ok: $pages pages saved in $out/$site"
echo "smoke: screenshots at $shot and $dir/window-scale2.png"
