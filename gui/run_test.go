package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
)

func TestFullRunSavesEveryPage(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newTestWindow(t, cfg)
	const n = 12
	knobs := enginetest.Knobs{Size: 3000}
	w.box.SetText(lines(srv.Paths(n, knobs)...))

	test.AssertNotificationSent(t, fyne.NewNotification("Pagekeeper", "12 pages saved"), func() {
		test.Tap(w.start)
		waitUntil(t, w, "every row saved and the run finished", func() bool {
			return allIn(w, n, engine.Saved) && w.phase == engine.Finished
		})
	})

	for _, r := range w.rows {
		path := filepath.Join(cfg.OutputDir, filepath.FromSlash(r.SavedPath))
		info, err := os.Stat(path)
		if err != nil || info.Size() != knobs.BodySize() {
			t.Errorf("row %d: %s: %v", r.ID, r.SavedPath, err)
		}
		if r.SavedPath == "" || w.savedPath(*r) != path {
			t.Errorf("row %d: saved path %q, detail path %q", r.ID, r.SavedPath, w.savedPath(*r))
		}
	}
	if got := len(pageFiles(t, cfg.OutputDir)); got != n {
		t.Errorf("%d page files on disk, want %d", got, n)
	}
	if w.status.Text != "Finished — 12 saved" {
		t.Errorf("status = %q", w.status.Text)
	}
	if !strings.HasPrefix(w.footer.Text, "12 of 12 saved") {
		t.Errorf("footer = %q", w.footer.Text)
	}
	if w.overall.value != 1 {
		t.Errorf("overall progress = %v", w.overall.value)
	}
	assertEnabled(t, false, map[string]fyne.Disableable{"Start": w.start, "Stop": w.stop, "Drain": w.drain})
	assertEnabled(t, true, map[string]fyne.Disableable{"Clear finished": w.clearFinished, "Choose…": w.chooseDir})
	for p, rv := range w.table.visible {
		if rv.pos == p && (rv.cells[colProgress].Text != "100%" || !rv.bar.Visible()) {
			t.Errorf("row %d shows progress %q after the run", p, rv.cells[colProgress].Text)
		}
	}

	// Selecting a row shows its details.
	clickRow(t, w, 3, 0)
	if w.details.id != w.rows[3].ID || !w.details.root.Visible() {
		t.Fatalf("details show #%d", w.details.id)
	}
	if w.details.address.Text != w.rows[3].URL || w.details.state.Text != "Saved" || w.details.httpStatus.Text != "200" {
		t.Errorf("details: %q %q %q", w.details.address.Text, w.details.state.Text, w.details.httpStatus.Text)
	}
	if w.details.openFile.Disabled() || w.details.showInFolder.Disabled() || !w.details.retry.Disabled() {
		t.Error("detail buttons do not match a saved row")
	}
	test.Tap(w.details.copyAddr)
	if got := w.app.Clipboard().Content(); got != w.rows[3].URL {
		t.Errorf("clipboard = %q", got)
	}
}

func TestStopCancelsAndStartFinishes(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newTestWindow(t, cfg)
	const n = 6
	// About a second a page, so Stop lands mid-transfer.
	w.box.SetText(lines(srv.Paths(n, enginetest.Knobs{Size: 32 << 10, Drip: 30 * time.Millisecond})...))
	test.Tap(w.start)
	waitUntil(t, w, "a page to be on its way", func() bool { return anyMoving(w) })

	test.Tap(w.stop)
	waitUntil(t, w, "the run to stop", func() bool { return w.phase == engine.Stopped })
	if !allIn(w, n, engine.Canceled) {
		t.Errorf("rows after Stop: %v", states(w))
	}
	if files := pageFiles(t, cfg.OutputDir); len(files) != 0 {
		t.Errorf("Stop left files: %v", files)
	}
	if w.status.Text != "Stopped — 6 not finished: press Start to go on" {
		t.Errorf("status = %q", w.status.Text)
	}
	if w.overall.value != 0 || !strings.Contains(w.footer.Text, "6 not finished") {
		t.Errorf("a stopped list looks done: bar %v, footer %q", w.overall.value, w.footer.Text)
	}
	if w.start.Disabled() {
		t.Fatal("Start is disabled with canceled rows")
	}

	test.Tap(w.start)
	waitUntil(t, w, "every row saved", func() bool {
		return allIn(w, n, engine.Saved) && w.phase == engine.Finished
	})
	if got := len(pageFiles(t, cfg.OutputDir)); got != n {
		t.Errorf("%d page files, want %d", got, n)
	}
}

