package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine/address"
)

// largePasteLines is the most lines a paste may have and still go into the
// box. Fyne's multi-line Entry slows down badly with thousands of lines (5 s
// to set 10,000, 9.6 s per keystroke after), so larger pastes go straight
// to the list.
const largePasteLines = 20

// pasteEntry is the multi-line address box. It differs from a plain Entry
// in three ways: a large paste never enters it, Ctrl+Enter (Cmd+Enter)
// starts the run, which a focused Entry would otherwise swallow, and Tab
// leaves it instead of typing a tab.
type pasteEntry struct {
	widget.Entry
	onLargePaste func(text string)
	onSubmit     func()
}

func newPasteEntry() *pasteEntry {
	e := &pasteEntry{}
	e.MultiLine = true
	// Addresses are long and must not be broken across lines: one line,
	// one address, as the line numbers in the reject list assume.
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut diverts large pastes and Ctrl+Enter; everything else is a
// normal Entry shortcut.
func (e *pasteEntry) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutPaste:
		if e.Disabled() || e.onLargePaste == nil {
			break
		}
		clip := s.Clipboard
		if clip == nil {
			clip = fyne.CurrentApp().Clipboard()
		}
		if text := clip.Content(); moreLinesThan(text, largePasteLines) {
			e.onLargePaste(text)
			return
		}
	case *desktop.CustomShortcut:
		if isStartShortcut(s) && e.onSubmit != nil {
			e.onSubmit()
			return
		}
		if s.KeyName == fyne.KeyTab && s.Modifier == fyne.KeyModifierControl {
			// Ctrl+Tab leaves the box too, as in other toolkits'
			// multi-line boxes.
			if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
				c.FocusNext()
			}
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// AcceptsTab is false: Tab moves the focus out of the box to the next
// control, so a keyboard-only person can reach every control. A list of
// addresses has no use for tab characters.
func (e *pasteEntry) AcceptsTab() bool { return false }

// isStartShortcut reports whether s is Ctrl+Enter (Cmd+Enter on a Mac),
// with either Enter key.
func isStartShortcut(s *desktop.CustomShortcut) bool {
	return (s.KeyName == fyne.KeyReturn || s.KeyName == fyne.KeyEnter) &&
		s.Modifier == fyne.KeyModifierShortcutDefault
}

// moreLinesThan reports whether text has more than n lines, without
// counting all of a huge text.
func moreLinesThan(text string, n int) bool {
	lines := 1
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue // "\r\n" ends the line at its '\n'
			}
		default:
			continue
		}
		if i == len(text)-1 {
			break // a final line break does not start another line
		}
		lines++
		if lines > n {
			return true
		}
	}
	return lines > n
}

// linesAt returns the 1-based numbered lines of text that want holds,
// numbered as address.Parse numbers them. It stops once it has them all.
func linesAt(text string, want map[int]bool) map[int]string {
	got := make(map[int]string, len(want))
	for n, line := range address.Lines(text) {
		if len(got) == len(want) {
			break
		}
		if want[n] {
			got[n] = line
		}
	}
	return got
}
