package gui

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
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
	message := widget.NewLabel("Pagekeeper is still downloading. What should happen to the addresses not saved yet?")
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
	// The list lives in the folder (the engine's journal), so the pages
	// not saved are still there at the next start: closing_test.go
	// checks this sentence stays true.
	hint := widget.NewLabel("“Stop and quit” drops the downloads under way; the list stays in the folder, and the next Start goes on with the pages not saved. " +
		"“Finish the list, then quit” saves every address in the list first, then closes Pagekeeper.")
	hint.Wrapping = fyne.TextWrapWord

	d = dialog.NewCustomWithoutButtons("Quit while saving?", container.NewVBox(message, hint), w.win)
	d.SetButtons([]fyne.CanvasObject{keep, drainQuit, stopQuit})
	d.Resize(fyne.NewSize(min(560, w.win.Canvas().Size().Width*0.9), 0))
	w.track(d, func() { w.askingClose = false })
	w.askingClose = true
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

// quit saves what should outlive the window, stops the pump, slow work
// and the engine, and ends the app.
func (w *Window) quit() {
	if w.hasQuit {
		return
	}
	w.hasQuit = true
	w.saveWindowSize()
	w.prefsOut.close() // the last change is on disk before the app ends
	w.stopTouching()
	if w.eng != nil {
		// Nothing runs by now in the usual case; Stop is for an app that
		// quits from elsewhere mid-run, so no transfer outlives it.
		w.eng.Stop()
	}
	if w.running {
		go w.exitIfStuck()
	}
	w.app.Quit()
}

// quitGrace is how long the window system may take to end its loop after
// Quit before the app ends without it.
const quitGrace = shutdownWait + 5*time.Second

// exitIfStuck ends the process when Fyne's loop does not return after
// Quit: Fyne 2.8.1 can wait forever for an event queued as it stops (an
// input event at the wrong moment). The list is written to the folder
// first, as the normal way out does.
func (w *Window) exitIfStuck() {
	t := time.NewTimer(quitGrace)
	defer t.Stop()
	select {
	case <-w.shutdownDone:
		return
	case <-t.C:
	}
	fmt.Fprintln(os.Stderr, "pagekeeper: the window system did not finish quitting; the list is saved and the app ends now")
	w.shutdown()
	os.Exit(0)
}

// shutdownWait bounds how long a quitting app waits for the engine to
// clean up after Stop; transfers abort at once, so this is ample.
const shutdownWait = 10 * time.Second

// shutdown runs after the app has quit, however it quit (the close button,
// a system menu's Quit): no transfer outlives the app and no half-written
// file is left behind, because the engine removes its temporary files as
// its workers exit.
func (w *Window) shutdown() {
	w.shutdownOnce.Do(func() {
		defer close(w.shutdownDone)
		w.stopTouching()
		if w.eng == nil {
			return
		}
		w.eng.Stop()
		select {
		case <-w.eng.Done():
			// The list is written to the folder and the folder let go, so
			// the next start (or another Pagekeeper) can open it.
			w.eng.Close()
		case <-time.After(shutdownWait):
		}
	})
}

// stopTouching makes sure nothing touches a widget any more: the pump
// stops (and its goroutine has exited when this returns), slow work is
// canceled, no tooltip is waiting, and functions already handed to the
// window's goroutine do nothing.
func (w *Window) stopTouching() {
	w.closed.Store(true)
	if w.pump != nil {
		w.pump.stop()
	}
	w.cancelWork()
	w.tips.cancel()
}

// quitOnSignals quits as the close button does when the system asks the
// app to end (SIGTERM, or Ctrl+C in a terminal): the pump stops, the run
// stops and its temporary files go, instead of the process dying with
// transfers open. The returned function stops listening.
func (w *Window) quitOnSignals() func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			w.do(w.quit)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// setQuitMenu routes the system's Quit (the application menu on a Mac)
// through onClose, so it asks about a running list like the close button
// and stops the pump before the app ends.
func (w *Window) setQuitMenu() {
	if runtime.GOOS != "darwin" {
		return // elsewhere a menu would be a bar inside the window
	}
	quit := fyne.NewMenuItem("Quit Pagekeeper", w.onClose)
	quit.IsQuit = true
	w.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File", quit),
		fyne.NewMenu("Help", fyne.NewMenuItem("About Pagekeeper", w.onAbout))))
}
