//go:build unix

package gui

import (
	"os"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestSignalQuitsLikeTheCloseButton: SIGTERM stops the run and the pump
// and ends the app, on the window's goroutine, and afterwards nothing
// reaches a widget.
func TestSignalQuitsLikeTheCloseButton(t *testing.T) {
	uiQueue := make(chan func(), 16)
	w := newWindow(test.NewTempApp(t), options{config: testConfig(t), do: func(f func()) { uiQueue <- f }, background: inline})
	for len(uiQueue) > 0 {
		(<-uiQueue)()
	}
	if w.eng == nil {
		t.Fatal("no engine")
	}
	t.Cleanup(func() { w.eng.Close() })
	queue(t, w, 2)
	stop := w.quitOnSignals()
	defer stop()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case f := <-uiQueue:
		f()
	case <-time.After(30 * time.Second):
		t.Fatal("SIGTERM did not reach the window")
	}
	if !w.hasQuit || !w.closed.Load() {
		t.Fatal("SIGTERM did not quit")
	}
	select {
	case <-w.pump.quit:
	default:
		t.Error("the pump still runs")
	}
	touched := false
	w.do(func() { touched = true })
	for len(uiQueue) > 0 {
		(<-uiQueue)()
	}
	if touched {
		t.Error("a function reached the widgets after the window closed")
	}
}
