package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
	"pagekeeper/engine/enginetest"
)

func TestWindowOpensReady(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	if w.win.Title() != "Pagekeeper" {
		t.Fatalf("title = %q", w.win.Title())
	}
	if w.status.Text != "Ready" {
		t.Errorf("status = %q, want Ready", w.status.Text)
	}
	if w.footer.Text != "Nothing in the list yet" {
		t.Errorf("footer = %q", w.footer.Text)
	}
	if got := w.downloads.Value(); got != 8 {
		t.Errorf("download workers = %d, want 8", got)
	}
	if got := w.saves.Value(); got != 2 {
		t.Errorf("save workers = %d, want 2", got)
	}
	assertEnabled(t, false, map[string]fyne.Disableable{
		"Start": w.start, "Stop": w.stop, "Drain": w.drain,
		"Retry failed": w.retryFailed, "Clear finished": w.clearFinished, "Add to list": w.addButton,
	})
	assertEnabled(t, true, map[string]fyne.Disableable{
		"Open folder": w.openFolder, "Choose…": w.chooseDir, "Add from file…": w.addFile,
		"Download workers": w.downloads, "Save workers": w.saves,
	})
}

func TestCountLabelFollowsTheBox(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(lines("https://example.com/", "example.org/about", "not an address"))
	if want := "2 addresses ready · 1 line not understood"; w.count.Text != want {
		t.Errorf("count = %q, want %q", w.count.Text, want)
	}
	if !w.showLink.Visible() {
		t.Error("the show link is hidden while a line is not understood")
	}

	// Typing goes through the same count.
	w.box.CursorRow, w.box.CursorColumn = 2, len("not an address")
	w.box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(w.box, "example.net")
	if want := "3 addresses ready · 1 line not understood"; w.count.Text != want {
		t.Errorf("after typing, count = %q, want %q", w.count.Text, want)
	}

	t.Logf("link size %v pos %v rejects %d", w.showLink.Size(), w.showLink.Position(), len(w.rejects))
	test.TapAt(w.showLink, fyne.NewPos(w.showLink.Size().Width/2, w.showLink.Size().Height/2))
	top := topOverlay(w)
	if top == nil {
		t.Fatal("show opened no dialog")
	}
	lists := findAll(top, func(o fyne.CanvasObject) bool { _, ok := o.(*widget.List); return ok })
	if len(lists) != 1 {
		t.Fatalf("the dialog holds %d lists", len(lists))
	}
	list := lists[0].(*widget.List)
	if n := list.Length(); n != 1 {
		t.Fatalf("the list has %d lines, want 1", n)
	}
	item := list.CreateItem()
	list.UpdateItem(0, item)
	r := item.(*rejectItem)
	if r.line.Text != "Line 3" || r.text.Text != "not an address" || r.reason.Text == "" {
		t.Errorf("the list shows %q %q %q", r.line.Text, r.text.Text, r.reason.Text)
	}

	w.closeDialog() // what Escape does
	if topOverlay(w) != nil {
		t.Error("Escape left the dialog open")
	}
}

func TestAddMovesAddressesIntoTheList(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(lines("https://example.com/", "example.org/about", "http://", "https://example.com/"))
	if w.start.Disabled() {
		t.Error("Start is disabled with addresses in the box")
	}
	test.Tap(w.addButton)
	if len(w.rows) != 2 || w.rows[0].State != engine.Queued {
		t.Fatalf("rows = %+v, want 2 queued", w.rows)
	}
	if w.box.Text != "http://" {
		t.Errorf("box = %q, want only the line not understood", w.box.Text)
	}
	if !strings.HasPrefix(w.count.Text, "Added 2 addresses · 1 line not understood (left in the box) · 1 duplicate skipped") {
		t.Errorf("count = %q", w.count.Text)
	}
	if w.start.Disabled() {
		t.Error("Start is disabled with queued rows")
	}
	if w.footer.Text != "0 of 2 saved" {
		t.Errorf("footer = %q", w.footer.Text)
	}

	// Adding the same again says so instead of adding twice.
	w.box.SetText("example.com")
	test.Tap(w.addButton)
	if len(w.rows) != 2 || !strings.Contains(w.count.Text, "1 duplicate skipped") {
		t.Errorf("rows %d, count %q", len(w.rows), w.count.Text)
	}
}

