package gui

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/appinfo"
	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
	"pagekeeper/engine/page/pagetest"
)

// newWindowWithPrefs opens a window that reads and writes prefs, so a
// test can open a second one on what the first remembered.
func newWindowWithPrefs(t testing.TB, cfg engine.Config, prefs fyne.Preferences) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	if prefs == nil {
		prefs = a.Preferences()
	}
	w := newWindow(a, options{config: cfg, do: inline, background: inline, prefs: prefs})
	if w.eng == nil {
		t.Fatalf("no engine: %s", w.startupNote)
	}
	t.Cleanup(func() { closeWindow(t, w) })
	return w
}

// closeWindow quits w as the close button does on an idle window, and
// lets its folder go as the app does when it ends.
func closeWindow(t testing.TB, w *Window) {
	t.Helper()
	w.quit()
	w.pump.stop()
	w.eng.Stop()
	select {
	case <-w.eng.Done():
		w.eng.Close()
	case <-time.After(30 * time.Second):
		t.Error("the engine did not stop")
	}
}

// TestPageChoicesAreRememberedAndReachTheEngine: a first start keeps
// complete pages with their scripts, no web archive and no new copies;
// each choice reaches the engine at once and is there at the next start.
func TestPageChoicesAreRememberedAndReachTheEngine(t *testing.T) {
	cfg := testConfig(t)
	cfg.Format = nil // the app's own default
	w := newWindowWithPrefs(t, cfg, nil)
	if w.format.Selected != "Complete page (one file)" || !w.keepScripts.Checked || w.keepScripts.Disabled() ||
		w.wacz.Checked || w.newCopy.Checked {
		t.Fatalf("first start: format %q, keep scripts %v (disabled %v), web archive %v, new copy %v",
			w.format.Selected, w.keepScripts.Checked, w.keepScripts.Disabled(), w.wacz.Checked, w.newCopy.Checked)
	}
	if got := w.eng.Config(); got.Format != (engine.Complete{KeepScripts: true}) || got.WACZ || got.NewCopy {
		t.Fatalf("engine: format %#v, WACZ %v, new copy %v", got.Format, got.WACZ, got.NewCopy)
	}
	for _, want := range []string{"scripts", "cannot reach the internet", "Untick"} {
		if !strings.Contains(w.keepScripts.tip, want) {
			t.Errorf("the Keep scripts tooltip does not say %q: %q", want, w.keepScripts.tip)
		}
	}
	for _, want := range []string{"WACZ", "standard format", "ReplayWeb.page"} {
		if !strings.Contains(w.wacz.tip, want) {
			t.Errorf("the web archive tooltip does not say %q: %q", want, w.wacz.tip)
		}
	}

	test.Tap(w.keepScripts)
	if got := w.eng.Config().Format; got != (engine.Complete{KeepScripts: false}) {
		t.Errorf("after unticking Keep scripts the engine keeps %#v", got)
	}
	w.format.SetSelected("Page as served")
	if !w.keepScripts.Disabled() {
		t.Error("Keep scripts can be ticked for pages as served")
	}
	test.Tap(w.wacz)
	test.Tap(w.newCopy)
	if got := w.eng.Config(); got.Format != (engine.AsServed{}) || !got.WACZ || !got.NewCopy {
		t.Errorf("engine: format %#v, WACZ %v, new copy %v", got.Format, got.WACZ, got.NewCopy)
	}

	// The next start shows and uses what was chosen.
	prefs := w.prefs
	closeWindow(t, w)
	again := newWindowWithPrefs(t, cfg, prefs)
	if again.format.Selected != "Page as served" || again.keepScripts.Checked || !again.keepScripts.Disabled() ||
		!again.wacz.Checked || !again.newCopy.Checked {
		t.Errorf("next start: format %q, keep scripts %v, web archive %v, new copy %v",
			again.format.Selected, again.keepScripts.Checked, again.wacz.Checked, again.newCopy.Checked)
	}
	if got := again.eng.Config(); got.Format != (engine.AsServed{}) || !got.WACZ || !got.NewCopy {
		t.Errorf("next start's engine: format %#v, WACZ %v, new copy %v", got.Format, got.WACZ, got.NewCopy)
	}
}

