package gui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestTabLeavesTheBox: Fyne's driver gives Tab to a focused widget only
// when it accepts tabs; the box must not, so Tab moves on.
func TestTabLeavesTheBox(t *testing.T) {
	w := newTestWindow(t, testConfig(t))
	if w.box.AcceptsTab() {
		t.Fatal("the address box takes Tab: a keyboard can never leave it")
	}
	c := w.win.Canvas()
	c.Focus(w.box)
	w.box.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl})
	if c.Focused() == w.box {
		t.Error("Ctrl+Tab left the focus in the box")
	}
}

// TestEveryControlIsReachableInOrder walks the focus chain as Tab does
// and checks the order: the box, its buttons, the settings, the run's
// buttons, the table's bar, the table.
func TestEveryControlIsReachableInOrder(t *testing.T) {
	cfg := testConfig(t)
	cfg.Format = nil // complete pages: Keep scripts can be ticked
	w := newTestWindow(t, cfg)
	w.box.SetText("example.com") // Start and Add to list come alive
	names := map[fyne.Focusable]string{
		w.box: "box", w.addButton: "Add to list", w.addFile: "Add from file",
		w.downloads.minus: "downloads −", w.downloads.entry: "downloads", w.downloads.plus: "downloads +",
		w.saves.minus: "saves −", w.saves.entry: "saves", w.saves.plus: "saves +",
		w.perSite.minus: "per site −", w.perSite.entry: "per site", w.perSite.plus: "per site +",
		w.format: "format", w.keepScripts: "Keep scripts", w.wacz: "WACZ", w.newCopy: "new copy",
		w.chooseDir: "Choose", w.openFolder: "Open folder", w.openIndex: "Open index", w.start: "Start", w.about: "About",
		w.filters[filterAll]: "All", w.filters[filterActive]: "Active", w.filters[filterSaved]: "Saved",
		w.filters[filterFailed]: "Failed", w.filters[filterCanceled]: "Canceled",
		w.search: "search", w.table.list: "table",
	}
	c := w.win.Canvas()
	c.Focus(w.box)
	var got []string
	for range 40 {
		c.FocusNext()
		f := c.Focused()
		name, ok := names[f]
		if !ok {
			name = "?"
		}
		if f == w.box {
			break
		}
		got = append(got, name)
	}
	want := []string{"Add to list", "Add from file", "downloads −", "downloads", "downloads +",
		"saves −", "saves", "saves +", "per site −", "per site", "per site +",
		"format", "Keep scripts", "WACZ", "new copy", "Choose", "Open folder",
		"Start", "About", "All", "Active", "Saved", "Failed", "Canceled", "search", "table"}
	if !slices.Equal(got, want) {
		t.Errorf("Tab visits\n%v\nwant\n%v", got, want)
	}
}
