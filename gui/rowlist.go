package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// rowList is the scrolling part of the table: Fyne's List for its
// recycling of rows and uniform heights, with the keys of a file list
// instead of its own selection: Up, Down, Home, End, Page Up and Page
// Down move (with Shift they extend the selection), Enter opens, Delete
// removes, Ctrl+A selects all, Ctrl+C copies the addresses, Shift+F10
// opens the row menu and Escape selects nothing.
type rowList struct {
	widget.List
	tb    *table
	shift bool // a Shift key is held
}

func newRowList(tb *table) *rowList {
	l := &rowList{tb: tb}
	l.Length = tb.length
	l.CreateItem = func() fyne.CanvasObject { return newRowView(tb) }
	l.UpdateItem = tb.bind
	l.HideSeparators = true
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained shows the keyboard's row; the list's own highlight is not
// used.
func (l *rowList) FocusGained() {
	l.tb.focused = true
	if l.tb.sel.cursor == 0 && l.tb.length() > 0 {
		l.tb.sel.cursor = l.tb.idAt(0)
	}
	l.tb.redrawMarks()
}

// FocusLost hides the keyboard's row.
func (l *rowList) FocusLost() {
	l.tb.focused = false
	l.shift = false
	l.tb.redrawMarks()
}

// KeyDown notes Shift, which Fyne reports as a key of its own.
func (l *rowList) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

// KeyUp notes Shift let go.
func (l *rowList) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}

// TypedKey moves through the rows and acts on the selection.
func (l *rowList) TypedKey(ev *fyne.KeyEvent) {
	tb := l.tb
	cur := tb.placeOf(tb.sel.cursor)
	page := 10
	if first, last := tb.onScreen(); last > first {
		page = last - first
	}
	switch ev.Name {
	case fyne.KeyDown:
		tb.moveTo(cur+1, l.shift)
	case fyne.KeyUp:
		if cur < 0 {
			cur = 1
		}
		tb.moveTo(cur-1, l.shift)
	case fyne.KeyHome:
		tb.moveTo(0, l.shift)
	case fyne.KeyEnd:
		tb.moveTo(tb.length()-1, l.shift)
	case fyne.KeyPageDown:
		tb.moveTo(max(cur, 0)+page, l.shift)
	case fyne.KeyPageUp:
		tb.moveTo(cur-page, l.shift)
	case fyne.KeySpace:
		if cur >= 0 {
			tb.clicked(cur, fyne.KeyModifierShortcutDefault)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if tb.sel.cursor != 0 {
			tb.w.openRow(tb.sel.cursor)
		}
	case fyne.KeyDelete:
		tb.w.removeSelected()
	case fyne.KeyEscape:
		tb.sel.none()
		tb.redrawMarks()
		tb.w.selectionChanged()
	case fyne.KeyF10:
		if l.shift {
			tb.showMenuAtCursor()
		}
	}
}

// TypedRune does nothing: typing goes to the search box.
func (l *rowList) TypedRune(rune) {}

// TypedShortcut copies the selected addresses and selects all.
func (l *rowList) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy:
		l.tb.w.copySelected()
	case *fyne.ShortcutSelectAll:
		l.tb.sel.all(l.tb.length(), l.tb.idAt)
		l.tb.redrawMarks()
		l.tb.w.selectionChanged()
	default:
		if cs, ok := s.(*desktop.CustomShortcut); ok && isStartShortcut(cs) {
			l.tb.w.onShortcutStart()
		}
	}
}
