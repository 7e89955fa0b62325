package gui

import (
	"fmt"
	"math"
	"time"

	"github.com/dustin/go-humanize"
)

// notApplicable fills a table cell that has nothing to say, so an empty
// cell never looks like a missing value.
const notApplicable = "—"

// count writes n with thousands separators: 10,000 reads faster than 10000.
func count(n int) string { return humanize.Comma(int64(n)) }

// plural is "1 address" or "3 addresses".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return count(n) + " " + many
}

// sizeText is a byte count a person reads: "4.2 MB".
func sizeText(n int64) string {
	if n < 0 {
		return notApplicable
	}
	return humanize.Bytes(uint64(n))
}

// speedText is bytes per second, or "" when nothing is moving.
func speedText(bps float64) string {
	if bps < 1 || math.IsNaN(bps) || math.IsInf(bps, 0) {
		return ""
	}
	return humanize.Bytes(uint64(bps)) + "/s"
}

// etaText is a rough time left: people want "about 2 min", not "1m53.2s".
// It is "" when unknown.
func etaText(d time.Duration) string {
	switch {
	case d < 0:
		return ""
	case d < 10*time.Second:
		return "a few seconds left"
	case d < time.Minute:
		// Round to 5 s: an estimate that ticks every second looks
		// more precise than it is.
		s := int((d+2500*time.Millisecond)/(5*time.Second)) * 5
		if s >= 60 {
			return "about 1 min left"
		}
		return fmt.Sprintf("about %d s left", s)
	case d < time.Hour:
		return fmt.Sprintf("about %d min left", int((d+30*time.Second)/time.Minute))
	}
	h := int(d / time.Hour)
	m := int((d - time.Duration(h)*time.Hour + 30*time.Second) / time.Minute)
	if m == 60 {
		h, m = h+1, 0
	}
	if m == 0 {
		return fmt.Sprintf("about %d h left", h)
	}
	return fmt.Sprintf("about %d h %d min left", h, m)
}
