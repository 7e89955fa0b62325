package gui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
	"pagekeeper/engine/address"
)

// maxLeftInBox is how many rejected lines go back into the box to be fixed:
// enough to work through, few enough that the Entry stays quick.
const maxLeftInBox = 200

// maxListFile is the largest file "Add from file…" reads: far more than any
// list of addresses, far less than a film picked by mistake.
const maxListFile = 64 << 20

// boxCount is what the box holds right now.
type boxCount struct {
	ready         int // addresses that would be added
	notUnderstood int
	duplicates    int
	rejects       []rejectLine
}

// rejectLine is one line that was not added, for the "show" list.
type rejectLine struct {
	Line   int
	Text   string
	Reason string
}

func rejectLines(rs []address.Rejection) []rejectLine {
	out := make([]rejectLine, len(rs))
	for i, r := range rs {
		out[i] = rejectLine{Line: r.Line, Text: r.Text, Reason: r.Reason}
	}
	return out
}

// onBoxChanged recounts the box as the person types.
func (w *Window) onBoxChanged(text string) {
	if w.suppress {
		return
	}
	w.countBox(text)
	w.rejects = w.boxParsed.rejects
	w.say(w.boxText(), widget.MediumImportance)
	w.updateButtons()
}

// countBox parses the box; it holds at most a few hundred lines, so this
// is cheap enough for every keystroke.
func (w *Window) countBox(text string) {
	p := address.Parse(text)
	c := boxCount{ready: len(p.Accepted), rejects: rejectLines(p.Rejected)}
	for _, r := range p.Rejected {
		if r.Duplicate {
			c.duplicates++
		} else {
			c.notUnderstood++
		}
	}
	w.boxParsed = c
}

// boxText is the live count: "3 addresses ready · 2 lines not understood".
func (w *Window) boxText() string {
	c := w.boxParsed
	if c.ready == 0 && c.notUnderstood == 0 && c.duplicates == 0 {
		key := "Ctrl"
		if runtime.GOOS == "darwin" {
			key = "⌘"
		}
		return "Type or paste addresses above, then press Start (" + key + "+Enter)"
	}
	parts := []string{plural(c.ready, "address", "addresses") + " ready"}
	if c.notUnderstood > 0 {
		parts = append(parts, plural(c.notUnderstood, "line", "lines")+" not understood")
	}
	if c.duplicates > 0 {
		parts = append(parts, plural(c.duplicates, "duplicate", "duplicates"))
	}
	return strings.Join(parts, " · ")
}

// say puts text on the count line, with the "show" link when there are
// rejected lines to show.
func (w *Window) say(text string, imp widget.Importance) {
	if w.count.Text != text {
		w.count.SetText(text)
		w.countRow.Refresh() // the link follows the text
	}
	if w.count.Importance != imp {
		w.count.Importance = imp
		w.count.Refresh()
	}
	if want := len(w.rejects) > 0; want != w.showLink.Visible() {
		if want {
			w.showLink.Show()
		} else {
			w.showLink.Hide()
		}
		w.countRow.Refresh() // lay the row out again around the link
	}
}

// onAdd moves the box's addresses into the list. Lines that were not
// understood stay in the box to be fixed.
func (w *Window) onAdd() {
	text := w.box.Text
	if w.eng == nil || strings.TrimSpace(text) == "" {
		return
	}
	res, err := w.eng.Add(text)
	if err != nil {
		w.refuse(err)
		return
	}
	left, kept := leftovers(text, res.Rejected)
	w.setBox(left)
	w.reportAdd(res, "", kept, false)
	w.refreshNow()
}

// onLargePaste adds a paste too large for the box straight to the list;
// only the lines not understood (at most maxLeftInBox) go into the box.
func (w *Window) onLargePaste(text string) {
	if w.eng == nil {
		w.refuse(errNoFolder)
		return
	}
	res, err := w.eng.Add(text)
	if err != nil {
		w.refuse(fmt.Errorf("%w The addresses are still on the clipboard: paste them again when it is done.", err))
		return
	}
	left, kept := leftovers(text, res.Rejected)
	if left != "" {
		if cur := strings.TrimRight(w.box.Text, "\r\n"); cur != "" {
			left = cur + "\n" + left
		}
		w.setBox(left)
	}
	w.reportAdd(res, "", kept, false)
	w.refreshNow()
}

