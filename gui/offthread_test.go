package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// heldWork holds slow work back so a test can look at the window while
// it waits, as a person would while a disk wakes up.
type heldWork struct{ jobs []func() }

func (h *heldWork) run(f func()) { h.jobs = append(h.jobs, f) }

// release runs the work held so far, as its goroutine would.
func (h *heldWork) release() {
	jobs := h.jobs
	h.jobs = nil
	for _, f := range jobs {
		f()
	}
}

// TestFolderIsCheckedOffTheWindow: the window opens before the folder has
// been checked, says so, and takes the engine when the check is done.
func TestFolderIsCheckedOffTheWindow(t *testing.T) {
	held := &heldWork{}
	w := newWindow(test.NewTempApp(t), options{config: testConfig(t), do: inline, background: held.run})
	if w.eng != nil || len(held.jobs) != 1 {
		t.Fatalf("the folder was checked on the window's goroutine (engine %v, %d jobs held)", w.eng != nil, len(held.jobs))
	}
	if w.status.Text != "Checking the folder…" || !w.start.Disabled() {
		t.Errorf("while checking: status %q, Start disabled %v", w.status.Text, w.start.Disabled())
	}
	held.release()
	t.Cleanup(func() { w.pump.stop(); w.eng.Close() })
	if w.eng == nil || w.status.Text != "Ready" {
		t.Errorf("after the check: engine %v, status %q", w.eng != nil, w.status.Text)
	}
	// The folder's index is looked for off the window's goroutine too.
	if len(held.jobs) != 1 {
		t.Fatalf("%d jobs held after the check; want the index's look-up", len(held.jobs))
	}
	held.release()

	// Choosing another folder is checked off the window's goroutine too.
	dir := t.TempDir()
	w.useFolder(dir)
	if w.settings.folder == dir || len(held.jobs) != 1 || !w.chooseDir.Disabled() {
		t.Fatalf("the folder changed before its check")
	}
	held.release()
	if w.settings.folder != dir || w.eng.Config().OutputDir != dir {
		t.Errorf("folder %q, engine %q", w.settings.folder, w.eng.Config().OutputDir)
	}
}

// TestListFileIsReadOffTheWindow: reading the file happens off the
// window's goroutine; the window meanwhile says what it is doing, then
// says what the file holds before adding it.
func TestListFileIsReadOffTheWindow(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	held := &heldWork{}
	w.opts.background = held.run
	w.previewList("list.txt", textFile(lines("example.com/1", "example.com/2", "no such thing")))
	if len(held.jobs) != 1 || !w.addFile.Disabled() || !strings.HasPrefix(w.count.Text, "Reading list.txt") {
		t.Fatalf("while reading: %d jobs held, Add from file disabled %v, count %q", len(held.jobs), w.addFile.Disabled(), w.count.Text)
	}
	held.release()
	top := topOverlay(w)
	if top == nil {
		t.Fatal("no dialog says what the file holds")
	}
	found := findAll(top, func(o fyne.CanvasObject) bool {
		return strings.Contains(labelText(o), "Text file: 2 addresses · 1 line not understood")
	})
	if len(found) == 0 {
		t.Error("the dialog does not give the file's count")
	}
	quoted := findAll(top, func(o fyne.CanvasObject) bool {
		return strings.Contains(labelText(o), "Line 3, “no such thing”: ")
	})
	if len(quoted) == 0 {
		t.Error("the dialog does not quote the line not understood")
	}
	test.Tap(button(t, top, "Add"))
	if len(w.rows) != 0 || len(held.jobs) != 1 {
		t.Fatalf("the list was added on the window's goroutine")
	}
	held.release()
	if len(w.rows) != 2 || !strings.HasPrefix(w.count.Text, "Added 2 addresses from list.txt") {
		t.Errorf("%d rows, count %q", len(w.rows), w.count.Text)
	}
}

func TestWindowFitsTheScreen(t *testing.T) {
	// A size remembered at scale 1, opened at scale 2 on a 1280×900
	// screen: it must not be 2400×1640 pixels.
	got := fitToScreen(fyne.NewSize(1200, 820), 1280, 900, 2)
	if got.Width*2 > 1280 || got.Height*2 > 900 {
		t.Errorf("the window is %v, %v×%v pixels", got, got.Width*2, got.Height*2)
	}
	if got := fitToScreen(fyne.NewSize(1100, 720), 1920, 1080, 1); got != fyne.NewSize(1100, 720) {
		t.Errorf("a size that fits was changed to %v", got)
	}
	// Every control stays usable that small: the window's least size
	// fits in it, so nothing is pushed off screen.
	w := newTestWindow(t, testConfig(t))
	w.win.Resize(got)
	min := w.win.Content().MinSize()
	t.Logf("the window needs at least %v", min)
	if small := fitToScreen(fyne.NewSize(1200, 820), 1280, 900, 2); min.Width > small.Width || min.Height > small.Height {
		t.Errorf("the window needs at least %v, more than %v", min, small)
	}
}