func TestButtonsFollowTheRun(t *testing.T) {
	srv := enginetest.New(t)
	w := newTestWindow(t, testConfig(t))
	assertEnabled(t, false, map[string]fyne.Disableable{"Start": w.start, "Stop": w.stop, "Drain": w.drain})

	w.box.SetText(lines(srv.Paths(3, enginetest.Knobs{Size: 64 << 10, Drip: 50 * time.Millisecond})...))
	assertEnabled(t, true, map[string]fyne.Disableable{"Start": w.start})
	assertEnabled(t, false, map[string]fyne.Disableable{"Stop": w.stop, "Drain": w.drain})

	// Ctrl+Enter in the box is Start.
	w.box.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if w.phase != engine.Running {
		t.Fatalf("phase after Ctrl+Enter = %v", w.phase)
	}
	if w.box.Text != "" || len(w.rows) != 3 {
		t.Errorf("Start left %q in the box and %d rows", w.box.Text, len(w.rows))
	}
	assertEnabled(t, true, map[string]fyne.Disableable{"Stop": w.stop, "Drain": w.drain})
	assertEnabled(t, false, map[string]fyne.Disableable{
		"Start": w.start, "Download workers": w.downloads, "Save workers": w.saves, "Choose…": w.chooseDir,
	})
	if !strings.HasPrefix(w.status.Text, "Running — 0 of 3 saved") {
		t.Errorf("status = %q", w.status.Text)
	}

	test.Tap(w.stop)
	waitUntil(t, w, "the run to stop", func() bool { return w.phase == engine.Stopped })
	assertEnabled(t, true, map[string]fyne.Disableable{
		"Start": w.start, "Download workers": w.downloads, "Save workers": w.saves, "Choose…": w.chooseDir,
	})
	assertEnabled(t, false, map[string]fyne.Disableable{"Stop": w.stop, "Drain": w.drain})
}

func TestNumberControlStaysInItsLimits(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	n := w.downloads
	n.entry.SetText("")
	test.Type(n.entry, "1x0")
	if n.Value() != 10 || n.entry.Text != "10" {
		t.Errorf("typing 1x0: value %d, text %q; want 10 (no letters)", n.Value(), n.entry.Text)
	}
	if !strings.Contains(richText(n.limits), "1–64") {
		t.Errorf("the limits shown are %q", richText(n.limits))
	}
	// What is typed stays as typed until the person moves on; then it is
	// brought into the limits, and a note says so.
	n.entry.SetText("")
	test.Type(n.entry, "100")
	if n.entry.Text != "100" || n.note.Visible() {
		t.Errorf("typing 100: text %q, note shown %v; want 100 as typed", n.entry.Text, n.note.Visible())
	}
	n.commit()
	if n.Value() != engine.MaxDownloadWorkers || n.entry.Text != "64" || !n.note.Visible() || n.note.Text != "64 is the most" {
		t.Errorf("after 100: value %d, text %q, note %q; want the maximum and a note", n.Value(), n.entry.Text, n.note.Text)
	}
	n.entry.SetText("")
	test.Type(n.entry, "99")
	n.commit()
	if n.Value() != engine.MaxDownloadWorkers || n.entry.Text != "64" {
		t.Errorf("typing 99: value %d, text %q; want the maximum", n.Value(), n.entry.Text)
	}
	if !n.plus.Disabled() {
		t.Error("+ is enabled at the maximum")
	}
	n.entry.SetText("0")
	n.commit()
	if n.Value() != engine.MinDownloadWorkers || n.entry.Text != "1" {
		t.Errorf("0: value %d, text %q; want the minimum", n.Value(), n.entry.Text)
	}
	if !n.minus.Disabled() {
		t.Error("− is enabled at the minimum")
	}
	test.Tap(n.plus)
	if n.note.Visible() {
		t.Error("the note stays after the number changed")
	}
	test.Tap(n.plus)
	if n.Value() != 3 {
		t.Errorf("after + +, value = %d", n.Value())
	}
	n.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if n.Value() != 4 {
		t.Errorf("after Up, value = %d", n.Value())
	}
	if got := w.prefs.Int(prefDownloadWorkers); got != 4 {
		t.Errorf("remembered %d download workers, want 4", got)
	}
	if w.engineConfig().DownloadWorkers != 4 {
		t.Error("the new count does not reach the engine's config")
	}
}

func TestSettingsAreRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	p := a.Preferences()
	p.SetInt(prefDownloadWorkers, 12)
	p.SetInt(prefSaveWorkers, 99) // out of range: clamped
	p.SetString(prefFolder, dir)
	p.SetFloat(prefWindowWidth, 900)
	p.SetFloat(prefWindowHeight, 650)
	w := newWindow(a, options{config: testConfig(t), do: inline, background: inline})
	t.Cleanup(w.pump.stop)
	if w.downloads.Value() != 12 || w.saves.Value() != engine.MaxSaveWorkers {
		t.Errorf("workers %d and %d", w.downloads.Value(), w.saves.Value())
	}
	if w.eng.Config().OutputDir != dir || w.folderPath.Text != dir {
		t.Errorf("folder %q, shown %q", w.eng.Config().OutputDir, w.folderPath.Text)
	}
	if s := w.win.Canvas().Size(); s.Width != 900 || s.Height != 650 {
		t.Errorf("window size %v", s)
	}
}

func TestUnusableFolderIsRefused(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	before := w.settings.folder
	file := filepath.Join(t.TempDir(), "a file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	w.useFolder(filepath.Join(file, "inside"))
	if w.settings.folder != before || w.eng.Config().OutputDir != before {
		t.Errorf("the folder changed to %q", w.settings.folder)
	}
	if topOverlay(w) == nil {
		t.Error("no message says why the folder was refused")
	}
	if w.prefs.String(prefFolder) != "" {
		t.Error("the refused folder was remembered")
	}

	good := t.TempDir()
	w.closeDialog()
	w.useFolder(good)
	if w.eng.Config().OutputDir != good || w.prefs.String(prefFolder) != good || w.folderPath.Text != good {
		t.Errorf("a good folder was not taken: engine %q", w.eng.Config().OutputDir)
	}
}

func TestUnusableRememberedFolderFallsBack(t *testing.T) {
	a := test.NewTempApp(t)
	file := filepath.Join(t.TempDir(), "a file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	a.Preferences().SetString(prefFolder, file)
	cfg := testConfig(t)
	w := newWindow(a, options{config: cfg, do: inline, background: inline})
	t.Cleanup(w.pump.stop)
	if w.eng == nil || w.eng.Config().OutputDir != cfg.OutputDir {
		t.Fatalf("no fallback to the default folder")
	}
	if !strings.Contains(w.status.Text, cfg.OutputDir) {
		t.Errorf("status %q does not say which folder is used", w.status.Text)
	}
	if topOverlay(w) == nil {
		t.Error("nothing says why the remembered folder was not used")
	}
	if a.Preferences().String(prefFolder) != file {
		t.Error("the remembered folder was forgotten")
	}
}

// TestRejectsAreListedInLineOrder: a line already in the list (reported by
// the engine) and a line not understood (reported by the parser) come back
// in the order of the text.
func TestRejectsAreListedInLineOrder(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText("example.com/a")
	test.Tap(w.addButton)
	w.box.SetText(lines("example.com/a", "not an address", "example.com/b"))
	test.Tap(w.addButton)
	if len(w.rejects) != 2 || w.rejects[0].Line != 1 || w.rejects[1].Line != 2 {
		t.Fatalf("rejects %+v, want lines 1 then 2", w.rejects)
	}
}
