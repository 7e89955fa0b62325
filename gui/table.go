package gui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// The table's columns, in order.
const (
	colNumber = iota
	colAddress
	colState
	colProgress
	colSize
	colSpeed
	colSavedAs
	colMessage
	numCols
)

var columnTitles = [numCols]string{"#", "Address", "State", "Progress", "Size", "Speed", "Saved as", "Message"}

// flexible reports whether column c shares the width left over, and
// shortens its text with an ellipsis.
func flexible(c int) bool { return c == colAddress || c == colSavedAs || c == colMessage }

// table is the live list of jobs: a header that sorts, rows that select
// like a file list, and a view that filters and searches. It reads only
// the window's model, never the engine. Each tick it redraws only the
// rows that changed and are on screen.
type table struct {
	w      *Window
	list   *rowList
	header *header
	empty  *widget.Label
	root   fyne.CanvasObject

	view    view
	sel     selection
	focused bool // the list has the keyboard focus

	widths   [numCols]float32 // 0 for a column left out at this width
	pctWidth float32          // the "100%" beside a bar
	width    float32          // the width the columns were fitted to
	pitch    float32          // a row's height plus the line between rows

	visible map[int]*rowView // place in the view → the row view showing it
	icons   [engine.NumStates]fyne.Resource
	draws   int        // rows drawn, for tests of what a tick costs
	menu    *fyne.Menu // the row menu last shown
}

func newTable(w *Window) *table {
	tb := &table{w: w, sel: newSelection(), visible: map[int]*rowView{}}
	tb.view.sortBy = colNumber
	tb.loadIcons()
	tb.list = newRowList(tb)
	tb.header = newHeader(tb)
	tb.empty = widget.NewLabel("")
	tb.empty.Alignment = fyne.TextAlignCenter
	tb.empty.Wrapping = fyne.TextWrapWord
	tb.empty.Importance = widget.MediumImportance
	body := container.NewStack(tb.list, container.NewCenter(tb.empty))
	tb.root = container.New(&fitColumns{tb: tb}, container.NewBorder(tb.header, nil, nil, nil, body))
	tb.updateEmpty()
	return tb
}

