package gui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// TestTableShowsRowsAfterAShrink is the blank table: scrolled to the
// bottom of 3,000 rows, the list empties, then 5 rows are added; they
// must be drawn on screen, not below it.
func TestTableShowsRowsAfterAShrink(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3000)
	w.table.list.ScrollToBottom()
	if w.table.list.GetScrollOffset() == 0 {
		t.Fatal("the list did not scroll")
	}
	w.win.Canvas().Focus(w.table.list)
	w.table.list.TypedShortcut(&fyne.ShortcutSelectAll{})
	w.table.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if len(w.rows) != 0 {
		t.Fatalf("%d rows left after removing all", len(w.rows))
	}
	w.box.SetText(lines("example.org/1", "example.org/2", "example.org/3", "example.org/4", "example.org/5"))
	test.Tap(w.addButton)
	if off := w.table.list.GetScrollOffset(); off != 0 {
		t.Errorf("the list is still scrolled to %v", off)
	}
	for p := range 5 {
		rv := rowViewAt(t, w, p)
		if rv.id != w.rows[p].ID || rv.Position().Y > w.table.list.Size().Height {
			t.Errorf("place %d shows #%d at y %v", p, rv.id, rv.Position().Y)
		}
	}
}

func TestClickShiftAndCtrlSelectRows(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 6)
	clickRow(t, w, 1, 0)
	clickRow(t, w, 3, fyne.KeyModifierShift)
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{2, 3, 4}) {
		t.Errorf("click then Shift+click selected %v", got)
	}
	clickRow(t, w, 5, fyne.KeyModifierShortcutDefault)
	clickRow(t, w, 2, fyne.KeyModifierShortcutDefault)
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{2, 4, 6}) {
		t.Errorf("Ctrl+clicks selected %v", got)
	}
	if w.details.root.Visible() {
		t.Error("the details pane shows one row while three are selected")
	}
	for p := range 6 {
		if rv := rowViewAt(t, w, p); rv.selected != w.table.sel.ids[rv.id] {
			t.Errorf("place %d drawn selected=%v", p, rv.selected)
		}
	}
	clickRow(t, w, 0, 0)
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{1}) || !w.details.root.Visible() || w.details.id != 1 {
		t.Errorf("a plain click selected %v, details of #%d", got, w.details.id)
	}

	// Ctrl+C copies the addresses, one a line, as they can be pasted back.
	clickRow(t, w, 2, fyne.KeyModifierShift)
	w.table.list.TypedShortcut(&fyne.ShortcutCopy{})
	want := "https://example.com/page/0\nhttps://example.com/page/1\nhttps://example.com/page/2\n"
	if got := w.app.Clipboard().Content(); got != want {
		t.Errorf("clipboard %q, want %q", got, want)
	}
}

func TestKeysMoveSelectAndRemove(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 5)
	w.win.Canvas().Focus(w.table.list)
	l := w.table.list
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{2}) {
		t.Fatalf("Down from the first row selected %v", got)
	}
	if rv := rowViewAt(t, w, 1); !rv.focused {
		t.Error("the keyboard's row is not marked")
	}
	l.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.KeyUp(&fyne.KeyEvent{Name: "LeftShift"})
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{2, 3, 4}) {
		t.Fatalf("Shift+Down twice selected %v", got)
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := shownIDs(w); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("after Delete the table shows %v", got)
	}
	if !strings.HasPrefix(w.notice.Text, "Removed 3 rows") {
		t.Errorf("notice %q", w.notice.Text)
	}
	if w.footer.Text != "0 of 2 saved" {
		t.Errorf("footer %q", w.footer.Text)
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{5}) {
		t.Errorf("End selected %v", got)
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.table.selectedIDs()) != 0 {
		t.Error("Escape left rows selected")
	}
}

func TestRowMenu(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 3)
	rv := rowViewAt(t, w, 1)
	rv.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(100, 300)})
	if got := w.table.selectedIDs(); !slices.Equal(got, []int{2}) {
		t.Errorf("a right-click selected %v", got)
	}
	if topOverlay(w) == nil || w.table.menu == nil {
		t.Fatal("no menu")
	}
	items := map[string]bool{} // label → enabled
	for _, it := range w.table.menu.Items {
		items[it.Label] = !it.Disabled
	}
	want := map[string]bool{"Open": false, "Show in folder": false, "Copy address": true, "Retry": false,
		"Remove from the list": true, "Select all": true}
	for label, enabled := range want {
		if got, ok := items[label]; !ok || got != enabled {
			t.Errorf("menu item %q: present %v, enabled %v; want enabled %v", label, ok, got, enabled)
		}
	}
}

func TestHeaderSortsAndFiltersCount(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 4)
	test.Tap(w.table.header.cells[colNumber])
	if got := shownIDs(w); !slices.Equal(got, []int{4, 3, 2, 1}) {
		t.Errorf("a click on # again sorted %v, want the reverse", got)
	}
	if w.table.header.cells[colNumber].arrow.Resource == nil {
		t.Error("no arrow on the sorted column")
	}
	test.Tap(w.table.header.cells[colAddress])
	if got := shownIDs(w); !slices.Equal(got, []int{1, 2, 3, 4}) {
		t.Errorf("sorted by address %v", got)
	}

	if w.filters[filterActive].Text != "Active 4" || w.filters[filterSaved].Text != "Saved 0" || w.filters[filterAll].Text != "All 4" {
		t.Errorf("filters say %q %q %q", w.filters[filterAll].Text, w.filters[filterActive].Text, w.filters[filterSaved].Text)
	}
	test.Tap(w.filters[filterSaved])
	if w.table.length() != 0 || !w.table.empty.Visible() || !strings.Contains(w.table.empty.Text, "No row is Saved") {
		t.Errorf("the Saved filter shows %d rows, empty %q", w.table.length(), w.table.empty.Text)
	}
	if w.filters[filterSaved].Importance != widget.HighImportance {
		t.Error("the filter in use is not marked")
	}
	test.Tap(w.filters[filterAll])
	test.Type(w.search, "page/2")
	if got := shownIDs(w); !slices.Equal(got, []int{3}) {
		t.Errorf("search for page/2 shows %v", got)
	}
}

