package gui

import (
	"strings"

	"pagekeeper/engine"
)

// footerText sums up the list: "12 of 40 saved · 3 failed · 4.2 MB ·
// 1.1 MB/s · about 20 s left". Parts that are zero or unknown are left
// out; when the run only waits on slow sites it says so instead of
// guessing a time.
func footerText(t engine.Totals, busy bool) string {
	if t.Jobs == 0 {
		return "Nothing in the list yet"
	}
	parts := []string{count(t.Counts[engine.Saved]) + " of " + count(t.Jobs) + " saved"}
	for _, p := range []struct {
		n    int
		word string
	}{
		{t.Counts[engine.Failed], "failed"},
		{t.Counts[engine.Skipped], "skipped"},
		{t.Counts[engine.Canceled], "not finished"},
	} {
		if p.n > 0 {
			parts = append(parts, count(p.n)+" "+p.word)
		}
	}
	if t.Bytes > 0 {
		parts = append(parts, sizeText(t.Bytes))
	}
	if busy {
		if s := speedText(t.Speed); s != "" {
			parts = append(parts, s)
		}
		switch {
		case t.Waiting > 0:
			parts = append(parts, "waiting for "+plural(t.Waiting, "slow site", "slow sites"))
		case etaText(t.ETA) != "":
			parts = append(parts, etaText(t.ETA))
		}
	}
	return strings.Join(parts, " · ")
}

func (w *Window) updateFooter() {
	t := w.totals
	setText(w.footer, footerText(t, w.phase.Busy()))
	// Canceled rows are not done: a stopped list must not look complete.
	if t.Jobs == 0 {
		hide(w.overallBox)
		return
	}
	show(w.overallBox)
	w.overall.set(float64(t.Finished()-t.Counts[engine.Canceled]) / float64(t.Jobs))
}
