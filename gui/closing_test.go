package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
)

// startSlowRun starts a run that stays busy for a while.
func startSlowRun(t *testing.T, w *Window, srv *enginetest.Server, n int) {
	t.Helper()
	w.box.SetText(lines(srv.Paths(n, enginetest.Knobs{Size: 32 << 10, Drip: 30 * time.Millisecond})...))
	test.Tap(w.start)
	if w.phase != engine.Running {
		t.Fatalf("phase %v after Start", w.phase)
	}
}

func TestCloseWhileIdleQuits(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(-100, -20))
	w.onClose()
	if !w.hasQuit {
		t.Fatal("closing an idle window did not quit")
	}
	if topOverlay(w) != nil {
		t.Error("closing an idle window asked a question")
	}
	if got := w.prefs.Float(prefWindowWidth); got != 1000 {
		t.Errorf("remembered width %v, want 1000", got)
	}
	select {
	case <-w.pump.quit:
	default:
		t.Error("the pump was not stopped")
	}
}

func TestCloseWhileRunningAsks(t *testing.T) {
	for _, tc := range []struct {
		choice    string
		wantPhase engine.Phase
		wantState engine.State
		quits     bool
	}{
		{"Stop and quit", engine.Stopped, engine.Canceled, true},
		{"Finish the list, then quit", engine.Finished, engine.Saved, true},
		{"Keep running", engine.Running, 0, false},
	} {
		t.Run(tc.choice, func(t *testing.T) {
			srv := enginetest.New(t)
			w := newTestWindow(t, testConfig(t))
			const n = 3
			startSlowRun(t, w, srv, n)

			w.onClose()
			top := topOverlay(w)
			if top == nil {
				t.Fatal("closing during a run asked nothing")
			}
			for _, b := range []string{"Stop and quit", "Finish the list, then quit", "Keep running"} {
				button(t, top, b)
			}
			w.onClose() // a second click on the close button asks no second time
			if len(w.dialogs) != 1 {
				t.Errorf("%d dialogs open", len(w.dialogs))
			}

			test.Tap(button(t, top, tc.choice))
			if topOverlay(w) != nil {
				t.Error("the dialog stayed open")
			}
			if !tc.quits {
				w.pump.tick()
				if w.hasQuit || w.phase != engine.Running {
					t.Errorf("Keep running: hasQuit %v, phase %v", w.hasQuit, w.phase)
				}
				return
			}
			if w.hasQuit {
				t.Fatal("quit before the engine ended")
			}
			waitUntil(t, w, "the window to quit", func() bool { return w.hasQuit })
			if w.phase != tc.wantPhase || w.eng.Phase() != tc.wantPhase {
				t.Errorf("phase %v (engine %v), want %v", w.phase, w.eng.Phase(), tc.wantPhase)
			}
			if !allIn(w, n, tc.wantState) {
				t.Errorf("states %v, want all %v", states(w), tc.wantState)
			}
			select {
			case <-w.eng.Done():
			default:
				t.Error("quit before the engine's pools exited")
			}
		})
	}
}

// TestQuitDialogSaysOnlyWhatIsTrue: the list is kept in the folder (the
// engine's journal), so the dialog may say stopped pages wait for the
// next Start; this test is what makes that sentence true. The hint is
// readable text, not the disabled colour.
func TestQuitDialogSaysOnlyWhatIsTrue(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	a := test.NewTempApp(t)
	w := newWindow(a, options{config: cfg, do: inline, background: inline})
	startSlowRun(t, w, srv, 3)
	w.onClose()
	top := topOverlay(w)
	labels := findAll(top, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.Label); return ok })
	promise := false
	for _, l := range labels {
		l := l.(*widget.Label)
		if l.Importance == widget.LowImportance {
			t.Errorf("%q is written in the disabled colour", l.Text)
		}
		if strings.Contains(l.Text, "next Start") {
			promise = true
		}
	}
	if !promise {
		t.Error("the dialog does not say what happens to pages not saved")
	}
	test.Tap(button(t, top, "Stop and quit"))
	waitUntil(t, w, "the window to quit", func() bool { return w.hasQuit })
	w.shutdown()

	again := newWindow(test.NewTempApp(t), options{config: cfg, do: inline, background: inline})
	t.Cleanup(func() { again.pump.stop(); again.eng.Close() })
	if len(again.rows) != 3 {
		t.Fatalf("after quitting, the list holds %d rows, want the 3 stopped", len(again.rows))
	}
	if !again.canStart() || !strings.Contains(again.status.Text, "press Start") {
		t.Errorf("status %q", again.status.Text)
	}
}