func TestDrainRefusesNewAddressesAndFinishes(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	const n = 4
	w.box.SetText(lines(srv.Paths(n, enginetest.Knobs{Size: 16 << 10, Drip: 20 * time.Millisecond})...))
	test.Tap(w.start)
	waitUntil(t, w, "a page to be on its way", func() bool { return anyMoving(w) })

	test.Tap(w.drain)
	if w.phase != engine.Draining || !strings.HasPrefix(w.status.Text, "Draining — finishing") {
		t.Fatalf("after Drain: phase %v, status %q", w.phase, w.status.Text)
	}
	if !w.drain.Disabled() || w.stop.Disabled() {
		t.Error("while draining, Drain should be disabled and Stop enabled")
	}

	late := srv.URLFor("/late", enginetest.Knobs{})
	w.box.SetText(late)
	if !w.addButton.Disabled() || !w.addFile.Disabled() {
		t.Error("while draining, the Add buttons should be disabled")
	}
	w.onShortcutStart() // Ctrl+Enter adds to a busy list; draining refuses
	if w.box.Text != late {
		t.Errorf("the refused address left the box: %q", w.box.Text)
	}
	if !strings.Contains(w.count.Text, engine.ErrDraining.Error()) {
		t.Errorf("count = %q, want the reason", w.count.Text)
	}
	if len(w.rows) != n {
		t.Errorf("%d rows, want %d", len(w.rows), n)
	}

	waitUntil(t, w, "the drained run to finish", func() bool {
		return allIn(w, n, engine.Saved) && w.phase == engine.Finished
	})

	// Once finished, the same address is taken.
	test.Tap(w.addButton)
	if len(w.rows) != n+1 || w.box.Text != "" {
		t.Errorf("after the run: %d rows, box %q", len(w.rows), w.box.Text)
	}
}

func TestRetryFailedRow(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1 // no retries inside the run: the first failure sticks
	w := newTestWindow(t, cfg)
	ok := srv.URLFor("/fine", enginetest.Knobs{})
	flaky := srv.URLFor("/flaky", enginetest.Knobs{FailTimes: 1, Status: 500})
	w.box.SetText(lines(ok, flaky))
	test.Tap(w.start)
	waitUntil(t, w, "the first run to finish", func() bool { return w.phase == engine.Finished })

	if w.rows[0].State != engine.Saved || w.rows[1].State != engine.Failed {
		t.Fatalf("states %v, want Saved, Failed", states(w))
	}
	if w.status.Text != "Finished — 1 saved, 1 failed: Retry failed tries them again" {
		t.Errorf("status = %q", w.status.Text)
	}
	if w.retryFailed.Disabled() {
		t.Error("Retry failed is disabled with a failed row")
	}
	if w.rows[1].Message(time.Now()) == "" {
		t.Error("the failed row says nothing about why")
	}

	clickRow(t, w, 1, 0)
	if w.details.retry.Disabled() || !w.details.openFile.Disabled() {
		t.Fatal("detail buttons do not match a failed row")
	}
	test.Tap(w.details.retry)
	waitUntil(t, w, "the retried row to be saved", func() bool {
		return allIn(w, 2, engine.Saved) && w.phase == engine.Finished
	})
	if w.details.state.Text != "Saved" || !w.details.retry.Disabled() {
		t.Errorf("details after retry: %q", w.details.state.Text)
	}
	if !w.retryFailed.Disabled() {
		t.Error("Retry failed is enabled with nothing failed")
	}
}

func TestClearFinishedRemovesRows(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(lines(srv.Paths(3, enginetest.Knobs{})...))
	test.Tap(w.start)
	waitUntil(t, w, "the run to finish", func() bool { return w.phase == engine.Finished })

	queued := srv.URLFor("/later", enginetest.Knobs{})
	w.box.SetText(queued)
	test.Tap(w.addButton)
	clickRow(t, w, 0, 0)

	before := w.eng.Snapshot()
	test.Tap(w.clearFinished)
	if len(w.rows) != 1 || w.rows[0].URL != queued || w.index[w.rows[0].ID] != 0 || len(w.index) != 1 {
		t.Fatalf("rows after clearing: %v", w.rows)
	}
	if rows := w.table.length(); rows != 1 {
		t.Errorf("the table has %d rows", rows)
	}
	if w.details.root.Visible() {
		t.Error("the details of a cleared row are still shown")
	}
	if !w.clearFinished.Disabled() {
		t.Error("Clear finished is enabled with nothing finished")
	}
	if !strings.HasPrefix(w.footer.Text, "0 of 1 saved") {
		t.Errorf("footer = %q", w.footer.Text)
	}

	// A snapshot taken before the clear, arriving late, brings nothing back.
	before.Version = w.applied
	w.apply(before)
	if len(w.rows) != 1 {
		t.Errorf("a late snapshot brought back %d rows", len(w.rows)-1)
	}
}

