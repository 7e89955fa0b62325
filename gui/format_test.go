package gui

import (
	"testing"
	"time"

	"pagekeeper/engine"
)

func TestETAText(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{-1, ""},
		{3 * time.Second, "a few seconds left"},
		{21 * time.Second, "about 20 s left"},
		{58 * time.Second, "about 1 min left"},
		{113 * time.Second, "about 2 min left"},
		{59*time.Minute + 50*time.Second, "about 60 min left"},
		{2*time.Hour + 5*time.Minute, "about 2 h 5 min left"},
		{2*time.Hour + 59*time.Minute + 45*time.Second, "about 3 h left"},
	} {
		if got := etaText(tc.d); got != tc.want {
			t.Errorf("etaText(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

func TestFooterText(t *testing.T) {
	var tot engine.Totals
	if got := footerText(tot, false); got != "Nothing in the list yet" {
		t.Errorf("empty: %q", got)
	}
	tot.Jobs = 40
	tot.Counts[engine.Saved] = 12
	tot.Counts[engine.Failed] = 3
	tot.Bytes = 4_200_000
	tot.Speed = 1_100_000
	tot.ETA = 20 * time.Second
	want := "12 of 40 saved · 3 failed · 4.2 MB · 1.1 MB/s · about 20 s left"
	if got := footerText(tot, true); got != want {
		t.Errorf("running: %q, want %q", got, want)
	}
	// Speed and time left mean nothing once the run is over.
	if got := footerText(tot, false); got != "12 of 40 saved · 3 failed · 4.2 MB" {
		t.Errorf("idle: %q", got)
	}
	tot.Jobs = 12345
	tot.Counts = [engine.NumStates]int{engine.Saved: 10000}
	tot.Bytes, tot.ETA = 0, -1
	if got := footerText(tot, true); got != "10,000 of 12,345 saved · 1.1 MB/s" {
		t.Errorf("large: %q", got)
	}
}

func TestPlural(t *testing.T) {
	if got := plural(1, "address", "addresses"); got != "1 address" {
		t.Error(got)
	}
	if got := plural(10000, "address", "addresses"); got != "10,000 addresses" {
		t.Error(got)
	}
	if got := plural(0, "line", "lines"); got != "0 lines" {
		t.Error(got)
	}
}

func TestMoreLinesThan(t *testing.T) {
	for _, tc := range []struct {
		text string
		n    int
		want bool
	}{
		{"a\nb\nc", 2, true},
		{"a\nb\nc", 3, false},
		{"a\nb\nc\n", 3, false}, // a final line break starts no line
		{"a\r\nb\r\nc", 2, true},
		{"a\r\nb\r\nc", 3, false},
		{"a\rb\rc", 2, true},
		{"", 0, true},
	} {
		if got := moreLinesThan(tc.text, tc.n); got != tc.want {
			t.Errorf("moreLinesThan(%q, %d) = %v", tc.text, tc.n, got)
		}
	}
}

func TestLinesAt(t *testing.T) {
	got := linesAt("one\r\ntwo\nthree\rfour", map[int]bool{2: true, 4: true, 9: true})
	if len(got) != 2 || got[2] != "two" || got[4] != "four" {
		t.Errorf("linesAt = %v", got)
	}
}
