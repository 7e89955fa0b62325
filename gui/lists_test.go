package gui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
)

// TestReopenShowsTheListAndStartGoesOn: a window quit in the middle of a
// run leaves its list in the folder; the next window on that folder shows
// it at once, with what was saved still saved, and Start goes on with the
// rest. The quit dialog promises exactly this.
func TestReopenShowsTheListAndStartGoesOn(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newWindowWithPrefs(t, cfg, nil)
	quick := srv.URLFor("/quick", enginetest.Knobs{Size: 200})
	slow := srv.Paths(3, enginetest.Knobs{Size: 200, Latency: time.Minute})
	w.box.SetText(lines(append([]string{quick}, slow...)...))
	test.Tap(w.start)
	waitUntil(t, w, "the quick page saved", func() bool { r, _ := w.row(1); return r.State == engine.Saved })
	w.onClose()
	top := topOverlay(w)
	if top == nil {
		t.Fatal("closing a running window did not ask")
	}
	test.Tap(button(t, top, "Stop and quit"))
	waitUntil(t, w, "the window quit", func() bool { return w.hasQuit })
	prefs := w.prefs
	closeWindow(t, w)

	again := newWindowWithPrefs(t, cfg, prefs)
	// At once: no tick of the pump is needed to show the list.
	if len(again.rows) != 4 {
		t.Fatalf("the reopened window shows %d rows, want 4", len(again.rows))
	}
	if r, _ := again.row(1); r.State != engine.Saved || r.SavedPath == "" {
		t.Errorf("the saved page reopened as %v", r.State)
	}
	for id := 2; id <= 4; id++ {
		if r, _ := again.row(id); r.State != engine.Canceled && r.State != engine.Queued {
			t.Errorf("row %d reopened as %v", id, r.State)
		}
	}
	if !strings.Contains(again.status.Text, "3 not finished") && !strings.Contains(again.status.Text, "3 queued") {
		t.Errorf("status %q", again.status.Text)
	}
	if again.start.Disabled() {
		t.Fatal("Start is disabled on the reopened list")
	}
	test.Tap(again.start)
	waitUntil(t, again, "the rest downloading", func() bool {
		n := 0
		for _, r := range again.rows {
			if r.State == engine.Downloading {
				n++
			}
		}
		return n == 3
	})
	if r, _ := again.row(1); r.State != engine.Saved {
		t.Errorf("the saved page was taken again: %v", r.State)
	}
}

// TestRemovedRowsStayRemoved: rows removed, one by one or as finished,
// are gone from the list in the folder too, and saved files stay.
func TestRemovedRowsStayRemoved(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	w := newWindowWithPrefs(t, cfg, nil)
	addrs := srv.Paths(4, enginetest.Knobs{Size: 200})
	w.box.SetText(lines(addrs[:2]...))
	test.Tap(w.start)
	waitUntil(t, w, "two saved", func() bool { return allIn(w, 2, engine.Saved) && !w.phase.Busy() })
	w.box.SetText(lines(addrs[2:]...))
	test.Tap(w.addButton)
	clickRow(t, w, 2, 0)
	w.removeSelected()
	test.Tap(w.clearFinished)
	if len(w.rows) != 1 || w.rows[0].URL != addrs[3] {
		t.Fatalf("rows after removing: %v", w.rows)
	}
	prefs := w.prefs
	closeWindow(t, w)

	again := newWindowWithPrefs(t, cfg, prefs)
	if len(again.rows) != 1 || again.rows[0].URL != addrs[3] {
		var got []string
		for _, r := range again.rows {
			got = append(got, r.URL)
		}
		t.Errorf("reopened rows %v, want only %s", got, addrs[3])
	}
	if got := len(pageFiles(t, cfg.OutputDir)); got != 2 {
		t.Errorf("%d saved files left, want 2", got)
	}
}

