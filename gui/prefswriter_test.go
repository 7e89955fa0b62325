package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestPrefsWriterKeepsOrderAndTheLastChange: settings written off the
// window's goroutine arrive in the order made, the last one included once
// the writer is closed, and a change after that is still written.
func TestPrefsWriterKeepsOrderAndTheLastChange(t *testing.T) {
	a := test.NewTempApp(t)
	w := newPrefsWriter(a.Preferences(), true)
	for v := 1; v <= 500; v++ {
		w.set(func(p fyne.Preferences) { p.SetInt("n", v) })
	}
	w.close()
	if got := a.Preferences().Int("n"); got != 500 {
		t.Errorf("after close: %d, want the last change, 500", got)
	}
	w.set(func(p fyne.Preferences) { p.SetInt("n", 501) })
	if got := a.Preferences().Int("n"); got != 501 {
		t.Errorf("a change after close: %d", got)
	}
}
