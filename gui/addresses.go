package gui

import (
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
	"pagekeeper/engine/listfile"
)

// maxLeftInBox is how many rejected lines go back into the box to be fixed:
// enough to work through, few enough that the Entry stays quick.
const maxLeftInBox = 200

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
	w.reported = false
	w.say(w.boxText(), w.boxImportance())
	w.updateButtons()
}

// boxImportance colours the box's count: a warning while some lines are
// not understood.
func (w *Window) boxImportance() widget.Importance {
	if w.boxParsed.notUnderstood > 0 {
		return widget.WarningImportance
	}
	return widget.MediumImportance
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
	var parts []string
	if c.ready > 0 {
		parts = append(parts, plural(c.ready, "address", "addresses")+" ready")
	}
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
	if strings.TrimSpace(text) == "" {
		return
	}
	if w.eng == nil {
		w.refuse(errNoFolder)
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

var errNoFolder = errors.New("Pagekeeper has no folder to keep pages in yet: wait for the folder check, or use Choose… to pick one.")

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
	w.reported = true
}

// opener opens a list file again: Preview reads it once, and adding it
// reads it a second time.
type opener func() (io.ReadCloser, error)

// onAddFile adds the addresses in a file chosen by the person. The file
// never goes through the box, however long it is, and is read off the
// window's goroutine: a 50 MB list or a sleeping disk must not freeze the
// window.
func (w *Window) onAddFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(errors.New("The file could not be opened. Choose another file."))
			return
		}
		if r == nil {
			return // closed without choosing
		}
		uri := r.URI()
		r.Close()
		w.previewList(uri.Name(), uriOpener(uri))
	}, w.win)
	d.SetConfirmText("Add")
	d.SetTitleText("Add the addresses in a file")
	w.track(d)
	d.Show()
	// After Show: Fyne 2.8.1's file dialog crashes when resized before
	// it is shown.
	d.Resize(w.bigDialogSize(0.9))
}

// listFile is a list file waiting to be read: chosen, or dropped on the
// window.
type listFile struct {
	name string
	open opener
}

// previewList reads the list named name to say what it holds, then asks
// before adding it. Files chosen or dropped while another is being read
// or asked about wait their turn.
func (w *Window) previewList(name string, open opener) {
	w.readLists(listFile{name, open})
}

// readLists queues files to be read and asked about one at a time.
func (w *Window) readLists(files ...listFile) {
	idle := len(w.lists) == 0
	w.lists = append(w.lists, files...)
	if idle {
		w.previewNext()
	}
}

// listDone finishes with the first file waiting and goes on to the next.
func (w *Window) listDone() {
	if len(w.lists) > 0 {
		w.lists[0] = listFile{}
		w.lists = w.lists[1:]
	}
	w.previewNext()
}

// previewNext reads the first file waiting, off the window's goroutine:
// only the counts of what it holds come back.
func (w *Window) previewNext() {
	if len(w.lists) == 0 {
		return
	}
	if w.eng == nil {
		w.lists = nil
		w.showError(errNoFolder)
		return
	}
	name, open := w.lists[0].name, w.lists[0].open
	w.adding = true
	w.updateButtons()
	w.say("Reading "+name+"…", widget.MediumImportance)
	ctx := w.workCtx
	w.background(func() {
		var sum listfile.Summary
		r, err := open()
		if err == nil {
			sum, err = listfile.Preview(ctx, r, name)
			r.Close()
		}
		w.do(func() {
			w.adding = false
			w.updateButtons()
			w.say(w.boxText(), w.boxImportance())
			switch {
			case ctx.Err() != nil:
			case err != nil:
				w.showError(listError(name, err), w.listDone)
			case sum.Addresses == 0:
				w.showError(fmt.Errorf("%s holds no web addresses (%s). Choose a file with web addresses in it.", name, sum), w.listDone)
			default:
				w.confirmList(name, sum, open)
			}
		})
	})
}

// confirmList says what the list holds and adds it when the person agrees.
func (w *Window) confirmList(name string, sum listfile.Summary, open opener) {
	text := widget.NewLabel(sum.String() + "." + problemLines(sum) + "\n\nAdd them to the list? Addresses already in the list are skipped.")
	text.Wrapping = fyne.TextWrapWord
	added := false
	d := dialog.NewCustomConfirm("Add "+name+"?", "Add", "Cancel", text, func(ok bool) {
		if ok {
			added = true
			w.addList(name, open)
		}
	}, w.win)
	d.Resize(fyne.NewSize(min(520, w.win.Canvas().Size().Width*0.9), 0))
	w.track(d, func() {
		if !added {
			w.listDone() // canceled, or closed with Escape
		}
	})
	d.Show()
}

// maxProblemsShown is how many lines not understood the preview quotes.
const maxProblemsShown = 3

// problemLines quotes the first lines of a list that are not web
// addresses, with why, so a person can tell a wrong file from a few bad
// lines: "Line 5, “not an address”: …".
func problemLines(sum listfile.Summary) string {
	var b strings.Builder
	for i, p := range sum.Problems {
		if i == maxProblemsShown {
			break
		}
		text := p.Text
		if r := []rune(text); len(r) > 60 {
			text = string(r[:59]) + "…"
		}
		fmt.Fprintf(&b, "\nLine %d, “%s”: %s", p.Line, text, p.Reason)
	}
	return b.String()
}

// addList reads the list named name and adds it, off the window's
// goroutine, in the engine's batches; the pump shows the rows as they
// come.
func (w *Window) addList(name string, open opener) {
	eng := w.eng
	if eng == nil {
		w.lists = nil
		w.showError(errNoFolder)
		return
	}
	w.adding = true
	w.updateButtons()
	w.say("Adding the addresses in "+name+"…", widget.MediumImportance)
	ctx := w.workCtx
	w.background(func() {
		var res engine.AddResult
		r, err := open()
		if err == nil {
			var l *listfile.List
			if l, err = listfile.Open(r, name); err == nil {
				res, err = eng.AddEntries(ctx, l.Entries(ctx))
				if err == nil {
					err = l.Err()
				}
			}
			r.Close()
		}
		w.do(func() {
			w.adding = false
			w.reportAdd(res, name, 0, true)
			w.refreshNow()
			if err != nil && ctx.Err() == nil {
				w.showError(listError(name, err), w.listDone)
				return
			}
			w.listDone()
		})
	})
}

// listError is err in words a person can act on: the engine's and the
// list reader's errors already are; anything else is not shown as it is.
func listError(name string, err error) error {
	var le *listfile.Error
	switch {
	case errors.As(err, &le), errors.Is(err, engine.ErrDraining), errors.Is(err, engine.ErrStopping):
		return err
	}
	return fmt.Errorf("%s could not be read: check that it is still there and that you may open it, then try again.", name)
}