// TestChoicesWaitWhileRunning: what is kept cannot change under a run.
func TestChoicesWaitWhileRunning(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(srv.URLFor("/slow", enginetest.Knobs{Latency: 2 * time.Second}))
	test.Tap(w.start)
	assertEnabled(t, false, map[string]fyne.Disableable{"format": w.format, "web archive": w.wacz, "new copy": w.newCopy})
	test.Tap(w.stop)
	waitUntil(t, w, "the run stopped", func() bool { return !w.phase.Busy() })
	assertEnabled(t, true, map[string]fyne.Disableable{"format": w.format, "web archive": w.wacz, "new copy": w.newCopy})
}

// TestNewCopyTick: an address this folder already kept is skipped with
// the date it was kept, until "Save a new copy" is ticked.
func TestNewCopyTick(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newTestWindow(t, cfg)
	addr := srv.URLFor("/kept", enginetest.Knobs{Size: 500})
	w.box.SetText(addr)
	test.Tap(w.start)
	waitUntil(t, w, "the page saved", func() bool { return allIn(w, 1, engine.Saved) && !w.phase.Busy() })
	test.Tap(w.clearFinished)

	w.box.SetText(addr)
	test.Tap(w.addButton)
	if !allIn(w, 1, engine.Skipped) {
		t.Fatalf("states %v, want Skipped", states(w))
	}
	msg := rowViewAt(t, w, 0).cells[colMessage].Text
	if !strings.HasPrefix(msg, "Already saved on ") || !strings.Contains(msg, `tick "Save a new copy"`) {
		t.Errorf("the row says %q", msg)
	}
	test.Tap(w.clearFinished)

	test.Tap(w.newCopy)
	w.box.SetText(addr)
	test.Tap(w.start)
	waitUntil(t, w, "the new copy saved", func() bool { return allIn(w, 1, engine.Saved) && !w.phase.Busy() })
	if got := len(pageFiles(t, cfg.OutputDir)); got != 2 {
		t.Errorf("%d files on disk, want the first copy and the new one", got)
	}
}

// TestCompletePageShowsWhatIsMissing: a complete page saved without some
// of its resources says how many in its row, and the details pane lists
// each with the reason in words.
func TestCompletePageShowsWhatIsMissing(t *testing.T) {
	site := pagetest.New(t)
	cfg := testConfig(t)
	cfg.Format = nil
	cfg.PageLimit = pagetest.PageLimit
	w := newTestWindow(t, cfg)
	w.box.SetText(site.URL("/missing.html"))
	test.Tap(w.start)
	waitUntil(t, w, "the page saved", func() bool { return allIn(w, 1, engine.Saved) && !w.phase.Busy() })

	r := w.rows[0]
	wantMissing := len(pagetest.Pages()[9].Missing)
	if r.Resources.Missing != wantMissing {
		t.Fatalf("%d resources missing, want %d", r.Resources.Missing, wantMissing)
	}
	msg := rowViewAt(t, w, 0).cells[colMessage].Text
	if want := itoa(wantMissing) + " of " + itoa(r.Resources.Total) + " resources missing"; msg != want {
		t.Errorf("the row says %q, want %q", msg, want)
	}
	clickRow(t, w, 0, 0)
	d := w.details
	if !d.missingBox.Visible() || !d.missingRoom.Visible() || d.missingList.Length() != wantMissing {
		t.Fatalf("details: box shown %v, list shown %v, %d listed", d.missingBox.Visible(), d.missingRoom.Visible(), d.missingList.Length())
	}
	if !strings.Contains(d.missingTitle.Text, itoa(wantMissing)+" of "+itoa(r.Resources.Total)) {
		t.Errorf("the list is titled %q", d.missingTitle.Text)
	}
	listed := map[string]bool{}
	for i := range d.missing {
		text := missingText(d.missing[i])
		reason := d.missing[i].Failure.Brief()
		if reason == "" || !strings.HasPrefix(text, reason+" — ") {
			t.Errorf("missing resource %d reads %q", i, text)
		}
		listed[d.missing[i].URL] = true
	}
	for _, p := range pagetest.Pages()[9].Missing {
		if !listed[site.URL(p)] {
			t.Errorf("%s is not listed as missing", p)
		}
	}

	// Reopened, the list knows only how many were missing.
	prefs := w.prefs
	closeWindow(t, w)
	again := newWindowWithPrefs(t, cfg, prefs)
	waitUntil(t, again, "the reopened list", func() bool { return allIn(again, 1, engine.Saved) })
	if got, want := rowViewAt(t, again, 0).cells[colMessage].Text, itoa(wantMissing)+" resources missing"; got != want {
		t.Errorf("reopened, the row says %q, want %q", got, want)
	}
	clickRow(t, again, 0, 0)
	d = again.details
	if !d.missingBox.Visible() || d.missingRoom.Visible() || !strings.HasPrefix(d.missingTitle.Text, itoa(wantMissing)+" resources are missing") {
		t.Errorf("reopened: box shown %v, list shown %v, title %q", d.missingBox.Visible(), d.missingRoom.Visible(), d.missingTitle.Text)
	}
}

