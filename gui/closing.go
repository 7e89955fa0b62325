package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onClose runs when the person closes the window. An idle window just
// quits; a running one asks what to do with the work under way.
func (w *Window) onClose() {
	if w.eng == nil || !w.eng.Phase().Busy() {
		w.quit()
		return
	}
	if !w.askingClose {
		w.askBeforeClosing()
	}
}

// askBeforeClosing offers the three ways out of a running list.
func (w *Window) askBeforeClosing() {
	var d *dialog.CustomDialog
	message := widget.NewLabel("Pagekeeper is still saving pages. What should happen to the ones not saved yet?")
	message.Wrapping = fyne.TextWrapWord
	stopQuit := widget.NewButtonWithIcon("Stop and quit", theme.MediaStopIcon(), func() {
		d.Hide()
		w.onStopAndQuit()
	})
	stopQuit.Importance = widget.DangerImportance
	drainQuit := widget.NewButtonWithIcon("Finish the list, then quit", theme.MediaFastForwardIcon(), func() {
		d.Hide()
		w.onFinishAndQuit()
	})
	drainQuit.Importance = widget.HighImportance
	keep := widget.NewButton("Keep running", func() { d.Hide() })
	hint := widget.NewLabel("Stopped pages are kept in the list for the next time you press Start.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance

	d = dialog.NewCustomWithoutButtons("Quit while saving?", container.NewVBox(message, hint), w.win)
	d.SetButtons([]fyne.CanvasObject{keep, drainQuit, stopQuit})
	d.Resize(fyne.NewSize(min(560, w.win.Canvas().Size().Width*0.9), 0))
	w.track(d)
	w.askingClose = true
	d.SetOnClosed(func() { w.askingClose = false })
	d.Show()
}

// onStopAndQuit cancels the run; the window quits once the engine has
// stopped, when the pump sees it idle.
func (w *Window) onStopAndQuit() {
	w.quitWhenIdle = true
	w.eng.Stop()
	w.refreshNow()
}

// onFinishAndQuit drains the list; the window quits once it is finished.
func (w *Window) onFinishAndQuit() {
	w.quitWhenIdle = true
	w.eng.Drain()
	w.refreshNow()
}

// quit saves what should outlive the window, stops the pump and the
// engine, and ends the app.
func (w *Window) quit() {
	if w.hasQuit {
		return
	}
	w.hasQuit = true
	w.saveWindowSize()
	if w.pump != nil {
		w.pump.stop()
	}
	if w.eng != nil {
		// Nothing runs by now in the usual case; Stop is for an app that
		// quits from elsewhere mid-run, so no transfer outlives it.
		w.eng.Stop()
	}
	w.app.Quit()
}

// shutdownWait bounds how long a quitting app waits for the engine to
// clean up after Stop; transfers abort at once, so this is ample.
const shutdownWait = 10 * time.Second

// shutdown runs after the app has quit, however it quit (the close button,
// a system menu's Quit): no transfer outlives the app and no half-written
// file is left behind, because the engine removes its temporary files as
// its workers exit.
func (w *Window) shutdown() {
	if w.pump != nil {
		w.pump.stop()
	}
	if w.eng == nil {
		return
	}
	w.eng.Stop()
	select {
	case <-w.eng.Done():
	case <-time.After(shutdownWait):
	}
}