// loadIcons picks each state's icon. Themed resources follow light and
// dark themes by themselves; none uses the disabled colour, which is too
// faint to read.
func (tb *table) loadIcons() {
	set := func(s engine.State, icon fyne.Resource) { tb.icons[s] = icon }
	set(engine.Queued, theme.NewThemedResource(theme.HistoryIcon()))
	set(engine.Downloading, theme.NewPrimaryThemedResource(theme.DownloadIcon()))
	set(engine.Retrying, theme.NewWarningThemedResource(theme.ViewRefreshIcon()))
	set(engine.WaitingToSave, theme.NewThemedResource(theme.MoreHorizontalIcon()))
	set(engine.Saving, theme.NewPrimaryThemedResource(theme.DocumentSaveIcon()))
	set(engine.Saved, theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	set(engine.Failed, theme.NewErrorThemedResource(theme.ErrorIcon()))
	set(engine.Canceled, theme.NewThemedResource(theme.MediaStopIcon()))
	set(engine.Skipped, theme.NewThemedResource(theme.MediaSkipNextIcon()))
}

// length is how many rows the view shows.
func (tb *table) length() int { return len(tb.view.order) }

// idAt is the job ID shown at place p, or 0.
func (tb *table) idAt(p int) int {
	if p < 0 || p >= len(tb.view.order) || tb.view.order[p] >= len(tb.w.rows) {
		return 0
	}
	return tb.w.rows[tb.view.order[p]].ID
}

// placeOf is where job id is shown, or -1.
func (tb *table) placeOf(id int) int {
	i, ok := tb.w.index[id]
	if !ok || i >= len(tb.view.at) {
		return -1
	}
	return tb.view.at[i]
}

// bind shows place p in row view o; the list calls it for rows coming
// on screen and on a full refresh.
func (tb *table) bind(p int, o fyne.CanvasObject) {
	rv := o.(*rowView)
	if rv.pos >= 0 && tb.visible[rv.pos] == rv {
		delete(tb.visible, rv.pos)
	}
	// Between a change of the list and the sync that follows it, the
	// view may be behind the rows: such a place shows nothing.
	if p < 0 || p >= len(tb.view.order) || tb.view.order[p] >= len(tb.w.rows) {
		rv.pos = -1
		return
	}
	tb.visible[p] = rv
	i := tb.view.order[p]
	rv.show(p, tb.w.rows[i], tb.w.shown[i])
}

// onScreen is the range of places the list shows now.
func (tb *table) onScreen() (first, last int) {
	if tb.pitch <= 0 {
		return 0, -1
	}
	// The same sums as the list's own, which also draws the row that
	// starts just below its bottom edge.
	off := tb.list.GetScrollOffset()
	first = int(math.Floor(float64(off / tb.pitch)))
	last = int(math.Ceil(float64((off + tb.list.Size().Height) / tb.pitch)))
	return first, min(last, tb.length()-1)
}

// sync brings the table up to date with the model after a merge: the view
// is rebuilt when rows came, went or moved, and otherwise only the rows
// that changed and are on screen are drawn again.
func (tb *table) sync() {
	m := &tb.w.model
	defer func() { m.changes, m.added, m.dropped = m.changes[:0], false, false }()
	rebuild := m.dropped || (m.added && !tb.view.plain())
	if !rebuild {
		for _, c := range m.changes {
			if tb.view.moves(m, m.index[c.id], &c.old) {
				rebuild = true
				break
			}
		}
	}
	switch {
	case rebuild:
		tb.rebuild()
		return
	case m.added:
		tb.view.appendNew(m)
		tb.refreshAll()
		return
	}
	first, last := tb.onScreen()
	for _, c := range m.changes {
		tb.redraw(tb.placeOf(c.id), first, last)
	}
	// A retry's countdown moves without a change in the engine.
	for p := first; p <= last; p++ {
		if i := tb.view.order[p]; m.rows[i].State == engine.Retrying {
			tb.redraw(p, first, last)
		}
	}
}

// redrawOnScreen draws every row on screen again, for what changes
// their words without changing them (the phase).
func (tb *table) redrawOnScreen() {
	first, last := tb.onScreen()
	for p := first; p <= last; p++ {
		tb.redraw(p, first, last)
	}
}

// redraw draws place p again if it is on screen.
func (tb *table) redraw(p, first, last int) {
	if p < first || p > last {
		return
	}
	if rv, ok := tb.visible[p]; ok && rv.pos == p && tb.view.order[p] < len(tb.w.rows) {
		i := tb.view.order[p]
		rv.show(p, tb.w.rows[i], tb.w.shown[i])
	}
}

// rebuild makes the view again (filter, search, sort) and redraws.
func (tb *table) rebuild() {
	m := &tb.w.model
	tb.view.rebuild(m)
	if tb.sel.keep(func(id int) bool { return tb.placeOf(id) >= 0 }) {
		tb.w.selectionChanged()
	}
	tb.refreshAll()
}

// refreshAll redraws every row on screen, once. The list's offset is
// brought back inside its content first: a list that shrank under a
// scrolled view would otherwise draw its rows out of sight.
func (tb *table) refreshAll() {
	if tb.pitch > 0 {
		content := float32(tb.length()) * tb.pitch
		if view := tb.list.Size().Height; tb.list.GetScrollOffset() > max(content-view, 0) {
			if content <= view {
				tb.list.ScrollToTop()
			} else {
				tb.list.ScrollToOffset(content - view)
			}
		}
	}
	tb.updateEmpty()
	tb.list.Refresh()
}

// updateEmpty says what the table is for while it shows nothing.
func (tb *table) updateEmpty() {
	text := ""
	switch {
	case len(tb.w.rows) == 0:
		text = "Addresses you add appear here, each on its way from Queued to Saved."
	case tb.length() == 0 && tb.view.search != "":
		text = "No address here contains “" + tb.w.search.Text + "”."
	case tb.length() == 0:
		text = "No row is " + filterNames[tb.view.filter] + " now. Choose All to see every row."
	}
	setText(tb.empty, text)
	if (text == "") == tb.empty.Visible() {
		if text == "" {
			tb.empty.Hide()
		} else {
			tb.empty.Show()
		}
	}
	if (len(tb.w.rows) == 0) == tb.header.Visible() {
		if len(tb.w.rows) == 0 {
			tb.header.Hide()
		} else {
			tb.header.Show()
		}
	}
}

// redrawMarks shows the selection and the keyboard's row on the rows on
// screen.
func (tb *table) redrawMarks() {
	for p, rv := range tb.visible {
		if rv.pos == p {
			rv.setMarks(tb.sel.ids[rv.id], tb.focused && tb.sel.cursor == rv.id)
		}
	}
}

// clicked selects with a click on place p.
func (tb *table) clicked(p int, mods fyne.KeyModifier) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(tb.list); c != nil && c.Focused() != tb.list {
		c.Focus(tb.list)
	}
	tb.sel.click(p, mods, tb.idAt)
	tb.redrawMarks()
	tb.w.selectionChanged()
}

