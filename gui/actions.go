package gui

import (
	"context"
	"errors"
	"net/url"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// onStart adds what is in the box and starts a run.
func (w *Window) onStart() {
	w.commitSettings()
	if !w.canStart() {
		return
	}
	// Settings first: if they are refused, the box keeps its addresses.
	w.withSettings(func() {
		if w.boxParsed.ready > 0 {
			w.onAdd()
		}
		// The box may have held only addresses already in the list: a
		// run with nothing to do would end at once and report "0 pages
		// saved".
		if c := w.totals.Counts; c[engine.Queued]+c[engine.Canceled] == 0 {
			return
		}
		w.startRun()
	})
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
	w.archive = ""
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
// the person did not ask for; the status then says "press Start".
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
	if n == 0 || w.phase.Busy() {
		return
	}
	if w.totals.Counts[engine.Canceled] > 0 {
		w.note("Queued " + plural(n, "row", "rows") + " again: press Start to download them with the rows not finished")
		return
	}
	w.commitSettings()
	w.withSettings(w.startRun)
}

// onClearFinished takes saved and skipped rows out of the list; failed
// rows stay, as work left to do.
func (w *Window) onClearFinished() {
	if w.eng == nil {
		return
	}
	gone := w.eng.ClearFinished()
	w.remove(gone)
	w.refreshNow()
	w.note("Cleared " + plural(len(gone), "finished row", "finished rows") + " (the files stay in the folder)")
}

// onOpenFolder shows the output folder in the system's file manager. The
// folder may have been removed since it was checked: it is made again
// first, off the window's goroutine.
func (w *Window) onOpenFolder() {
	dir := w.settings.folder
	w.background(func() {
		err := os.MkdirAll(dir, 0o755)
		w.do(func() {
			if err != nil {
				w.showError(errFolderGone(dir))
				return
			}
			w.openPath(dir, "the folder")
		})
	})
}

func errFolderGone(dir string) error {
	return errors.New(dir + " cannot be opened or made again. Choose another folder.")
}

// openPath opens a file or folder with the system's own application.
// Where the system cannot open files (no file manager, no browser set
// up), it says so and offers to copy the path instead of failing
// silently.
func (w *Window) openPath(path, what string) {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = w.app.OpenURL(u)
	}
	if err != nil {
		w.cannotOpen(path, what)
	}
}

// cannotOpen says the system could not open path and offers its path.
func (w *Window) cannotOpen(path, what string) {
	msg := widget.NewLabel("This system could not open " + what + ": no application is set up to open it. " +
		"Copy its place and open it from your file manager or browser.")
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewLabel(path)
	where.Selectable = true
	where.Wrapping = fyne.TextWrapBreak
	var d *dialog.CustomDialog
	copyPath := widget.NewButtonWithIcon("Copy the place", theme.ContentCopyIcon(), func() {
		w.app.Clipboard().SetContent(path)
		d.Hide()
	})
	copyPath.Importance = widget.HighImportance
	d = dialog.NewCustom("Could not open "+what, "Close", container.NewVBox(msg, where), w.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), copyPath})
	d.Resize(fyne.NewSize(min(520, w.win.Canvas().Size().Width*0.9), 0))
	w.track(d)
	d.Show()
}
