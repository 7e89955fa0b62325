package gui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// showMenu opens the row menu at pos (absolute in the window): the
// actions on the selected rows, each enabled only when it applies.
func (tb *table) showMenu(pos fyne.Position) {
	w := tb.w
	ids := tb.selectedIDs()
	if len(ids) == 0 {
		return
	}
	saved, retryable, removable := 0, 0, 0
	for _, id := range ids {
		r, _ := w.row(id)
		if r.State == engine.Saved && r.SavedPath != "" {
			saved++
		}
		if canRetry(r.State) {
			retryable++
		}
		if canRemove(r.State) {
			removable++
		}
	}
	cursor, _ := w.row(tb.sel.cursor)
	openOne := cursor.State == engine.Saved && cursor.SavedPath != ""
	item := func(label string, icon fyne.Resource, enabled bool, do func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, do)
		it.Icon = icon
		it.Disabled = !enabled
		return it
	}
	addresses := "Copy address"
	if len(ids) > 1 {
		addresses = fmt.Sprintf("Copy %s addresses", count(len(ids)))
	}
	remove := "Remove from the list"
	if removable > 1 {
		remove = fmt.Sprintf("Remove %s rows from the list", count(removable))
	}
	retry := "Retry"
	if retryable > 1 {
		retry = fmt.Sprintf("Retry %s rows", count(retryable))
	}
	menu := fyne.NewMenu("",
		item("Open", theme.FileIcon(), openOne, func() { w.openRow(tb.sel.cursor) }),
		item("Show in folder", theme.FolderOpenIcon(), openOne, func() { w.showRowInFolder(tb.sel.cursor) }),
		fyne.NewMenuItemSeparator(),
		item(addresses, theme.ContentCopyIcon(), true, w.copySelected),
		item(retry, theme.ViewRefreshIcon(), retryable > 0 && w.canChangeList(), w.retrySelected),
		item(remove, theme.DeleteIcon(), removable > 0, w.removeSelected),
		fyne.NewMenuItemSeparator(),
		item("Select all", nil, true, func() {
			tb.sel.all(tb.length(), tb.idAt)
			tb.redrawMarks()
			w.selectionChanged()
		}),
	)
	// The keys that do the same, shown beside the items.
	menu.Items[3].Shortcut = &fyne.ShortcutCopy{}
	menu.Items[5].Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyDelete}
	menu.Items[7].Shortcut = &fyne.ShortcutSelectAll{}
	tb.menu = menu
	widget.ShowPopUpMenuAtPosition(menu, w.win.Canvas(), pos)
}

// showMenuAtCursor opens the row menu under the keyboard's row.
func (tb *table) showMenuAtCursor() {
	p := tb.placeOf(tb.sel.cursor)
	rv, ok := tb.visible[p]
	if !ok || rv.pos != p {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(rv)
	tb.showMenu(pos.AddXY(tb.widths[colNumber], rv.Size().Height))
}

// canRetry reports whether a row in state s can be queued again.
func canRetry(s engine.State) bool {
	return s == engine.Failed || s == engine.Canceled || s == engine.Skipped
}

// canRemove reports whether a row in state s can leave the list: not
// while a worker holds it.
func canRemove(s engine.State) bool {
	return s != engine.Downloading && s != engine.WaitingToSave && s != engine.Saving
}

// canChangeList reports whether the list takes changes now: not while
// draining or stopping.
func (w *Window) canChangeList() bool {
	return w.eng != nil && w.phase != engine.Draining && w.phase != engine.Stopping
}

// selectionChanged shows the details of the one row selected.
func (w *Window) selectionChanged() {
	ids := w.table.sel.ids
	if len(ids) == 1 {
		for id := range ids {
			if id != w.details.id {
				w.details.show(id)
				w.table.keepCursorInSight()
			}
		}
	} else {
		w.details.hide()
	}
	w.note("")
}

// openRow opens job id's saved file with the system's application.
func (w *Window) openRow(id int) {
	if r, ok := w.row(id); ok && r.State == engine.Saved && r.SavedPath != "" {
		w.openPath(w.savedPath(r), "the saved page")
	}
}

// showRowInFolder opens the folder that holds job id's file.
func (w *Window) showRowInFolder(id int) {
	if r, ok := w.row(id); ok && r.SavedPath != "" {
		w.openPath(filepath.Dir(w.savedPath(r)), "the folder")
	}
}

// copySelected puts the selected addresses on the clipboard, one a line,
// in the order shown, with any password hidden.
func (w *Window) copySelected() {
	ids := w.table.selectedIDs()
	if len(ids) == 0 {
		return
	}
	var b strings.Builder
	for _, id := range ids {
		r, _ := w.row(id)
		b.WriteString(r.URL) // already without its password
		b.WriteByte('\n')
	}
	text := b.String()
	if len(ids) == 1 {
		text = strings.TrimSuffix(text, "\n")
	}
	w.app.Clipboard().SetContent(text)
	w.note("Copied " + plural(len(ids), "address", "addresses"))
}

// retrySelected queues the selected failed, canceled and skipped rows
// again.
func (w *Window) retrySelected() {
	var ids []int
	for _, id := range w.table.selectedIDs() {
		if r, _ := w.row(id); canRetry(r.State) {
			ids = append(ids, id)
		}
	}
	w.retry(ids...)
}

// removeSelected takes the selected rows out of the list; rows a worker
// holds stay, and the note says so. Saved files stay on disk.
func (w *Window) removeSelected() {
	ids := w.table.selectedIDs()
	if w.eng == nil || len(ids) == 0 {
		return
	}
	gone := w.eng.Remove(ids...)
	w.remove(gone)
	w.refreshNow()
	msg := "Removed " + plural(len(gone), "row", "rows") + " from the list"
	if len(gone) > 0 {
		msg += " (saved files stay in the folder)"
	}
	if kept := len(ids) - len(gone); kept > 0 {
		msg += fmt.Sprintf(" · %s in progress stayed: stop the run to remove them", plural(kept, "row", "rows"))
	}
	w.note(msg)
}

// rowTip is a row's tooltip: its whole address, and its message when it
// has one.
func (w *Window) rowTip(id int) string {
	r, ok := w.row(id)
	if !ok {
		return ""
	}
	tip := w.shownAddress(id)
	if m := w.rowMessage(&r); m != "" {
		tip += "\n" + m
	}
	return tip
}