// TestProgressOfACompletePage: while its resources come, a complete
// page's bar shows the share of them arrived, not the page's own bytes.
func TestProgressOfACompletePage(t *testing.T) {
	r := engine.JobStatus{State: engine.Downloading, Done: 90_000, Total: 10_000,
		Resources: engine.Resources{Total: 40, Done: 10}}
	if got := progressOf(&r); got != 25 {
		t.Errorf("progress %d%%, want 25%%", got)
	}
	if got := sizeOf(&r); got != 90_000 {
		t.Errorf("size %d, want the page and its resources together", got)
	}
	if got := r.Message(time.Now()); got != "Downloading 10 of 40 resources" {
		t.Errorf("message %q", got)
	}
}

// TestOpenIndex: Open index is there once the folder has its index, and
// looks again before opening it.
func TestOpenIndex(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newTestWindow(t, cfg)
	if !w.openIndex.Disabled() {
		t.Fatal("Open index is enabled before any page is kept")
	}
	w.box.SetText(srv.URLFor("/indexed", enginetest.Knobs{Size: 300}))
	test.Tap(w.start)
	waitUntil(t, w, "the page saved", func() bool { return allIn(w, 1, engine.Saved) && !w.phase.Busy() })
	if w.openIndex.Disabled() {
		t.Fatal("Open index stays disabled after a page was kept")
	}
	test.Tap(w.openIndex)
	if topOverlay(w) != nil {
		t.Error("opening the index showed a dialog")
	}
	if err := os.Remove(filepath.Join(cfg.OutputDir, "index.html")); err != nil {
		t.Fatal(err)
	}
	test.Tap(w.openIndex)
	if topOverlay(w) == nil || !w.openIndex.Disabled() {
		t.Error("a removed index was not told, or Open index stays enabled")
	}
}

// TestOpenIndexLooksOffTheWindow: the disk is looked at off the window's
// goroutine.
func TestOpenIndexLooksOffTheWindow(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	held := &heldWork{}
	w.opts.background = held.run
	w.indexFile = indexState{}
	w.checkIndex()
	if len(held.jobs) != 1 {
		t.Fatalf("%d jobs held: the index was looked for on the window's goroutine", len(held.jobs))
	}
	held.release()
}

