package gui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// statusText says in words what is happening and what the list holds now:
// "Running — 12 of 40 saved · 4 at once per site", "Stopped — 2,005 not
// finished: press Start to go on". It is made from the counts of the list
// as it is, so it never outlives a Clear, a Remove or an Add.
func (w *Window) statusText() string {
	t := w.totals
	c := t.Counts
	saved, failed := c[engine.Saved], c[engine.Failed]
	todo := c[engine.Queued] + c[engine.Canceled]
	switch w.phase {
	case engine.Running:
		if w.quitWhenIdle {
			return fmt.Sprintf("Finishing the list, then quitting — %s of %s saved", count(saved), count(t.Jobs)) + w.paceText()
		}
		return fmt.Sprintf("Running — %s of %s saved", count(saved), count(t.Jobs)) + w.paceText()
	case engine.Draining:
		left := t.Jobs - t.Finished()
		if w.quitWhenIdle {
			return fmt.Sprintf("Finishing the list, then quitting — %s left", count(left)) + w.paceText()
		}
		return fmt.Sprintf("Draining — finishing %s left, then stopping", count(left)) + w.paceText()
	case engine.Stopping:
		if w.quitWhenIdle {
			return "Stopping, then quitting…"
		}
		return "Stopping…"
	}
	switch {
	case w.checking:
		return "Checking the folder…"
	case w.eng == nil:
		return "Choose a folder to keep the pages in"
	case t.Jobs == 0 && w.startupNote != "":
		return "Ready — using " + w.settings.folder
	case t.Jobs == 0:
		return "Ready"
	case todo > 0 && w.phase == engine.Stopped:
		return fmt.Sprintf("Stopped — %s not finished: press Start to go on", count(todo))
	case todo > 0:
		return fmt.Sprintf("Ready — %s queued: press Start", count(todo))
	}
	// Everything in the list has ended.
	s := "Finished — " + count(saved) + " saved"
	if saved == 0 && failed > 0 {
		s = "Finished — " + count(failed) + " failed"
	} else if failed > 0 {
		s += ", " + count(failed) + " failed"
	}
	if failed > 0 {
		s += ": Retry failed tries them again"
	}
	return s + w.archiveText()
}

// paceText says what holds the run back, when something does: the
// honest reason for a slow run or a missing estimate.
func (w *Window) paceText() string {
	t := w.totals
	switch {
	case t.Waiting > 0:
		return " · waiting for " + plural(t.Waiting, "slow site", "slow sites")
	case t.SiteLimited && t.PerSite > 0:
		return fmt.Sprintf(" · %d at once per site", t.PerSite)
	}
	return ""
}

func (w *Window) updateStatus() {
	setText(w.status, w.statusText())
	imp := widget.MediumImportance
	c := w.totals.Counts
	ended := w.totals.Jobs > 0 && c[engine.Queued]+c[engine.Canceled] == 0 && !w.phase.Busy()
	switch {
	case w.eng == nil || w.startupNote != "" || w.problem != "" || w.listProblem != "":
		imp = widget.WarningImportance
	case w.checking || w.phase.Busy():
	case ended && c[engine.Failed] > 0:
		imp = widget.WarningImportance
	case ended && w.phase == engine.Finished:
		imp = widget.SuccessImportance
	}
	if w.status.Importance != imp {
		w.status.Importance = imp
		w.status.Refresh()
	}
}

// canStart is whether Start has something to do and may run now.
func (w *Window) canStart() bool {
	if w.eng == nil || w.checking || w.phase.Busy() {
		return false
	}
	c := w.totals.Counts
	return c[engine.Queued] > 0 || c[engine.Canceled] > 0 || w.boxParsed.ready > 0
}

// updateButtons enables each control only when it makes sense now.
func (w *Window) updateButtons() {
	busy := w.phase.Busy()
	c := w.totals.Counts
	enable(w.start, w.canStart())
	enable(w.stop, w.phase == engine.Running || w.phase == engine.Draining)
	enable(w.drain, w.phase == engine.Running)
	enable(w.retryFailed, c[engine.Failed] > 0 && w.canChangeList())
	enable(w.clearFinished, w.eng != nil && c[engine.Saved]+c[engine.Skipped] > 0)
	// While draining the list takes nothing new.
	canAdd := w.eng != nil && !w.checking && w.canChangeList() && !w.adding
	enable(w.addButton, canAdd && w.boxParsed.ready > 0)
	enable(w.addFile, canAdd)
	enable(w.openFolder, w.eng != nil)
	enable(w.openIndex, w.eng != nil && w.indexFile.found && w.indexFile.folder == w.settings.folder)
	enable(w.export, len(w.rows) > 0)
	enable(w.chooseDir, !busy && !w.checking)
	w.updateChoices(!busy && !w.checking)
	for _, n := range []*numberControl{w.downloads, w.saves, w.perSite} {
		n.setEnabled(!busy && !w.checking)
	}
	w.details.updateButtons()
}

// enable sets a widget's state without a refresh when nothing changes,
// which matters ten times a second.
func enable(d interface {
	Disabled() bool
	Enable()
	Disable()
}, on bool) {
	switch {
	case on && d.Disabled():
		d.Enable()
	case !on && !d.Disabled():
		d.Disable()
	}
}

// setText changes a label's text only when it differs: SetText always
// refreshes.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}
