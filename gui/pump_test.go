package gui

import (
	"fmt"
	"strings"
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

// TestBigChangesArriveInParts: a change of many rows reaches the window
// in parts, each a short call on its goroutine, and a refresh between
// two parts loses no row.
func TestBigChangesArriveInParts(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	var held []func()
	p := newPump(w.eng, func(f func()) { held = append(held, f) }, w.apply)
	queue(t, w, 3) // the window knows the list from here
	p.last = w.applied
	const n = 2*applyBatch + 500
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "https://example.org/%d\n", i)
	}
	if _, err := w.eng.Add(b.String()); err != nil {
		t.Fatal(err)
	}
	p.tick()
	if len(held) != 3 {
		t.Fatalf("%d calls handed to the window, want 3 parts", len(held))
	}
	held[0]()
	if len(w.rows) != 3+applyBatch {
		t.Fatalf("%d rows after the first part", len(w.rows))
	}
	// A person adds an address between two parts: the window shows it at
	// once, with a newer version than the parts still to come.
	if _, err := w.eng.Add("example.net/later"); err != nil {
		t.Fatal(err)
	}
	w.refreshNow()
	held[1]()
	held[2]()
	if len(w.rows) != 3+n+1 {
		t.Errorf("%d rows, want %d", len(w.rows), 3+n+1)
	}
	for i, r := range w.rows {
		if i > 0 && r.ID <= w.rows[i-1].ID {
			t.Fatalf("rows out of order at %d", i)
		}
	}
	if p.waiting.Load() {
		t.Error("the pump still waits after the last part")
	}
}