// TestWebArchiveSaysWhereItIs: after a run with a web archive, the
// window says where its package is.
func TestWebArchiveSaysWhereItIs(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newTestWindow(t, cfg)
	test.Tap(w.wacz)
	w.box.SetText(srv.URLFor("/archived", enginetest.Knobs{Size: 300}))
	test.Tap(w.start)
	waitUntil(t, w, "the run finished", func() bool { return allIn(w, 1, engine.Saved) && w.phase == engine.Finished })
	want := filepath.Join(cfg.OutputDir, filepath.Base(cfg.OutputDir)+".wacz")
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("no web archive at %s: %v", want, err)
	}
	if w.archive != want || !strings.Contains(w.notice.Text, want) || !strings.Contains(w.notice.Text, "ReplayWeb.page") {
		t.Errorf("archive %q, notice %q", w.archive, w.notice.Text)
	}
	if !strings.HasSuffix(w.status.Text, "web archive in "+filepath.Base(want)) {
		t.Errorf("status %q", w.status.Text)
	}
	if w.problemLine.Visible() {
		t.Errorf("a problem is shown: %q", w.problemLine.Text)
	}
}

// TestWebArchiveProblemIsShown: when the package cannot be written, the
// window says so in the engine's words, and not that it is there.
func TestWebArchiveProblemIsShown(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	// A folder where the package goes: it cannot be written.
	if err := os.MkdirAll(filepath.Join(cfg.OutputDir, filepath.Base(cfg.OutputDir)+".wacz", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, cfg)
	test.Tap(w.wacz)
	w.box.SetText(srv.URLFor("/archived", enginetest.Knobs{Size: 300}))
	test.Tap(w.start)
	waitUntil(t, w, "the run finished", func() bool { return !w.phase.Busy() && len(w.rows) == 1 && w.rows[0].State.Final() })
	if !w.problemLine.Visible() || !strings.Contains(w.problemLine.Text, "web archive") {
		t.Errorf("problem line shown %v: %q", w.problemLine.Visible(), w.problemLine.Text)
	}
	if w.archive != "" || strings.Contains(w.status.Text, "web archive in") {
		t.Errorf("the window says an archive is there: %q", w.status.Text)
	}
}

// TestListProblemIsShown: a list that cannot be written is said, and
// the line goes once it is written again.
func TestListProblemIsShown(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	s := engine.Snapshot{Version: w.applied + 1, List: w.list, ListProblem: "The disk is full: free some space."}
	w.applyAt(s, true)
	if !w.problemLine.Visible() || !strings.Contains(w.problemLine.Text, "The disk is full: free some space.") {
		t.Errorf("problem line shown %v: %q", w.problemLine.Visible(), w.problemLine.Text)
	}
	s.Version++
	s.ListProblem = ""
	w.applyAt(s, true)
	if w.problemLine.Visible() {
		t.Errorf("the problem line stays: %q", w.problemLine.Text)
	}
}

// TestAboutShowsTheVersion: About is a button the keyboard reaches, and
// its box names the version; Escape closes it.
func TestAboutShowsTheVersion(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	if !strings.Contains(w.about.tip, appinfo.Version) {
		t.Errorf("About's tooltip %q does not give the version", w.about.tip)
	}
	test.Tap(w.about)
	top := topOverlay(w)
	if top == nil {
		t.Fatal("no About box")
	}
	if len(findAll(top, func(o fyne.CanvasObject) bool { return labelText(o) == "Version "+appinfo.Version })) == 0 {
		t.Error("the About box does not give the version")
	}
	w.closeDialog()
	if topOverlay(w) != nil {
		t.Error("Escape did not close the About box")
	}
}

// TestDetailsPaneFitsAShortWindow: with a long list of missing resources
// shown, the window still fits a 1280×900 screen at scale 2: the pane
// scrolls instead of making the window taller.
func TestDetailsPaneFitsAShortWindow(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3)
	clickRow(t, w, 0, 0)
	r := engine.JobStatus{State: engine.Saved, Resources: engine.Resources{Total: 60, Done: 60, Missing: 40}}
	for i := range 40 {
		r.Missing = append(r.Missing, engine.MissingResource{URL: "https://example.com/img/" + itoa(i) + ".png"})
	}
	w.details.showMissing(&r)
	if !w.details.missingBox.Visible() {
		t.Fatal("the missing resources are not shown")
	}
	small := fitToScreen(fyne.NewSize(1200, 820), 1280, 900, 2)
	if min := w.win.Content().MinSize(); min.Height > small.Height {
		t.Errorf("with the details pane the window needs %v, more than the %v a scale-2 screen gives", min, small)
	}
}