// moveTo puts the keyboard's row on place p and shows it.
func (tb *table) moveTo(p int, shift bool) {
	n := tb.length()
	if n == 0 {
		return
	}
	p = max(0, min(p, n-1))
	tb.sel.move(p, shift, tb.idAt)
	tb.scrollTo(p)
	tb.redrawMarks()
	tb.w.selectionChanged()
}

// scrollTo brings place p on screen when it is not.
func (tb *table) scrollTo(p int) {
	first, last := tb.onScreen()
	if p > first && p < last {
		return
	}
	tb.list.ScrollTo(p)
}

// scrollBy scrolls for a wheel movement of dy pixels, as Fyne reports
// it: 25 pixels a notch, three rows a notch here.
func (tb *table) scrollBy(dy float32) {
	if tb.pitch <= 0 {
		return
	}
	off := tb.list.GetScrollOffset() - dy/25*3*tb.pitch
	content := float32(tb.length()) * tb.pitch
	tb.list.ScrollToOffset(max(0, min(off, content-tb.list.Size().Height)))
}

// selectedIDs are the rows selected, in the order shown.
func (tb *table) selectedIDs() []int {
	if len(tb.sel.ids) == 0 {
		return nil
	}
	ids := make([]int, 0, len(tb.sel.ids))
	for _, i := range tb.view.order {
		if id := tb.w.rows[i].ID; tb.sel.ids[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// sortBy sorts by column c, or reverses the order when it already does.
func (tb *table) sortBy(c int) {
	if tb.view.sortBy == c {
		tb.view.desc = !tb.view.desc
	} else {
		tb.view.sortBy, tb.view.desc = c, false
	}
	tb.header.Refresh()
	tb.rebuild()
	tb.keepCursorInSight()
}

// setFilter shows only the rows under f.
func (tb *table) setFilter(f filter) {
	if tb.view.filter == f {
		return
	}
	tb.view.filter = f
	tb.rebuild()
	tb.keepCursorInSight()
}

// setSearch shows only rows whose address or file contains s.
func (tb *table) setSearch(s string) {
	if s == tb.view.search {
		return
	}
	tb.view.search = s
	tb.rebuild()
	tb.keepCursorInSight()
}

func (tb *table) keepCursorInSight() {
	if p := tb.placeOf(tb.sel.cursor); p >= 0 {
		tb.scrollTo(p)
	}
}

// fitColumns gives the fixed columns the width their longest value needs
// in the current theme and shares what is left between Address, Saved as
// and Message, so the table fills the window at any size and text scale.
// When the window is too narrow for every column, the least needed go
// (Speed, then Saved as, then Size, then #); the details pane still
// shows everything.
type fitColumns struct{ tb *table }

// Layout refits the columns when the width changes.
func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.tb.width {
		f.tb.width = size.Width
		f.tb.fit(size.Width)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is narrow enough for small windows, and as tall as the header
// and two rows: the table's own would follow the words of its empty
// placeholder, which stand one to a line before the table has a width.
func (f *fitColumns) MinSize([]fyne.CanvasObject) fyne.Size {
	tb := f.tb
	row := tb.pitch
	if row <= 0 {
		row = tb.header.MinSize().Height
	}
	return fyne.NewSize(360, tb.header.MinSize().Height+2*row)
}

// fit sets the column widths for a table width.
func (tb *table) fit(width float32) {
	th := tb.list.Theme()
	pad := th.Size(theme.SizeNamePadding)
	textWidth := func(s string) float32 {
		return fyne.MeasureText(s, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width + 2*th.Size(theme.SizeNameInnerPadding)
	}
	tb.pctWidth = textWidth("100%")
	var fixed [numCols]float32
	fixed[colNumber] = textWidth("00000")
	fixed[colState] = textWidth("Waiting to save") + th.Size(theme.SizeNameInlineIcon) + pad
	fixed[colProgress] = tb.pctWidth + 50 + pad
	fixed[colSize] = textWidth("999.9 MB")
	fixed[colSpeed] = textWidth("999.9 MB/s")
	minFlex := [numCols]float32{colAddress: 160, colSavedAs: 110, colMessage: 150}
	share := [numCols]float32{colAddress: 0.46, colSavedAs: 0.22, colMessage: 0.32}
	// Room for the scroll bar.
	avail := width - th.Size(theme.SizeNameScrollBar) - pad
	shown := [numCols]bool{true, true, true, true, true, true, true, true}
	need := func() float32 {
		n := float32(0)
		for c := range numCols {
			if shown[c] {
				n += fixed[c] + minFlex[c]
			}
		}
		return n
	}
	for _, c := range []int{colSpeed, colSavedAs, colSize, colNumber, colMessage} {
		if need() <= avail {
			break
		}
		shown[c] = false
	}
	totalShare := float32(0)
	for c := range numCols {
		if shown[c] && flexible(c) {
			totalShare += share[c]
		}
	}
	extra := max(avail-need(), 0)
	for c := range numCols {
		switch {
		case !shown[c]:
			tb.widths[c] = 0
		case flexible(c):
			tb.widths[c] = minFlex[c] + extra*share[c]/totalShare
		default:
			tb.widths[c] = fixed[c]
		}
	}
	tb.pitch = newRowView(tb).MinSize().Height + pad
	tb.header.Refresh()
	tb.list.Refresh()
}

// header is the row of column titles; a click sorts by that column.
type header struct {
	widget.BaseWidget
	tb    *table
	back  *canvas.Rectangle
	cells [numCols]*headerCell
}

func newHeader(tb *table) *header {
	h := &header{tb: tb, back: canvas.NewRectangle(color.Transparent)}
	for c := range h.cells {
		h.cells[c] = newHeaderCell(tb, c)
	}
	h.ExtendBaseWidget(h)
	return h
}

// CreateRenderer lays the titles out over the columns.
func (h *header) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{h.back}
	for _, c := range h.cells {
		objs = append(objs, c)
	}
	return &headerRenderer{h: h, objs: objs}
}

type headerRenderer struct {
	h    *header
	objs []fyne.CanvasObject
}

func (r *headerRenderer) Layout(size fyne.Size) {
	r.h.back.Resize(size)
	x := float32(0)
	for c, cell := range r.h.cells {
		w := r.h.tb.widths[c]
		if w <= 0 {
			hide(cell)
			continue
		}
		show(cell)
		cell.Move(fyne.NewPos(x, 0))
		cell.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (r *headerRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, r.h.cells[colAddress].MinSize().Height)
}

func (r *headerRenderer) Refresh() {
	r.h.back.FillColor = r.h.Theme().Color(theme.ColorNameHeaderBackground, fyne.CurrentApp().Settings().ThemeVariant())
	r.h.back.Refresh()
	for _, c := range r.h.cells {
		c.update()
	}
	r.Layout(r.h.Size())
}

func (r *headerRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *headerRenderer) Destroy() {}

// headerCell is one column title with the sort arrow when the table is
// sorted by it.
type headerCell struct {
	widget.BaseWidget
	tb    *table
	col   int
	label *widget.Label
	arrow *widget.Icon
}

func newHeaderCell(tb *table, col int) *headerCell {
	h := &headerCell{tb: tb, col: col,
		label: widget.NewLabelWithStyle(columnTitles[col], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		arrow: widget.NewIcon(nil)}
	h.label.Truncation = fyne.TextTruncateEllipsis
	if col == colNumber || col == colSize || col == colSpeed {
		h.label.Alignment = fyne.TextAlignTrailing // over numbers aligned right
	}
	h.ExtendBaseWidget(h)
	h.update()
	return h
}

func (h *headerCell) update() {
	var icon fyne.Resource
	if h.tb.view.sortBy == h.col {
		icon = theme.MenuDropUpIcon()
		if h.tb.view.desc {
			icon = theme.MenuDropDownIcon()
		}
	}
	if h.arrow.Resource != icon {
		h.arrow.SetResource(icon)
	}
}

// Tapped sorts by this column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	h.tb.w.tips.leave(h)
	h.tb.sortBy(h.col)
}

// MouseIn starts the wait for the tooltip that says a click sorts.
func (h *headerCell) MouseIn(*desktop.MouseEvent) {
	h.tb.w.tips.hover(h, "Sort by "+columnName(h.col)+"; click again for the other way round")
}

// MouseMoved is part of desktop.Hoverable.
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (h *headerCell) MouseOut() { h.tb.w.tips.leave(h) }

// Cursor is a pointing hand: the title is a button.
func (h *headerCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer puts the arrow after the title, or before a title
// aligned right.
func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	if h.label.Alignment == fyne.TextAlignTrailing {
		return widget.NewSimpleRenderer(container.NewBorder(nil, nil, h.arrow, nil, h.label))
	}
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, h.arrow, h.label))
}

// columnName is a column's title as a sentence says it.
func columnName(c int) string {
	if c == colNumber {
		return "number"
	}
	return strings.ToLower(columnTitles[c])
}
