#!/bin/sh
# Screenshots of the real window under Xvfb, for people to look at: the
# settings row, the preview of a list file, a complete-page run with a
# page that misses some of its resources selected (the details pane), the
# export dialog and the list reopened after a restart, in the light and
# the dark theme at scale 1 and 2. Pictures go to build/screens/.
#
# Usage: sh docs/screenshots.sh [THEME SCALE]...  (default: all four)
# Needs Xvfb, xdotool, ImageMagick and python3 (a static site on
# loopback). The clicks are placed for the 1280x900 screen used here.
set -eu

out=${SHOTS_DIR:-build/screens}
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin="$out/pagekeeper"
site="$out/site"
port=${SHOTS_PORT:-8765}

echo "screens: building the app"
go build -o "$bin" .

# A small site: an article whose stylesheet, two pictures, a script and
# an image on a site that does not exist are missing; notes that save
# whole; a page that is not there at all.
rm -rf "$site"
mkdir -p "$site/img" "$site/css"
convert -size 120x80 xc:'#3b7dd8' "$site/img/blue.png"
convert -size 120x80 xc:'#e0a030' "$site/img/amber.png"
printf 'body{font-family:sans-serif;margin:2em}\n.hero{background:url(../img/backdrop-gone.jpg) #ddd}\n' >"$site/css/style.css"
cat >"$site/article.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>An article with pictures</title>
<link rel="stylesheet" href="css/style.css"><link rel="stylesheet" href="css/print-gone.css">
</head><body><div class="hero"><h1>An article</h1></div>
<p>Text with pictures.</p><img src="img/blue.png"><img src="img/amber.png"><img src="img/chart-2019-removed.png">
<img src="https://cdn.invalid/logo.svg"><script src="js/analytics-missing.js"></script></body></html>
EOF
for i in 1 2 3 4 5; do
	printf '<!doctype html><html><head><title>Note %s</title><link rel="stylesheet" href="css/style.css"></head><body><h1>Note %s</h1><img src="img/blue.png"></body></html>\n' "$i" "$i" >"$site/note$i.html"
done

cleanup() {
	[ -n "${app_pid:-}" ] && kill -TERM "$app_pid" 2>/dev/null || true
	[ -n "${site_pid:-}" ] && kill -TERM "$site_pid" 2>/dev/null || true
	[ -n "${xvfb_pid:-}" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

n=80
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
(cd "$site" && exec python3 -m http.server "$port" --bind 127.0.0.1) >"$out/site.log" 2>&1 &
site_pid=$!
sleep 1
export DISPLAY=":$n" LANG=en_US.UTF-8

# start THEME SCALE: the app on the run's own home and settings.
start() {
	FYNE_THEME=$1 FYNE_SCALE=$2 "$bin" >>"$out/app-$1-$2.log" 2>&1 &
	app_pid=$!
	wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Pagekeeper$' | head -n 1)
	sleep 2
}
stop() {
	kill -TERM "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=
}
# click X Y: a click at window coordinates.
click() {
	xdotool mousemove --window "$wid" "$1" "$2" click 1
}
shot() {
	# On the footer's empty end: nothing hovered, no tooltip. (Fyne does
	# not see the pointer leave the window.)
	# shellcheck disable=SC2086
	xdotool mousemove --window "$wid" $park
	sleep "${2:-1}"
	import -window "$wid" "$out/$prefix-$1.png"
	echo "screens: $out/$prefix-$1.png"
}

# run THEME SCALE
run() {
	theme=$1 scale=$2 prefix="$1-$2"
	export HOME="$out/home-$prefix" XDG_CONFIG_HOME="$out/config-$prefix"
	rm -rf "$HOME" "$XDG_CONFIG_HOME"
	mkdir -p "$HOME" "$XDG_CONFIG_HOME"
	printf 'http://127.0.0.1:%s/note1.html\nhttp://127.0.0.1:%s/note2.html\nexample.org/from-a-file\nnot an address\n' "$port" "$port" >"$HOME/reading-list.txt"
	if [ "$scale" = 1 ]; then
		box="400 80" row="200 441" export="907 274" file="430 165" add="1009 661" park="1090 712"
	else
		box="600 150" row="200 589" export="637 288" file="812 300" add="1084 714" park="1200 785"
	fi
	start "$theme" "$scale"
	if [ "$scale" != 1 ]; then
		# The settings scroll at scale 2: drag the bar down to them.
		xdotool mousemove --window "$wid" 1203 45 mousedown 1 mousemove --window "$wid" 1203 120
		sleep 0.2
		xdotool mousemove --window "$wid" 1203 260
		sleep 0.2
		xdotool mouseup 1
	fi
	shot settings
	if [ "$scale" != 1 ]; then
		xdotool mousemove --window "$wid" 1203 190 mousedown 1 mousemove --window "$wid" 1203 100
		sleep 0.2
		xdotool mousemove --window "$wid" 1203 5
		sleep 0.2
		xdotool mouseup 1
	fi
	# shellcheck disable=SC2086 # the coordinates are two words
	click $box
	for page in article.html note4.html note5.html gone-page.html; do
		xdotool type --delay 2 "http://127.0.0.1:$port/$page"
		xdotool key Return
	done
	xdotool key ctrl+Return
	sleep 5
	# Add from file… is the next control after the box (Add to list is
	# off while the box is empty).
	xdotool key Tab
	sleep 0.3
	xdotool key space
	sleep 1.5
	# shellcheck disable=SC2086
	click $file
	sleep 0.3
	# shellcheck disable=SC2086
	click $add
	shot preview 1.5
	xdotool key Escape
	sleep 0.5
	# shellcheck disable=SC2086
	click $row
	shot details 1.5
	# shellcheck disable=SC2086
	click $export
	shot export 1.5
	xdotool key Escape
	stop
	start "$theme" "$scale"
	shot reopened 1.5
	stop
}

if [ $# -eq 0 ]; then
	set -- light 1 dark 1 light 2 dark 2
fi
while [ $# -ge 2 ]; do
	run "$1" "$2"
	shift 2
done
for log in "$out"/app-*.log; do
	if grep -q "Error in Fyne call thread" "$log"; then
		echo "screens: $log: the app touched widgets from the wrong goroutine"
		exit 1
	fi
done
