package gui

import (
	"context"
	"os"

	"pagekeeper/engine"
)

// onStart adds what is in the box and starts a run.
func (w *Window) onStart() {
	if !w.canStart() {
		return
	}
	// Settings first: if they are refused, the box keeps its addresses.
	if err := w.applySettings(); err != nil {
		w.showError(err)
		return
	}
	if w.boxParsed.ready > 0 {
		w.onAdd()
	}
	// The box may have held only addresses already in the list: a run with
	// nothing to do would end at once and report "0 pages saved".
	if c := w.totals.Counts; c[engine.Queued]+c[engine.Canceled] == 0 {
		return
	}
	w.startRun()
}

// startRun starts the engine on what is queued; the settings chosen were
// applied by the caller.
func (w *Window) startRun() {
	// The run lives until Stop, Drain or the window closes; Stop is how it
	// is canceled, so no context of ours is needed.
	if err := w.eng.Start(context.Background(), engine.FinishWhenDone()); err != nil {
		w.showError(err)
		return
	}
	w.resetRun()
	w.startupNote = ""
	w.refreshNow()
}

// onShortcutStart is Ctrl+Enter: Start when idle, or add the box to the
// running list.
func (w *Window) onShortcutStart() {
	if w.phase.Busy() {
		if w.boxParsed.ready > 0 {
			w.onAdd()
		}
		return
	}
	w.onStart()
}

// onStop cancels the run at once; unfinished rows end as Canceled and the
// next Start picks them up again.
func (w *Window) onStop() {
	if w.eng == nil {
		return
	}
	w.eng.Stop()
	w.refreshNow()
}

// onDrain finishes everything already in the list, then stops; the list
// takes no new addresses meanwhile.
func (w *Window) onDrain() {
	if w.eng == nil {
		return
	}
	w.eng.Drain()
	w.refreshNow()
}

// onRetryFailed queues every failed row again.
func (w *Window) onRetryFailed() {
	var ids []int
	for _, r := range w.rows {
		if r.State == engine.Failed {
			ids = append(ids, r.ID)
		}
	}
	w.retry(ids...)
}

// retry queues the jobs again and, when no run is under way, starts one:
// a person who presses Retry wants it tried now. After a Stop it only
// queues them, because Start would also resume every stopped row, which
// the person did not ask for; Start is then enabled.
func (w *Window) retry(ids ...int) {
	if w.eng == nil || len(ids) == 0 {
		return
	}
	n, err := w.eng.Retry(ids...)
	if err != nil {
		w.showError(err)
		return
	}
	w.refreshNow()
	if n == 0 || w.phase.Busy() || w.totals.Counts[engine.Canceled] > 0 {
		return
	}
	if err := w.applySettings(); err != nil {
		w.showError(err)
		return
	}
	w.startRun()
}

// onClearFinished forgets saved, failed and skipped rows.
func (w *Window) onClearFinished() {
	if w.eng == nil {
		return
	}
	selected := w.details.id
	w.remove(w.eng.ClearFinished())
	w.table.refresh()
	w.table.selectID(selected)
	if _, ok := w.row(selected); !ok {
		w.details.hide()
	}
	w.refreshNow()
}

// onOpenFolder shows the output folder in the system's file manager.
func (w *Window) onOpenFolder() {
	// The folder exists once the engine has checked it, but a person may
	// have removed it since.
	if err := os.MkdirAll(w.settings.folder, 0o755); err != nil {
		w.showError(err)
		return
	}
	w.openPath(w.settings.folder)
}