// TestNoAnimations: the real app's widgets do not animate, so a focused
// box does not redraw the window fifteen times a second.
func TestNoAnimations(t *testing.T) {
	a := test.NewTempApp(t)
	c := calmApp(a)
	defer fyne.SetCurrentApp(a)
	if c.Settings().ShowAnimations() || fyne.CurrentApp().Settings().ShowAnimations() {
		t.Error("animations are on")
	}
	if c.Settings().Theme() == nil || c.Settings().ThemeVariant() != a.Settings().ThemeVariant() {
		t.Error("the calm settings lost the app's theme")
	}
}

func TestCannotOpenOffersThePath(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.cannotOpen("/some/folder/page.html", "the saved page")
	top := topOverlay(w)
	if top == nil {
		t.Fatal("nothing said")
	}
	test.Tap(button(t, top, "Copy the place"))
	if got := w.app.Clipboard().Content(); got != "/some/folder/page.html" {
		t.Errorf("clipboard %q", got)
	}
}

func TestRejectedLinesCopyAsLines(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText(lines("example.com", "not an address", "http://"))
	w.onShowRejects()
	top := topOverlay(w)
	test.Tap(button(t, top, "Copy the lines"))
	if got := w.app.Clipboard().Content(); got != "not an address\nhttp://\n" {
		t.Errorf("clipboard %q: want the lines themselves, to paste back", got)
	}
	for _, o := range findAll(top, func(o fyne.CanvasObject) bool { return strings.Contains(labelText(o), "not added") }) {
		t.Errorf("the dialog speaks of lines not added before anything was added: %q", labelText(o))
	}
}

// labelText is a label's text, or "".
func labelText(o fyne.CanvasObject) string {
	if l, ok := o.(*widget.Label); ok {
		return l.Text
	}
	return ""
}

// TestAnotherFolderShowsItsOwnList: each folder keeps its own list, with
// IDs from 1; after choosing another folder the table shows that list,
// with its own addresses, and nothing of the old one.
func TestAnotherFolderShowsItsOwnList(t *testing.T) {
	other := testConfig(t)
	e, err := engine.New(other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Add(lines("example.org/there-1", "example.org/there-2")); err != nil {
		t.Fatal(err)
	}
	e.Close()

	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3)
	clickRow(t, w, 0, 0)
	w.useFolder(other.OutputDir)
	if len(w.rows) != 2 || w.table.length() != 2 {
		t.Fatalf("%d rows, %d shown; want the other folder's 2", len(w.rows), w.table.length())
	}
	for p, want := range []string{"https://example.org/there-1", "https://example.org/there-2"} {
		if got := rowViewAt(t, w, p).cells[colAddress].Text; got != want {
			t.Errorf("place %d shows %q, want %q", p, got, want)
		}
	}
	if len(w.table.selectedIDs()) != 0 || w.details.root.Visible() {
		t.Error("a row of the old list is still selected")
	}
}

// TestFolderDialogTitle: Fyne titles a folder dialog with the button's
// words and "Folder"; ours has a title of its own.
func TestFolderDialogTitle(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.onChooseFolder()
	top := topOverlay(w)
	if top == nil {
		t.Fatal("no dialog")
	}
	title := false
	for _, o := range findAll(top, func(o fyne.CanvasObject) bool { return labelText(o) != "" }) {
		s := labelText(o)
		if strings.HasSuffix(s, "folder Folder") || strings.HasSuffix(s, " Folder") {
			t.Errorf("the dialog reads %q", s)
		}
		title = title || s == "Choose the folder to keep pages in"
	}
	if !title {
		t.Error("the dialog has no title of its own")
	}
}

// TestAddFromFileOpensItsDialog: the file dialog opens (Fyne 2.8.1 crashes
// when a file dialog is resized before it is shown).
func TestAddFromFileOpensItsDialog(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.onAddFile()
	if topOverlay(w) == nil {
		t.Fatal("no dialog")
	}
	w.closeDialog()
}
