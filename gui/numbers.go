package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// numberControl is a whole number between limits: [−] [ 8 ] [+] 1–64.
// Only digits can be typed; what is typed stays as typed until the person
// moves on (or presses Enter or Start), and is then brought into the
// limits with a note that says so ("64 is the most"), so the engine never
// sees a count it would refuse and nobody wonders why 100 became 64.
type numberControl struct {
	widget.BaseWidget
	min, max, value int
	// OnChanged is called with each new value.
	OnChanged func(int)

	entry       *numberEntry
	minus, plus *widget.Button
	limits      fyne.CanvasObject
	note        *widget.Label // says a number was brought into the limits
	disabled    bool
}

func newNumberControl(lo, hi, value int, changed func(int)) *numberControl {
	n := &numberControl{min: lo, max: hi, value: clamp(value, lo, hi), OnChanged: changed}
	n.ExtendBaseWidget(n)
	n.limits = hint(strconv.Itoa(lo) + "–" + strconv.Itoa(hi))
	n.note = widget.NewLabel("")
	n.note.Importance = widget.WarningImportance
	n.note.Hide()
	// One digit more than the largest value: 100 can be typed, and is
	// then brought down to 64 with a note, rather than refused key by key.
	n.entry = newNumberEntry(len(strconv.Itoa(hi)) + 1)
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
	return widget.NewSimpleRenderer(container.NewHBox(n.minus, n.entry, n.plus, n.limits, n.note))
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
	n.say("")
	n.SetValue(n.value + d)
}

// typed takes what is in the entry while it is being edited: a number
// within the limits is taken at once; anything else waits for commit, so
// "1" can become "16" and "100" is seen before it becomes 64.
func (n *numberControl) typed(s string) {
	if n.entry.quiet {
		return
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < n.min || v > n.max {
		return
	}
	n.say("")
	n.set(v)
}

// commit settles the entry on a valid number when the person is done,
// saying so when what was typed was out of the limits.
func (n *numberControl) commit() {
	v, err := strconv.Atoi(strings.TrimSpace(n.entry.Text))
	switch {
	case err != nil:
		v = n.value
	case v > n.max:
		n.say(strconv.Itoa(n.max) + " is the most")
	case v < n.min:
		n.say(strconv.Itoa(n.min) + " is the least")
	}
	n.SetValue(v)
}

// say shows a note beside the control, or hides it for "".
func (n *numberControl) say(s string) {
	setText(n.note, s)
	if (s != "") != n.note.Visible() {
		if s != "" {
			n.note.Show()
		} else {
			n.note.Hide()
		}
	}
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
