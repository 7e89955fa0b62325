package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// numberControl is a whole number between limits: [−] [ 8 ] [+]. Typing is
// allowed but only digits get in, and the value never leaves its limits, so
// the engine never sees a worker count it would refuse.
type numberControl struct {
	widget.BaseWidget
	min, max, value int
	// OnChanged is called with each new value.
	OnChanged func(int)

	entry       *numberEntry
	minus, plus *widget.Button
	disabled    bool
}

func newNumberControl(lo, hi, value int, changed func(int)) *numberControl {
	n := &numberControl{min: lo, max: hi, value: clamp(value, lo, hi), OnChanged: changed}
	n.ExtendBaseWidget(n)
	n.entry = newNumberEntry(len(strconv.Itoa(hi)))
	n.entry.SetText(strconv.Itoa(n.value))
	n.entry.OnChanged = n.typed
	n.entry.OnSubmitted = func(string) { n.commit() }
	n.entry.onFocusLost = n.commit
	n.entry.onStep = n.step
	n.minus = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { n.step(-1) })
	n.plus = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { n.step(+1) })
	n.updateButtons()
	return n
}

// CreateRenderer lays the control out as one compact row.
func (n *numberControl) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewHBox(n.minus, n.entry, n.plus))
}

// Value is the current number.
func (n *numberControl) Value() int { return n.value }

// SetValue changes the number, clamped to the limits.
func (n *numberControl) SetValue(v int) {
	n.set(clamp(v, n.min, n.max))
	n.entry.setTextQuietly(strconv.Itoa(n.value))
}

// Disabled reports whether the control refuses input.
func (n *numberControl) Disabled() bool { return n.disabled }

// Enable lets the person change the number.
func (n *numberControl) Enable() { n.setEnabled(true) }

// Disable stops the person changing the number, while a run uses it.
func (n *numberControl) Disable() { n.setEnabled(false) }

func (n *numberControl) setEnabled(on bool) {
	if on == !n.disabled {
		return
	}
	n.disabled = !on
	if on {
		n.entry.Enable()
	} else {
		n.commit()
		n.entry.Disable()
	}
	n.updateButtons()
}

func (n *numberControl) step(d int) {
	n.SetValue(n.value + d)
}

// typed takes what is in the entry while it is being edited: a number
// above the limit is cut to it at once; an empty box or zero waits for
// commit, so "1" can become "16".
func (n *numberControl) typed(s string) {
	if n.entry.quiet {
		return
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < n.min {
		return
	}
	if v > n.max {
		n.set(n.max)
		n.entry.setTextQuietly(strconv.Itoa(n.max))
		return
	}
	n.set(v)
}

// commit settles the entry on a valid number when the person is done.
func (n *numberControl) commit() {
	v, err := strconv.Atoi(strings.TrimSpace(n.entry.Text))
	if err != nil {
		v = n.value
	}
	n.SetValue(v)
}

func (n *numberControl) set(v int) {
	changed := v != n.value
	n.value = v
	n.updateButtons()
	if changed && n.OnChanged != nil {
		n.OnChanged(v)
	}
}

func (n *numberControl) updateButtons() {
	enable(n.minus, !n.disabled && n.value > n.min)
	enable(n.plus, !n.disabled && n.value < n.max)
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// numberEntry is a one-line entry that accepts only digits, as wide as its
// largest number needs, where Up and Down step the value.
type numberEntry struct {
	widget.Entry
	digits      int
	quiet       bool // the text is being set by us, not typed
	onFocusLost func()
	onStep      func(int)
}

func newNumberEntry(digits int) *numberEntry {
	e := &numberEntry{digits: digits}
	e.ExtendBaseWidget(e)
	return e
}

// TypedRune lets digits in, up to as many as the largest value has.
func (e *numberEntry) TypedRune(r rune) {
	if r < '0' || r > '9' {
		return
	}
	if len(e.Text) >= e.digits && e.SelectedText() == "" {
		return
	}
	e.Entry.TypedRune(r)
}

// TypedKey steps the value with the arrow keys.
func (e *numberEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp:
		e.onStep(+1)
	case fyne.KeyDown:
		e.onStep(-1)
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut keeps pasted text to its digits.
func (e *numberEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok {
		clip := p.Clipboard
		if clip == nil {
			clip = fyne.CurrentApp().Clipboard()
		}
		for _, r := range clip.Content() {
			e.TypedRune(r)
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost settles the value once the person moves on.
func (e *numberEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// MinSize is just wide enough for the largest value, measured in the
// current theme so it fits at any text size.
func (e *numberEntry) MinSize() fyne.Size {
	min := e.Entry.MinSize()
	th := e.Theme()
	text := fyne.MeasureText(strings.Repeat("0", e.digits+1), th.Size(theme.SizeNameText), fyne.TextStyle{})
	min.Width = text.Width + 2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameInputBorder)
	return min
}

func (e *numberEntry) setTextQuietly(s string) {
	if e.Text == s {
		return
	}
	e.quiet = true
	e.SetText(s)
	e.quiet = false
}