func TestEmptyTableSaysWhatItIsFor(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	if !w.table.empty.Visible() || w.table.header.Visible() || w.overallBox.Visible() {
		t.Errorf("empty table: placeholder %v, header %v, bar %v", w.table.empty.Visible(), w.table.header.Visible(), w.overallBox.Visible())
	}
	queue(t, w, 1)
	if w.table.empty.Visible() || !w.table.header.Visible() {
		t.Error("the placeholder stays over a row")
	}
}

// TestTickDrawsOnlyChangedRowsOnScreen: progress of rows off screen costs
// no drawing; a change on screen redraws that row only.
func TestTickDrawsOnlyChangedRowsOnScreen(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	rows := fakeRows(10000)
	w.apply(engine.Snapshot{Version: 1, Phase: engine.Running, Full: true, Jobs: rows, Totals: engine.Totals{Jobs: len(rows), ETA: -1}})
	w.table.draws = 0
	far := rows[9000]
	far.State, far.Done, far.Total, far.Version = engine.Downloading, 500, 1000, 2
	w.apply(engine.Snapshot{Version: 2, Phase: engine.Running, Jobs: []engine.JobStatus{far}, Totals: engine.Totals{Jobs: len(rows), ETA: -1}})
	if w.table.draws != 0 {
		t.Errorf("a change off screen drew %d rows", w.table.draws)
	}
	near := rows[1]
	near.State, near.Done, near.Total, near.Version = engine.Downloading, 500, 1000, 3
	w.apply(engine.Snapshot{Version: 3, Phase: engine.Running, Jobs: []engine.JobStatus{near}, Totals: engine.Totals{Jobs: len(rows), ETA: -1}})
	if w.table.draws != 1 {
		t.Errorf("a change on screen drew %d rows, want 1", w.table.draws)
	}
	if rv := rowViewAt(t, w, 1); rv.cells[colProgress].Text != "50%" {
		t.Errorf("the changed row shows %q", rv.cells[colProgress].Text)
	}
}

// fakeRows are n queued jobs, as a full snapshot holds them.
func fakeRows(n int) []engine.JobStatus {
	jobs := make([]engine.JobStatus, n)
	for i := range jobs {
		jobs[i] = engine.JobStatus{ID: i + 1, URL: "https://example.com/some/page/" + itoa(i) + ".html",
			State: engine.Queued, Total: -1, ETA: -1, Version: 1}
	}
	return jobs
}

func TestWheelMovesThreeRowsANotch(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 200)
	rowViewAt(t, w, 0).Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	if got, want := w.table.list.GetScrollOffset(), 3*w.table.pitch; got != want {
		t.Errorf("one notch scrolled %v, want %v (three rows)", got, want)
	}
}

// TestDetailsKeepTheRowInSight: selecting a row near the bottom opens the
// pane under the table; the row must stay on screen.
func TestDetailsKeepTheRowInSight(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 50)
	_, last := w.table.onScreen()
	clickRow(t, w, last-1, 0)
	if !w.details.root.Visible() {
		t.Fatal("no details")
	}
	first, lastNow := w.table.onScreen()
	if p := last - 1; p < first || p >= lastNow {
		t.Errorf("the selected row %d is out of sight (%d..%d)", p, first, lastNow)
	}
}

func TestAddressesShownAsPeopleReadThem(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	w.box.SetText("https://bücher.example/café?q=東京")
	test.Tap(w.addButton)
	if got := rowViewAt(t, w, 0).cells[colAddress].Text; got != "https://bücher.example/café?q=東京" {
		t.Errorf("the table shows %q", got)
	}
}

// TestRowWordsFollowThePhase: "Queued: press Start" is true only while no
// run is under way; a start changes no row, yet the words must go.
func TestRowWordsFollowThePhase(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	rows := fakeRows(20)
	tot := engine.Totals{Jobs: len(rows), ETA: -1}
	w.apply(engine.Snapshot{Version: 1, Phase: engine.Idle, Full: true, Jobs: rows, Totals: tot})
	if got := rowViewAt(t, w, 3).cells[colMessage].Text; got != "Queued: press Start" {
		t.Fatalf("an idle queued row says %q", got)
	}
	w.apply(engine.Snapshot{Version: 2, Phase: engine.Running, Totals: tot})
	if got := rowViewAt(t, w, 3).cells[colMessage].Text; got != "" {
		t.Errorf("a queued row says %q while the run is under way", got)
	}
}

// TestRowTooltipShowsTheWholeRow: the columns cut long addresses and
// messages; the row's tooltip has them whole.
func TestRowTooltipShowsTheWholeRow(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	queue(t, w, 2)
	rv := rowViewAt(t, w, 1)
	if got, want := w.rowTip(rv.id), "https://example.com/page/1\nQueued: press Start"; got != want {
		t.Errorf("tooltip %q, want %q", got, want)
	}
	w.tips.show(rv, w.rowTip(rv.id))
	if !w.tips.box.Visible() || w.tips.text.Text != w.rowTip(rv.id) {
		t.Error("the tooltip is not shown")
	}
	rv.MouseOut()
	if w.tips.box.Visible() {
		t.Error("the tooltip stays after the pointer left")
	}
}