func TestLargePasteSkipsTheBox(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	const n = 10000
	var b strings.Builder
	for i := range n {
		b.WriteString("https://example.com/page/")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("/")
		b.WriteString(itoa(i))
		b.WriteString("\n")
		if i%2000 == 0 {
			b.WriteString("this is not an address\n")
		}
	}
	clip := test.NewClipboard()
	clip.SetContent(b.String())

	start := time.Now()
	w.box.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	t.Logf("a paste of %d lines took %v", n, time.Since(start))

	if len(w.rows) != n {
		t.Fatalf("%d rows, want %d", len(w.rows), n)
	}
	if want := strings.Repeat("this is not an address\n", 4) + "this is not an address"; w.box.Text != want {
		t.Errorf("the box holds %d bytes, want only the 5 rejected lines", len(w.box.Text))
	}
	if !strings.HasPrefix(w.count.Text, "Added 10,000 addresses · 5 lines not understood (left in the box)") {
		t.Errorf("count = %q", w.count.Text)
	}
	if len(w.rejects) != 5 || w.rejects[0].Line != 2 {
		t.Errorf("rejects = %+v", w.rejects)
	}
	if w.footer.Text != "0 of 10,000 saved" {
		t.Errorf("footer = %q", w.footer.Text)
	}

	// A small paste goes into the box as usual.
	w.box.SetText("")
	clip.SetContent(lines("example.org", "example.net"))
	w.box.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if w.box.Text != lines("example.org", "example.net") || len(w.rows) != n {
		t.Errorf("small paste: box %q, %d rows", w.box.Text, len(w.rows))
	}
}

func TestRejectsBeyondTheBoxLimit(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	var b strings.Builder
	for i := range 1000 {
		b.WriteString("bad line " + itoa(i) + "\n")
	}
	clip := test.NewClipboard()
	clip.SetContent(b.String())
	w.box.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got := strings.Count(w.box.Text, "\n") + 1; got != maxLeftInBox {
		t.Errorf("the box holds %d lines, want %d", got, maxLeftInBox)
	}
	if len(w.rejects) != 1000 {
		t.Errorf("the show list has %d lines, want all 1000", len(w.rejects))
	}
	if !strings.Contains(w.count.Text, "1,000 lines not understood (the first 200 are in the box)") {
		t.Errorf("count = %q", w.count.Text)
	}
}

func TestAddFromFile(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	addListFile(t, w, "list.txt", lines("example.com", "example.org", "nonsense here"))
	if len(w.rows) != 2 {
		t.Errorf("%d rows, want 2", len(w.rows))
	}
	if w.box.Text != "" {
		t.Errorf("the file went through the box: %q", w.box.Text)
	}
	if !strings.HasPrefix(w.count.Text, "Added 2 addresses from list.txt · 1 line not understood") {
		t.Errorf("count = %q", w.count.Text)
	}

	w.previewList("film.mp4", textFile("\x00\x01binary"))
	if topOverlay(w) == nil || len(w.rows) != 2 {
		t.Error("a binary file was not refused with a message")
	}
}

// TestStartWithOnlyKnownAddressesDoesNothing: a box holding only addresses
// already in the list adds nothing, so Start must not begin an empty run
// that ends at once with "0 pages saved".
func TestStartWithOnlyKnownAddressesDoesNothing(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	addrs := srv.Paths(2, enginetest.Knobs{})
	w.box.SetText(lines(addrs...))
	test.Tap(w.start)
	waitUntil(t, w, "the first run to finish", func() bool { return w.phase == engine.Finished })

	w.box.SetText(lines(addrs...))
	test.Tap(w.start)
	if w.phase != engine.Finished || w.eng.Phase() != engine.Finished {
		t.Fatalf("Start with nothing new began a run: phase %v", w.eng.Phase())
	}
	if !strings.Contains(w.count.Text, "2") {
		t.Errorf("count = %q, want the duplicates reported", w.count.Text)
	}
}

// TestRetryAfterStopOnlyQueues: retrying one failed row after a Stop must
// not silently resume every stopped row; it queues the row and Start does
// the rest when the person asks.
func TestRetryAfterStopOnlyQueues(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	w := newTestWindow(t, cfg)
	failing := srv.URLFor("/fails", enginetest.Knobs{Status: 500})
	slow := srv.Paths(3, enginetest.Knobs{Size: 64 << 10, Drip: 20 * time.Millisecond})
	w.box.SetText(lines(append([]string{failing}, slow...)...))
	test.Tap(w.start)
	waitUntil(t, w, "the failure and a transfer under way", func() bool {
		return w.totals.Counts[engine.Failed] == 1 && anyMoving(w)
	})
	test.Tap(w.stop)
	waitUntil(t, w, "the stop", func() bool { return w.phase == engine.Stopped })

	test.Tap(w.retryFailed)
	if w.eng.Phase() != engine.Stopped {
		t.Fatalf("Retry after Stop started a run: phase %v", w.eng.Phase())
	}
	if c := w.totals.Counts; c[engine.Queued] != 1 || c[engine.Canceled] != 3 || w.start.Disabled() {
		t.Errorf("counts %v, Start disabled %v; want the row queued and Start ready", c, w.start.Disabled())
	}
}
