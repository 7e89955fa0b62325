package gui

import (
	"testing"
)

// TestIdlePumpLeavesTheWindowAlone: with nothing changing, a tick hands
// nothing to the window's goroutine, so an idle window does no work.
func TestIdlePumpLeavesTheWindowAlone(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3)
	calls := 0
	p := newPump(w.eng, func(f func()) { calls++; f() }, w.apply)
	p.tick() // the first tick brings the list
	calls = 0
	for range 5 {
		p.tick()
	}
	if calls != 0 {
		t.Errorf("an idle list woke the window %d times", calls)
	}
	if _, err := w.eng.Add("example.net/new"); err != nil {
		t.Fatal(err)
	}
	p.tick()
	if calls != 1 {
		t.Errorf("a change woke the window %d times, want 1", calls)
	}
}
