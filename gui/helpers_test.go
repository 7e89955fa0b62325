package gui

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// inline runs f at once on the calling goroutine: in tests the test
// goroutine owns the widgets and drives the pump itself.
func inline(f func()) { f() }

// testConfig is a config for loopback tests: quick retries, short timeouts,
// a fresh folder.
func testConfig(t testing.TB) engine.Config {
	return engine.Config{
		OutputDir:       t.TempDir(),
		RetryBase:       time.Millisecond,
		ResponseTimeout: 10 * time.Second,
		IdleTimeout:     10 * time.Second,
		// Pages as served: the tests compare sizes with what the test
		// server sent.
		Format: engine.AsServed{},
	}
}

// newTestWindow opens a window on a fresh test app with its own
// preferences and folder. The pump goroutine is not started: tests call
// w.pump.tick from the test goroutine.
func newTestWindow(t testing.TB, cfg engine.Config) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := newWindow(a, options{config: cfg, do: inline, background: inline})
	if w.eng == nil {
		t.Fatalf("no engine: %s", w.startupNote)
	}
	t.Cleanup(func() {
		w.pump.stop()
		w.eng.Stop()
		select {
		case <-w.eng.Done():
			w.eng.Close()
		case <-time.After(30 * time.Second):
			t.Error("the engine did not stop")
		}
		w.win.Close()
	})
	return w
}

// waitUntil ticks the pump until cond holds, failing after a generous
// deadline: the deadline catches a hang, it does not time anything.
func waitUntil(t testing.TB, w *Window, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(60 * time.Second)
	for {
		w.pump.tick()
		if cond() {
			return
		}
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("waiting for %s: status %q, footer %q, phase %v", what, w.status.Text, w.footer.Text, w.phase)
		}
	}
}

// allIn reports whether there are n rows, all in state s.
func allIn(w *Window, n int, s engine.State) bool {
	if len(w.rows) != n {
		return false
	}
	for _, r := range w.rows {
		if r.State != s {
			return false
		}
	}
	return true
}

// anyIn reports whether some row is in state s with bytes received.
func anyMoving(w *Window) bool {
	for _, r := range w.rows {
		if r.State == engine.Downloading && r.Done > 0 {
			return true
		}
	}
	return false
}

// pageFiles lists the files under dir that are pages: everything but the
// manifest and the index.
func pageFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".pagekeeper" {
				return filepath.SkipDir // the folder's list, not a page
			}
			return nil
		}
		switch d.Name() {
		case "manifest.csv", "index.html":
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// lines joins addresses one per line, as a person pastes them.
func lines(addrs ...string) string { return strings.Join(addrs, "\n") }

// topOverlay is the dialog on top of the window, if any.
func topOverlay(w *Window) fyne.CanvasObject {
	return w.win.Canvas().Overlays().Top()
}

// findAll walks o's tree, the widgets' rendered objects included, and
// returns every object for which match holds.
func findAll(o fyne.CanvasObject, match func(fyne.CanvasObject) bool) []fyne.CanvasObject {
	var found []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if match(o) {
			found = append(found, o)
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}

// button finds the button labelled text under o.
func button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	found := findAll(o, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == text
	})
	if len(found) == 0 {
		t.Fatalf("no %q button", text)
	}
	return found[0].(*widget.Button)
}

// assertEnabled checks each named control's state.
func assertEnabled(t testing.TB, want bool, controls map[string]fyne.Disableable) {
	t.Helper()
	for name, c := range controls {
		if c.Disabled() == want {
			state := "disabled"
			if !want {
				state = "enabled"
			}
			t.Errorf("%s is %s", name, state)
		}
	}
}

// rowViewAt is the row view showing place p of the table, which must be
// on screen.
func rowViewAt(t testing.TB, w *Window, p int) *rowView {
	t.Helper()
	rv, ok := w.table.visible[p]
	if !ok || rv.pos != p {
		t.Fatalf("place %d is not on screen (%d rows shown)", p, w.table.length())
	}
	return rv
}

// clickRow clicks the row at place p with the modifiers held, as the
// mouse does: the button goes down on the row's view.
func clickRow(t testing.TB, w *Window, p int, mods fyne.KeyModifier) {
	t.Helper()
	rowViewAt(t, w, p).MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, Modifier: mods})
}

// textFile opens text as a list file.
func textFile(text string) opener {
	return func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }
}

// addListFile adds text as the list file name, pressing Add in the
// dialog that says what it holds.
func addListFile(t testing.TB, w *Window, name, text string) {
	t.Helper()
	w.previewList(name, textFile(text))
	top := topOverlay(w)
	if top == nil {
		t.Fatal("no dialog says what the file holds")
	}
	test.Tap(button(t, top, "Add"))
}

// states lists the rows' states, for failure messages.
func states(w *Window) []string {
	s := make([]string, len(w.rows))
	for i, r := range w.rows {
		s[i] = r.State.String()
	}
	return s
}

func itoa(i int) string { return strconv.Itoa(i) }

// richText is the text a RichText shows.
func richText(o fyne.CanvasObject) string {
	if r, ok := o.(*widget.RichText); ok {
		return r.String()
	}
	return ""
}

// queue adds n addresses to the list without starting.
func queue(t testing.TB, w *Window, n int) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		b.WriteString("https://example.com/page/")
		b.WriteString(itoa(i))
		b.WriteByte('\n')
	}
	if _, err := w.eng.Add(b.String()); err != nil {
		t.Fatal(err)
	}
	w.refreshNow()
}

// shownIDs are the job IDs of the rows the table shows, in order.
func shownIDs(w *Window) []int {
	ids := make([]int, w.table.length())
	for p := range ids {
		ids[p] = w.table.idAt(p)
	}
	return ids
}
