package gui

import (
	"image/color"
	"path"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// rowView is one row of the table: every column of one job, drawn as a
// whole so it can be selected, right-clicked and scrolled as a whole.
type rowView struct {
	widget.BaseWidget
	t   *table
	pos int // place in the view it shows; -1 before it shows one
	id  int // job ID it shows

	selected, focused, hovered bool

	back, outline *canvas.Rectangle
	cells         [numCols]*widget.Label
	icon          *widget.Icon
	bar           *bar
}

func newRowView(t *table) *rowView {
	r := &rowView{t: t, pos: -1, back: canvas.NewRectangle(color.Transparent), outline: canvas.NewRectangle(color.Transparent),
		icon: widget.NewIcon(nil), bar: newBar()}
	r.outline.StrokeWidth = 2
	for c := range r.cells {
		l := widget.NewLabel("")
		if flexible(c) {
			l.Truncation = fyne.TextTruncateEllipsis
		}
		r.cells[c] = l
	}
	r.cells[colNumber].Alignment = fyne.TextAlignTrailing
	r.cells[colSize].Alignment = fyne.TextAlignTrailing
	r.cells[colSpeed].Alignment = fyne.TextAlignTrailing
	r.cells[colProgress].Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

// show fills the row with job r at place pos, changing only what differs:
// a label that keeps its text costs nothing to draw again.
func (r *rowView) show(pos int, js *engine.JobStatus, shown string) {
	r.pos, r.id = pos, js.ID
	tb := r.t
	tb.draws++
	setCell(r.cells[colNumber], strconv.Itoa(js.ID), widget.MediumImportance)
	setCell(r.cells[colAddress], shown, widget.MediumImportance)
	if r.icon.Resource != tb.icons[js.State] {
		r.icon.SetResource(tb.icons[js.State])
	}
	setCell(r.cells[colState], stateText(js), stateImportance[js.State])
	p := progressOf(js)
	switch {
	case p >= 0:
		r.bar.set(float64(p) / 100)
		show(r.bar)
		setCell(r.cells[colProgress], strconv.Itoa(p)+"%", widget.MediumImportance)
	case js.State == engine.Downloading:
		hide(r.bar)
		setCell(r.cells[colProgress], "size unknown", widget.MediumImportance)
	default:
		hide(r.bar)
		setCell(r.cells[colProgress], "", widget.MediumImportance)
	}
	setCell(r.cells[colSize], sizeCell(js), widget.MediumImportance)
	speed := notApplicable
	if js.State == engine.Downloading {
		if s := speedText(js.Speed); s != "" {
			speed = s
		}
	}
	setCell(r.cells[colSpeed], speed, widget.MediumImportance)
	saved := notApplicable
	if js.SavedPath != "" {
		// The site folder repeats the address; the file name is what
		// tells rows apart. The details pane shows the whole path.
		saved = path.Base(js.SavedPath)
	}
	setCell(r.cells[colSavedAs], saved, widget.MediumImportance)
	imp := widget.MediumImportance
	if js.State == engine.Failed {
		imp = widget.DangerImportance
	}
	setCell(r.cells[colMessage], tb.w.rowMessage(js), imp)
	r.setMarks(tb.sel.ids[js.ID], tb.focused && tb.sel.cursor == js.ID)
}

// setMarks shows the row as selected and as the keyboard's row.
func (r *rowView) setMarks(selected, focused bool) {
	if r.selected == selected && r.focused == focused {
		return
	}
	r.selected, r.focused = selected, focused
	r.Refresh()
}

// MouseDown selects at once, with the modifiers held; waiting for the
// tap would wait out the double-click delay.
func (r *rowView) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button == desktop.MouseButtonPrimary && r.pos >= 0 {
		r.t.clicked(r.pos, ev.Modifier)
	}
}

// MouseUp is part of desktop.Mouseable.
func (r *rowView) MouseUp(*desktop.MouseEvent) {}

// MouseIn marks the row under the pointer and starts the wait for its
// tooltip: the whole address and message, which the columns cut short.
func (r *rowView) MouseIn(*desktop.MouseEvent) {
	r.hovered = true
	r.Refresh()
	if r.pos >= 0 {
		r.t.w.tips.hover(r, r.t.w.rowTip(r.id))
	}
}

// MouseMoved is part of desktop.Hoverable.
func (r *rowView) MouseMoved(*desktop.MouseEvent) {}

// MouseOut unmarks the row and hides its tooltip.
func (r *rowView) MouseOut() {
	r.hovered = false
	r.Refresh()
	r.t.w.tips.leave(r)
}

// Tapped is handled by MouseDown; it keeps the list from selecting.
func (r *rowView) Tapped(*fyne.PointEvent) {}

// DoubleTapped opens a saved page.
func (r *rowView) DoubleTapped(*fyne.PointEvent) {
	if r.pos >= 0 {
		r.t.w.openRow(r.id)
	}
}

// TappedSecondary opens the row menu, selecting the row first when it
// is not among those selected.
func (r *rowView) TappedSecondary(ev *fyne.PointEvent) {
	if r.pos < 0 {
		return
	}
	if !r.t.sel.ids[r.id] {
		r.t.clicked(r.pos, 0)
	}
	r.t.showMenu(ev.AbsolutePosition)
}

// Scrolled moves the list three rows a notch, as other lists do; Fyne
// moves it 25 pixels, under a row at some scales.
func (r *rowView) Scrolled(ev *fyne.ScrollEvent) { r.t.scrollBy(ev.Scrolled.DY) }

// CreateRenderer lays the cells out in the table's columns.
func (r *rowView) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{r.back, r.icon, r.bar}
	for _, c := range r.cells {
		objs = append(objs, c)
	}
	objs = append(objs, r.outline)
	rr := &rowRenderer{r: r, objs: objs}
	rr.Refresh()
	return rr
}