// TestFolderInUseIsSaidPlainly: a folder another Pagekeeper holds is
// refused in its words, and the window goes on with another.
func TestFolderInUseIsSaidPlainly(t *testing.T) {
	busy := testConfig(t)
	other, err := engine.New(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	w := newTestWindow(t, testConfig(t))
	queue(t, w, 2)
	w.useFolder(busy.OutputDir)
	top := topOverlay(w)
	if top == nil {
		t.Fatal("nothing said")
	}
	said := findAll(top, func(o fyne.CanvasObject) bool {
		return strings.HasPrefix(labelText(o), "This folder is in use by another Pagekeeper (process ") || strings.HasPrefix(richText(o), "This folder is in use by another Pagekeeper (process ")
	})
	if len(said) == 0 {
		t.Error("the dialog does not say the folder is in use")
	}
	w.closeDialog()
	if w.settings.folder == busy.OutputDir || len(w.rows) != 2 || w.chooseDir.Disabled() {
		t.Fatalf("after the refusal: folder %q, %d rows", w.settings.folder, len(w.rows))
	}
	free := t.TempDir()
	w.useFolder(free)
	if w.settings.folder != free || len(w.rows) != 0 || topOverlay(w) != nil {
		t.Errorf("another folder: %q, %d rows", w.settings.folder, len(w.rows))
	}
}

// TestDamagedListIsToldOnce: a list that could not be read is set aside
// by the engine; the window says so once.
func TestDamagedListIsToldOnce(t *testing.T) {
	cfg := testConfig(t)
	db := filepath.Join(cfg.OutputDir, ".pagekeeper", "session.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, []byte(strings.Repeat("not a database ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, cfg)
	notice := w.eng.Notice()
	if notice == "" {
		t.Fatal("the engine has nothing to say about a damaged list")
	}
	count := func() int {
		n := 0
		for _, o := range w.win.Canvas().Overlays().List() {
			if len(findAll(o, func(o fyne.CanvasObject) bool { return labelText(o) == notice || richText(o) == notice })) > 0 {
				n++
			}
		}
		return n
	}
	if count() != 1 {
		t.Fatalf("the notice is shown %d times", count())
	}
	w.closeDialog()
	w.tellNotice()
	w.refreshNow()
	if count() != 0 {
		t.Error("the notice was shown again")
	}
}

// writeFile writes a list file and returns its URI.
func writeFile(t testing.TB, name string, data []byte) fyne.URI {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return storage.NewFileURI(path)
}

// utf16 is s in UTF-16 little-endian with its byte order mark.
func utf16(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// dialogSays reports whether the dialog on top holds text containing s.
func dialogSays(w *Window, s string) bool {
	top := topOverlay(w)
	return top != nil && len(findAll(top, func(o fyne.CanvasObject) bool { return strings.Contains(labelText(o), s) })) > 0
}

// TestDroppedFilesArePreviewedInTurn: files dropped on the window are
// read, counted and added one after another, each when the person says
// Add; a bookmarks export and a UTF-16 text are understood.
func TestDroppedFilesArePreviewedInTurn(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	bookmarks := writeFile(t, "bookmarks.html", []byte(`<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>
<DL><p>
<DT><A HREF="https://example.com/a" ADD_DATE="1">A</A>
<DT><A HREF="https://example.com/b" ADD_DATE="1">B</A>
<DT><A HREF="https://example.com/c" ADD_DATE="1">C</A>
</DL><p>`))
	wide := writeFile(t, "wide.txt", utf16("https://example.org/é\r\nexample.org/two\r\n"))
	csv := writeFile(t, "table.csv", []byte("title,url\nOne,https://example.net/1\nTwo,https://example.net/2\n"))

	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{bookmarks, wide, csv})
	if !dialogSays(w, "3 addresses") {
		t.Fatal("the first file's dialog does not count 3 addresses")
	}
	test.Tap(button(t, topOverlay(w), "Add"))
	if len(w.rows) != 3 {
		t.Fatalf("%d rows after the bookmarks", len(w.rows))
	}
	if !dialogSays(w, "2 addresses") {
		t.Fatal("the UTF-16 file's dialog does not count 2 addresses")
	}
	test.Tap(button(t, topOverlay(w), "Cancel"))
	if len(w.rows) != 3 {
		t.Fatalf("%d rows after Cancel", len(w.rows))
	}
	if !dialogSays(w, "2 addresses") {
		t.Fatal("the CSV file's dialog does not count 2 addresses")
	}
	test.Tap(button(t, topOverlay(w), "Add"))
	if len(w.rows) != 5 || topOverlay(w) != nil || len(w.lists) != 0 {
		t.Errorf("%d rows, dialog %v, %d files waiting", len(w.rows), topOverlay(w) != nil, len(w.lists))
	}
	if w.rows[4].URL != "https://example.net/2" {
		t.Errorf("last row %q", w.rows[4].URL)
	}

	// UTF-16 again, added this time: the accented address survives.
	w.onDropped(fyne.Position{}, []fyne.URI{wide})
	test.Tap(button(t, topOverlay(w), "Add"))
	if len(w.rows) != 7 || !strings.HasPrefix(w.rows[5].URL, "https://example.org/") {
		t.Errorf("after the UTF-16 file: %d rows", len(w.rows))
	}
}

// TestDroppedFileThatIsNoList: a picture dropped by mistake is refused in
// words, and the next file dropped with it is still asked about.
func TestDroppedFileThatIsNoList(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	png := writeFile(t, "photo.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 200)...))
	list := writeFile(t, "list.txt", []byte("example.com/1\n"))
	w.onDropped(fyne.Position{}, []fyne.URI{png, list})
	top := topOverlay(w)
	if top == nil || len(findAll(top, func(o fyne.CanvasObject) bool {
		return strings.Contains(labelText(o)+richText(o), "hoto.png does not look like a list")
	})) == 0 {
		for _, o := range findAll(top, func(o fyne.CanvasObject) bool { return labelText(o)+richText(o) != "" }) {
			t.Log(labelText(o) + richText(o))
		}
		t.Fatal("the picture was not refused in words")
	}
	w.closeDialog()
	if !dialogSays(w, "1 address") {
		t.Fatal("the list dropped with it was not asked about")
	}
}

// exportTo writes the export chosen to a file, as the save dialog would.
func exportTo(t testing.TB, w *Window, c exportChoice) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), c.fileName())
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w.writeExport(f, filepath.Base(path), c, w.exportRows(c.failedOnly), nil)
	if !strings.HasPrefix(w.notice.Text, "Exported ") {
		t.Fatalf("after exporting: %q", w.notice.Text)
	}
	return path
}

