package gui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// chromeInterval is how often the status, the footer and the filter
// counts are redrawn while a run only makes progress. Every redraw paints
// the whole window: measured under Xvfb (software drawing), one frame of
// this window costs about 24 ms of CPU, so four a second cost 0.1 of a
// core and two cost 0.05. Twice a second still reads as live. It is a
// little under the pump's interval, so a tick that comes a moment early
// still draws.
const chromeInterval = pumpInterval - 50*time.Millisecond

// chromeClock decides when the status and footer are redrawn.
type chromeClock struct {
	last  time.Time
	stale bool // something changed that is not drawn yet
}

// due reports whether to redraw now: at once for what a person did or
// for a new phase, else at most every chromeInterval.
func (c *chromeClock) due(now time.Time, urgent bool) bool {
	if urgent || now.Sub(c.last) >= chromeInterval {
		c.last, c.stale = now, false
		return true
	}
	c.stale = true
	return false
}

// refreshNow applies what changed since the last snapshot at once, so a
// person's action (Add, Start, Stop…) shows without waiting for the pump.
// It runs on the UI goroutine, like apply.
func (w *Window) refreshNow() {
	if w.eng != nil {
		w.applyAt(w.eng.Changes(w.applied), true)
		return
	}
	w.updateChrome()
}

// apply shows snapshot s from the pump.
func (w *Window) apply(s engine.Snapshot) { w.applyAt(s, false) }

// applyAt shows snapshot s: the rows that changed and are on screen,
// then, when due, the status, footer and buttons. It is the only way
// progress reaches the widgets, and it runs on the UI goroutine.
func (w *Window) applyAt(s engine.Snapshot, urgent bool) {
	if w.hasQuit || s.Version < w.applied {
		// Older than what refreshNow already showed: every row in it is
		// stale.
		return
	}
	changed := s.Version != w.applied || len(s.Jobs) > 0
	w.applied = s.Version
	w.snapTime = time.Now()
	prev := w.phase
	switch {
	case s.List != w.list:
		// Another folder's list: its IDs start anew, so nothing of the
		// old rows may stay. The snapshot is a full one.
		w.list = s.List
		w.reset()
		w.table.sel.none()
	case s.Full:
		w.keepOnly(s.Jobs)
	}
	w.remove(s.Removed)
	w.merge(s.Jobs)
	w.totals, w.phase, w.problem, w.listProblem = s.Totals, s.Phase, s.Problem, s.ListProblem
	listMoved := w.added || w.dropped
	addedOnly := w.added && !w.dropped
	if w.details.id != 0 && len(w.table.sel.ids) == 0 {
		defer w.details.hide() // its row went with the old list
	}
	if w.details.id != 0 {
		for _, c := range w.changes {
			if c.id == w.details.id {
				w.details.update()
				break
			}
		}
		if r, ok := w.row(w.details.id); ok && r.State == engine.Retrying {
			w.details.update()
		}
	}
	if changed || urgent || listMoved {
		// Also when nothing changed: retry countdowns on screen move.
		w.table.sync()
	}
	if prev.Busy() != w.phase.Busy() {
		// "Queued: press Start" is only true while no run is under way.
		w.table.redrawOnScreen()
	}
	if !w.phase.Busy() {
		urgent = true // without a run changes are few: each is drawn at once
	}
	if listMoved || prev != w.phase {
		urgent = true
		if w.reported && (!addedOnly || prev != w.phase) {
			// "Added 18 addresses" is not news once the list moved on.
			w.reported = false
			w.rejects = w.boxParsed.rejects
			w.say(w.boxText(), w.boxImportance())
		}
	}
	if w.chrome.due(w.snapTime, urgent) {
		w.updateChrome()
	}
	w.afterApply(prev)
}

// updateChrome redraws everything about the list as a whole.
func (w *Window) updateChrome() {
	w.updateStatus()
	w.updateFooter()
	w.updateButtons()
	w.updateFilters()
	w.updateProblem()
}

// afterApply acts on what the snapshot means for the run as a whole.
func (w *Window) afterApply(prev engine.Phase) {
	if w.phase == engine.Finished && prev != engine.Finished && prev.Busy() {
		w.app.SendNotification(fyne.NewNotification("Pagekeeper", w.runSummary()))
	}
	if prev.Busy() && !w.phase.Busy() {
		w.runEnded()
	} else {
		w.maybeCheckIndex(false)
	}
	if w.quitWhenIdle && !w.phase.Busy() {
		w.quit()
	}
}

// updateFilters writes each filter's count on its button and marks the
// one in use.
func (w *Window) updateFilters() {
	for f, b := range w.filters {
		text := filterNames[f] + " " + count(filter(f).count(w.totals))
		if b.Text != text {
			b.SetText(text)
		}
		imp := widget.LowImportance
		if filter(f) == w.table.view.filter {
			imp = widget.HighImportance
		}
		if b.Importance != imp {
			b.Importance = imp
			b.Refresh()
		}
	}
}

// foldSearch is the search text as rows are matched: lower case,
// without the spaces around it.
func foldSearch(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// rowMessage is what the Message column says of row r: the engine's words
// at the moment of the snapshot, or what the person can do about a row
// that waits for them.
func (w *Window) rowMessage(r *engine.JobStatus) string {
	if r.State == engine.Queued && !w.phase.Busy() {
		return "Queued: press Start"
	}
	msg := r.Message(w.snapTime)
	if n := r.Resources.Missing; r.State == engine.Saved && n > 0 && !missingKnown(r) {
		// Reopened, the list knows how many were missing but not of how
		// many: "5 of 5 resources missing" would not be true.
		msg = strings.Replace(msg, fmt.Sprintf("%d of %d resources missing", n, r.Resources.Total),
			plural(n, "resource", "resources")+" missing", 1)
	}
	return msg
}

// missingKnown reports whether the addresses of r's missing resources are
// known: only in the session that saved the page.
func missingKnown(r *engine.JobStatus) bool {
	return slices.ContainsFunc(r.Missing, func(m engine.MissingResource) bool { return m.URL != "" })
}
