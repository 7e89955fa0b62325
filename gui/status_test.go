package gui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
)

// TestStatusDescribesTheListNow: after a run, clearing, adding and
// stopping, the status and the count line say what the list holds now,
// never what it held before.
func TestStatusDescribesTheListNow(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(lines(srv.Paths(2, enginetest.Knobs{})...))
	test.Tap(w.start)
	waitUntil(t, w, "the run to finish", func() bool { return w.phase == engine.Finished })
	if w.status.Text != "Finished — 2 saved" {
		t.Fatalf("status %q", w.status.Text)
	}

	test.Tap(w.clearFinished)
	if w.status.Text != "Ready" || w.footer.Text != "Nothing in the list yet" {
		t.Errorf("after clearing: status %q, footer %q", w.status.Text, w.footer.Text)
	}

	w.box.SetText(lines(srv.Paths(5, enginetest.Knobs{Size: 32 << 10, Drip: 30 * time.Millisecond})[2:]...))
	test.Tap(w.addButton)
	if w.status.Text != "Ready — 3 queued: press Start" {
		t.Errorf("with 3 queued after a finished run: status %q", w.status.Text)
	}
	if !strings.HasPrefix(w.count.Text, "Added 3 addresses") {
		t.Fatalf("count %q", w.count.Text)
	}
	test.Tap(w.start)
	if strings.HasPrefix(w.count.Text, "Added") {
		t.Errorf("the count line still reports the Add once the run started: %q", w.count.Text)
	}
	if got := rowViewAt(t, w, 0).cells[colMessage].Text; got == "Queued: press Start" {
		t.Errorf("a row still says %q while the run is under way", got)
	}
	waitUntil(t, w, "a transfer", func() bool { return anyMoving(w) })
	test.Tap(w.stop)
	waitUntil(t, w, "the stop", func() bool { return w.phase == engine.Stopped })
	w.box.SetText(lines("example.org/a", "example.org/b"))
	test.Tap(w.addButton)
	if w.status.Text != "Stopped — 5 not finished: press Start to go on" {
		t.Errorf("stopped with 3 canceled and 2 queued: status %q", w.status.Text)
	}
}

func TestPerSiteLimitIsASetting(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	if w.perSite.Value() != 4 {
		t.Errorf("per site %d, want 4", w.perSite.Value())
	}
	test.Tap(w.perSite.minus)
	if w.prefs.Int(prefPerSite) != 3 || w.engineConfig().PerHost != 3 {
		t.Errorf("remembered %d, config %d", w.prefs.Int(prefPerSite), w.engineConfig().PerHost)
	}
	queue(t, w, 1)
	test.Tap(w.start)
	if got := w.eng.Config().PerHost; got != 3 {
		t.Errorf("the run uses %d per site", got)
	}
	// The status says when the limit is what holds the run back.
	tot := w.totals
	tot.SiteLimited, tot.PerSite = true, 3
	w.applyAt(engine.Snapshot{Version: w.applied, Phase: engine.Running, Totals: tot}, true)
	if !strings.HasSuffix(w.status.Text, " · 3 at once per site") {
		t.Errorf("status %q", w.status.Text)
	}
	tot.SiteLimited, tot.Waiting = false, 1
	w.applyAt(engine.Snapshot{Version: w.applied, Phase: engine.Running, Totals: tot}, true)
	if !strings.HasSuffix(w.status.Text, " · waiting for 1 slow site") || !strings.Contains(w.footer.Text, "waiting for 1 slow site") {
		t.Errorf("status %q, footer %q", w.status.Text, w.footer.Text)
	}
}

// TestRetryAfterStopSaysWhatNext: the row is queued and the window says
// to press Start.
func TestRetryAfterStopSaysWhatNext(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	w := newTestWindow(t, cfg)
	failing := srv.URLFor("/fails", enginetest.Knobs{Status: 500})
	slow := srv.Paths(2, enginetest.Knobs{Size: 64 << 10, Drip: 20 * time.Millisecond})
	w.box.SetText(lines(append([]string{failing}, slow...)...))
	test.Tap(w.start)
	waitUntil(t, w, "the failure", func() bool { return w.totals.Counts[engine.Failed] == 1 && anyMoving(w) })
	test.Tap(w.stop)
	waitUntil(t, w, "the stop", func() bool { return w.phase == engine.Stopped })
	clickRow(t, w, 0, 0)
	test.Tap(w.details.retry)
	if !strings.Contains(w.notice.Text, "press Start") || !strings.Contains(w.status.Text, "press Start") {
		t.Errorf("notice %q, status %q", w.notice.Text, w.status.Text)
	}
	if got := rowViewAt(t, w, 0).cells[colMessage].Text; got != "Queued: press Start" {
		t.Errorf("the row says %q", got)
	}
}

func TestFinishAndQuitSaysItWillQuit(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	startSlowRun(t, w, srv, 3)
	w.onClose()
	test.Tap(button(t, topOverlay(w), "Finish the list, then quit"))
	if !strings.HasPrefix(w.status.Text, "Finishing the list, then quitting") {
		t.Errorf("status %q", w.status.Text)
	}
}

// TestChromeIsDrawnAtMostTwiceASecond: progress alone redraws the status
// and footer at most every chromeInterval; what a person did, at once.
func TestChromeIsDrawnAtMostTwiceASecond(t *testing.T) {
	var c chromeClock
	t0 := time.Unix(1000, 0)
	if !c.due(t0, false) {
		t.Fatal("the first drawing waits")
	}
	if c.due(t0.Add(chromeInterval/2), false) || !c.stale {
		t.Error("drawn again within the interval")
	}
	if !c.due(t0.Add(chromeInterval/2), true) {
		t.Error("an urgent drawing waits")
	}
	if !c.due(t0.Add(2*chromeInterval), false) || c.stale {
		t.Error("not drawn after the interval")
	}
}

func TestCountLineWithNothingReady(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText("not an address")
	if w.count.Text != "1 line not understood" {
		t.Errorf("count %q", w.count.Text)
	}
}

// TestIdleChangesAreDrawnAtOnce: without a run, a change that comes just
// after a person's action (a row found failed by the folder check) still
// updates the counts and buttons; nothing later would draw it.
func TestIdleChangesAreDrawnAtOnce(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	job := engine.JobStatus{ID: 1, URL: "https://example.com/", State: engine.Saved, Version: 1}
	var totals engine.Totals
	totals.Counts[engine.Saved] = 1
	w.applyAt(engine.Snapshot{Version: 1, Phase: engine.Idle, Totals: totals, Jobs: []engine.JobStatus{job}, Full: true}, true)
	job.State, job.Version = engine.Failed, 2
	totals.Counts[engine.Saved], totals.Counts[engine.Failed] = 0, 1
	w.applyAt(engine.Snapshot{Version: 2, Phase: engine.Idle, Totals: totals, Jobs: []engine.JobStatus{job}}, false)
	if w.retryFailed.Disabled() {
		t.Error("a failed row while idle left Retry failed disabled")
	}
}