type rowRenderer struct {
	r    *rowView
	objs []fyne.CanvasObject
}

func (rr *rowRenderer) Layout(size fyne.Size) {
	r := rr.r
	r.back.Resize(size)
	r.outline.Resize(size)
	th := r.Theme()
	pad := th.Size(theme.SizeNamePadding)
	x := float32(0)
	for c, cell := range r.cells {
		w := r.t.widths[c]
		if w <= 0 {
			hide(cell)
			if c == colState {
				hide(r.icon)
			}
			if c == colProgress {
				r.bar.Move(fyne.NewPos(-1000, 0))
			}
			continue
		}
		show(cell)
		switch c {
		case colState:
			iconSize := th.Size(theme.SizeNameInlineIcon)
			show(r.icon)
			r.icon.Resize(fyne.NewSquareSize(iconSize))
			r.icon.Move(fyne.NewPos(x+pad, (size.Height-iconSize)/2))
			cell.Move(fyne.NewPos(x+iconSize+pad, 0))
			cell.Resize(fyne.NewSize(w-iconSize-pad, size.Height))
		case colProgress:
			pctWidth := r.t.pctWidth
			r.bar.Move(fyne.NewPos(x+pad, 0))
			r.bar.Resize(fyne.NewSize(max(w-pctWidth-pad, 0), size.Height))
			cell.Move(fyne.NewPos(x+w-pctWidth, 0))
			cell.Resize(fyne.NewSize(pctWidth, size.Height))
			if cell.Text != "" && !r.bar.Visible() {
				// "size unknown" takes the whole cell.
				cell.Move(fyne.NewPos(x, 0))
				cell.Resize(fyne.NewSize(w, size.Height))
			}
		default:
			cell.Move(fyne.NewPos(x, 0))
			cell.Resize(fyne.NewSize(w, size.Height))
		}
		x += w
	}
}

func (rr *rowRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, rr.r.cells[colAddress].MinSize().Height)
}

func (rr *rowRenderer) Refresh() {
	r := rr.r
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.back.FillColor = color.Transparent
	switch {
	case r.selected:
		r.back.FillColor = th.Color(theme.ColorNameSelection, v)
	case r.hovered:
		r.back.FillColor = th.Color(theme.ColorNameHover, v)
	}
	r.outline.FillColor = color.Transparent
	r.outline.StrokeColor = color.Transparent
	if r.focused {
		r.outline.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	rr.Layout(r.Size())
	r.back.Refresh()
	r.outline.Refresh()
}

func (rr *rowRenderer) Objects() []fyne.CanvasObject { return rr.objs }

func (rr *rowRenderer) Destroy() {}

// setCell changes a label only when its text or colour differ: SetText
// always redraws.
func setCell(l *widget.Label, s string, imp widget.Importance) {
	if l.Text == s && l.Importance == imp {
		return
	}
	l.Text, l.Importance = s, imp
	l.Refresh()
}

// stateImportance colours each state's words: green for saved, red for
// failed, amber for retrying, the primary colour while work is under way.
// Every colour is readable (see theme.go); the icon tells the rest.
var stateImportance = [engine.NumStates]widget.Importance{
	engine.Queued:        widget.MediumImportance,
	engine.Downloading:   widget.HighImportance,
	engine.Retrying:      widget.WarningImportance,
	engine.WaitingToSave: widget.MediumImportance,
	engine.Saving:        widget.HighImportance,
	engine.Saved:         widget.SuccessImportance,
	engine.Failed:        widget.DangerImportance,
	engine.Canceled:      widget.MediumImportance,
	engine.Skipped:       widget.MediumImportance,
}

// stateText is the state in words; the message says which attempt.
func stateText(r *engine.JobStatus) string { return r.State.String() }

// sizeCell is the bytes received or kept, or "—" before any arrive.
func sizeCell(r *engine.JobStatus) string {
	if n := sizeOf(r); n >= 0 {
		return sizeText(n)
	}
	return notApplicable
}

func hide(o fyne.CanvasObject) {
	if o.Visible() {
		o.Hide()
	}
}

func show(o fyne.CanvasObject) {
	if !o.Visible() {
		o.Show()
	}
}