// TestExportRoundTrip: the failed addresses, or all of them with their
// states, written as text or CSV, read back as the same list.
func TestExportRoundTrip(t *testing.T) {
	srv := enginetest.New(t)
	cfg := testConfig(t)
	cfg.Retries = -1
	w := newTestWindow(t, cfg)
	good := srv.Paths(3, enginetest.Knobs{Size: 200})
	bad := []string{srv.URLFor("/gone/1", enginetest.Knobs{Status: 404}), srv.URLFor("/gone/2", enginetest.Knobs{Status: 410})}
	w.box.SetText(lines(append(slices.Clone(good), bad...)...))
	test.Tap(w.start)
	waitUntil(t, w, "the run finished", func() bool { return w.phase == engine.Finished })

	all := append(slices.Clone(good), bad...)
	for _, c := range []exportChoice{{failedOnly: true}, {failedOnly: true, csv: true}, {}, {csv: true}} {
		path := exportTo(t, w, c)
		want := all
		if c.failedOnly {
			want = bad
		}
		data, _ := os.ReadFile(path)
		if c.csv && !strings.Contains(string(data), ",Failed,") {
			t.Errorf("%s holds no states:\n%s", c.fileName(), data)
		}
		back := newTestWindow(t, testConfig(t))
		addListFile(t, back, filepath.Base(path), string(data))
		var got []string
		for _, r := range back.rows {
			got = append(got, r.URL)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s read back as %v, want %v", c.fileName(), got, want)
		}
	}
}

// TestExportDialog: Export… asks what and how, proposing the failed
// addresses when there are some, then asks where.
func TestExportDialog(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 2)
	test.Tap(w.export)
	top := topOverlay(w)
	if top == nil {
		t.Fatal("no dialog")
	}
	test.Tap(button(t, top, "Export…"))
	if topOverlay(w) == nil || topOverlay(w) == top {
		t.Fatal("no file dialog after Export…")
	}
	w.closeDialog()
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{ closed bool }

func (f *failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
func (f *failingWriter) Close() error              { f.closed = true; return nil }

// TestExportFailureIsPlain: a file that cannot be written is said in
// plain words, without the system's error, and is not left half written.
func TestExportFailureIsPlain(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3)
	f := &failingWriter{}
	discarded := false
	w.writeExport(f, "list.txt", exportChoice{}, w.exportRows(false), func() { discarded = true })
	top := topOverlay(w)
	if top == nil || !f.closed || !discarded {
		t.Fatalf("dialog %v, closed %v, discarded %v", top != nil, f.closed, discarded)
	}
	for _, o := range findAll(top, func(o fyne.CanvasObject) bool { return labelText(o)+richText(o) != "" }) {
		if s := labelText(o) + richText(o); strings.Contains(s, "no space left") {
			t.Errorf("the system's error reaches the person: %q", s)
		}
	}
	if !dialogSays(w, "The list could not be written") && len(findAll(top, func(o fyne.CanvasObject) bool {
		return strings.Contains(richText(o), "The list could not be written")
	})) == 0 {
		t.Error("the dialog does not say the list could not be written")
	}
}
