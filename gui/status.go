package gui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// statusText says in words what the engine is doing: "Running — 12 of 40
// saved", "Stopped — 5 not finished".
func (w *Window) statusText() string {
	t := w.totals
	saved, failed := t.Counts[engine.Saved], t.Counts[engine.Failed]
	switch w.phase {
	case engine.Running:
		return fmt.Sprintf("Running — %s of %s saved", count(saved), count(t.Jobs))
	case engine.Draining:
		return fmt.Sprintf("Draining — finishing %s queued", count(t.Jobs-t.Finished()))
	case engine.Stopping:
		return "Stopping…"
	case engine.Stopped:
		return fmt.Sprintf("Stopped — %s not finished", count(t.Counts[engine.Canceled]))
	case engine.Finished:
		s := fmt.Sprintf("Finished — %s saved", count(saved))
		if failed > 0 {
			s += fmt.Sprintf(", %s failed", count(failed))
		}
		return s
	}
	if w.eng == nil {
		return "Choose a folder to keep the pages in"
	}
	if w.startupNote != "" {
		return "Ready — using " + w.settings.folder
	}
	return "Ready"
}

func (w *Window) updateStatus() {
	setText(w.status, w.statusText())
	imp := widget.MediumImportance
	switch {
	case w.phase == engine.Finished && w.totals.Counts[engine.Failed] > 0:
		imp = widget.WarningImportance
	case w.phase == engine.Finished:
		imp = widget.SuccessImportance
	case w.eng == nil || w.startupNote != "":
		imp = widget.WarningImportance
	}
	if w.status.Importance != imp {
		w.status.Importance = imp
		w.status.Refresh()
	}
}

// canStart is whether Start has something to do and may run now.
func (w *Window) canStart() bool {
	if w.eng == nil || w.phase.Busy() {
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
	enable(w.retryFailed, w.eng != nil && c[engine.Failed] > 0 && w.phase != engine.Draining && w.phase != engine.Stopping)
	enable(w.clearFinished, w.eng != nil && c[engine.Saved]+c[engine.Failed]+c[engine.Skipped] > 0)
	// While draining the list takes nothing new.
	canAdd := w.eng != nil && w.phase != engine.Draining
	enable(w.addButton, canAdd && w.boxParsed.ready > 0)
	enable(w.addFile, canAdd)
	enable(w.openFolder, w.eng != nil)
	enable(w.chooseDir, !busy)
	w.downloads.setEnabled(!busy)
	w.saves.setEnabled(!busy)
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
