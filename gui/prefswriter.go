package gui

import "fyne.io/fyne/v2"

// prefsWriter writes the remembered settings off the window's goroutine,
// in the order they were made: Fyne saves (and syncs) its file inside
// every Set, and a click on + must not wait for a sleeping disk. Tests
// write at once.
type prefsWriter struct {
	prefs  fyne.Preferences
	queue  chan func(fyne.Preferences) // nil: write at once
	done   chan struct{}
	closed bool
}

func newPrefsWriter(p fyne.Preferences, async bool) *prefsWriter {
	w := &prefsWriter{prefs: p}
	if async {
		w.queue = make(chan func(fyne.Preferences), 64)
		w.done = make(chan struct{})
		go w.run()
	}
	return w
}

func (w *prefsWriter) run() {
	defer close(w.done)
	for set := range w.queue {
		set(w.prefs)
	}
}

// set has the preferences changed by f. Like close, it is called on the
// window's goroutine only.
func (w *prefsWriter) set(f func(fyne.Preferences)) {
	if w.queue == nil || w.closed {
		f(w.prefs)
		return
	}
	w.queue <- f
}

// close writes what is queued and stops; call it once, before the app
// quits, so the last change is kept.
func (w *prefsWriter) close() {
	if w.queue != nil && !w.closed {
		w.closed = true // later changes (an event after Quit) are written at once
		close(w.queue)
		<-w.done
	}
}
