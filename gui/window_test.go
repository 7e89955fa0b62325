package gui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestWindowControlsStartDisabled(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewWindow(a)
	if w.win.Title() != "Pagekeeper" {
		t.Fatalf("title = %q", w.win.Title())
	}
	for name, b := range map[string]interface{ Disabled() bool }{
		"Start": w.start, "Stop": w.stop, "Drain": w.drain,
	} {
		if !b.Disabled() {
			t.Errorf("%s is enabled without an engine", name)
		}
	}
}