var errNoFolder = errors.New("Choose a folder to keep the pages in first.")

// refuse says why nothing was added; the box keeps its text.
func (w *Window) refuse(err error) {
	w.say("Not added: "+err.Error(), widget.WarningImportance)
}

// setBox replaces the box's text without counting it as typing.
func (w *Window) setBox(text string) {
	w.suppress = true
	w.box.SetText(text)
	w.suppress = false
	w.countBox(text)
}

// leftovers are the lines worth fixing from text: those not understood,
// at most maxLeftInBox of them, in their order. Duplicates are left out;
// there is nothing to fix about them. kept is how many lines it holds.
func leftovers(text string, rs []address.Rejection) (left string, kept int) {
	want := map[int]bool{}
	var order []int
	for _, r := range rs {
		if r.Duplicate || want[r.Line] {
			continue
		}
		if len(order) == maxLeftInBox {
			break
		}
		want[r.Line] = true
		order = append(order, r.Line)
	}
	lines := linesAt(text, want)
	var b strings.Builder
	for _, n := range order {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimSpace(lines[n]))
	}
	return b.String(), len(order)
}

// reportAdd says what an Add did: "Added 38 addresses · 2 lines not
// understood (left in the box) · 3 duplicates".
func (w *Window) reportAdd(res engine.AddResult, from string, leftInBox int, fromFile bool) {
	added := "Added " + plural(len(res.Accepted), "address", "addresses")
	if from != "" {
		added += " from " + from
	}
	parts := []string{added}
	bad, dup := 0, 0
	for _, r := range res.Rejected {
		if r.Duplicate {
			dup++
		} else {
			bad++
		}
	}
	if bad > 0 {
		s := plural(bad, "line", "lines") + " not understood"
		switch {
		case fromFile:
		case leftInBox < bad:
			s += fmt.Sprintf(" (the first %s are in the box)", count(leftInBox))
		default:
			s += " (left in the box)"
		}
		parts = append(parts, s)
	}
	if dup > 0 {
		parts = append(parts, plural(dup, "duplicate", "duplicates")+" skipped")
	}
	// The engine reports lines already in the list after the parse's own
	// rejects: show them all in the order of the text.
	w.rejects = rejectLines(res.Rejected)
	slices.SortStableFunc(w.rejects, func(a, b rejectLine) int { return a.Line - b.Line })
	imp := widget.MediumImportance
	if bad > 0 {
		imp = widget.WarningImportance
	}
	w.say(strings.Join(parts, " · "), imp)
}

// onAddFile adds the addresses in a text file, one per line. The file
// never goes through the box, however long it is.
func (w *Window) onAddFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r == nil {
			return // closed without choosing
		}
		defer r.Close()
		w.addFromReader(r.URI().Name(), r)
	}, w.win)
	d.SetConfirmText("Add")
	d.Resize(w.bigDialogSize(0.9))
	w.track(d)
	d.Show()
}

// addFromReader adds the list in r, named name for messages.
func (w *Window) addFromReader(name string, r io.Reader) {
	if w.eng == nil {
		w.showError(errNoFolder)
		return
	}
	data, err := io.ReadAll(io.LimitReader(r, maxListFile+1))
	switch {
	case err != nil:
		w.showError(fmt.Errorf("%s could not be read: %v", name, err))
		return
	case len(data) > maxListFile:
		w.showError(fmt.Errorf("%s is larger than %d MB: too large to be a list of web addresses.", name, maxListFile>>20))
		return
	case bytes.IndexByte(data, 0) >= 0:
		w.showError(fmt.Errorf("%s does not look like a text file. Choose a plain text file with one web address per line.", name))
		return
	}
	res, err := w.eng.Add(string(data))
	if err != nil {
		w.showError(err)
		return
	}
	w.reportAdd(res, name, 0, true)
	w.refreshNow()
}