// TestDetailsColumnsStackWhenNarrow: in a narrow window the details
// pane's second column goes under the first instead of cutting it.
func TestDetailsColumnsStackWhenNarrow(t *testing.T) {
	test.NewTempApp(t)
	relaid := 0
	left := widget.NewLabel("Address #1 https://example.com/a/long/address")
	right := widget.NewButton("Show in folder, Copy address, Retry", nil)
	content := container.New(&paneLayout{relayout: func() { relaid++ }}, left, right)
	content.Resize(fyne.NewSize(1000, content.MinSize().Height))
	if right.Position().Y != 0 || right.Position().X <= left.Position().X {
		t.Errorf("wide: the second column is at %v", right.Position())
	}
	content.Resize(fyne.NewSize(500, content.MinSize().Height))
	if right.Position().Y < left.Size().Height || left.Size().Width != 500 || relaid != 1 {
		t.Errorf("narrow: the second column is at %v, the first %v wide, %d layouts asked for", right.Position(), left.Size().Width, relaid)
	}
	if h := content.MinSize().Height; h < left.MinSize().Height+right.MinSize().Height {
		t.Errorf("narrow: the pane asks for %v, less than its columns one under the other", h)
	}
}

// TestCompletePageProgressIsOneRow: while a complete page waits for its
// resources, its one row counts them and its bar follows them, and its
// size is the page and the resources together.
func TestCompletePageProgressIsOneRow(t *testing.T) {
	release := make(chan struct{})
	img := bytes.Repeat([]byte{0x89}, 3000)
	mux := http.NewServeMux()
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<!doctype html><title>p</title><img src="a.png"><img src="b.png"><img src="slow.png">`)
	})
	for _, name := range []string{"/a.png", "/b.png", "/slow.png"} {
		mux.HandleFunc(name, func(w http.ResponseWriter, r *http.Request) {
			if name == "/slow.png" {
				select {
				case <-release:
				case <-r.Context().Done():
					return
				}
			}
			w.Header().Set("Content-Type", "image/png")
			w.Write(img)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()

	cfg := testConfig(t)
	cfg.Format = nil
	w := newTestWindow(t, cfg)
	w.box.SetText(srv.URL + "/page.html")
	test.Tap(w.start)
	// The page asks for its three pictures (and, as browsers do, for
	// /favicon.ico): all in but the slow one.
	waitUntil(t, w, "every resource in but the slow one", func() bool {
		r, _ := w.row(1)
		return r.State == engine.Downloading && r.Resources.Total >= 3 && r.Resources.Done == r.Resources.Total-1
	})
	r, _ := w.row(1)
	rv := rowViewAt(t, w, 0)
	want := fmt.Sprintf("Downloading %d of %d resources", r.Resources.Done, r.Resources.Total)
	if got := rv.cells[colMessage].Text; got != want {
		t.Errorf("the row says %q, want %q", got, want)
	}
	if got, want := rv.cells[colProgress].Text, itoa(r.Resources.Done*100/r.Resources.Total)+"%"; got != want {
		t.Errorf("progress %q, want %q", got, want)
	}
	if r.Done < 2*int64(len(img)) {
		t.Errorf("size %d: the resources' bytes are not counted with the page", r.Done)
	}
	close(release)
	waitUntil(t, w, "the page saved", func() bool { return allIn(w, 1, engine.Saved) && !w.phase.Busy() })
	if got := rowViewAt(t, w, 0).cells[colMessage].Text; got != "" {
		t.Errorf("a page with every resource says %q", got)
	}
}
