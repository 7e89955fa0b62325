package gui

import (
	"path"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// table is the live list of jobs. It reads only the window's rows, the
// last snapshot applied, never the engine.
type table struct {
	w     *Window
	t     *widget.Table
	root  fyne.CanvasObject
	empty fyne.CanvasObject // says what the table is for while it is empty
	width float32           // the width the columns were last fitted to

	// gen counts refreshes; cells record the one that last drew them, so
	// the cells Fyne set aside while scrolling can be told apart from the
	// ones on screen.
	gen      uint64
	spinning map[*cell]struct{} // cells whose infinite bar is animating
	icons    [engine.NumStates]fyne.Resource
	imps     [engine.NumStates]widget.Importance
}

func newTable(w *Window) *table {
	tb := &table{w: w, spinning: map[*cell]struct{}{}}
	tb.loadStateLooks()
	tb.t = widget.NewTable(
		func() (int, int) { return len(w.rows), numCols },
		func() fyne.CanvasObject { return newCell() },
		tb.updateCell,
	)
	tb.t.ShowHeaderRow = true
	tb.t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	tb.t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < numCols {
			setText(o.(*widget.Label), columnTitles[id.Col])
		}
	}
	tb.t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(w.rows) {
			w.details.show(w.rows[id.Row].ID)
		}
	}
	tb.t.OnUnselected = func(widget.TableCellID) {}
	tb.empty = container.NewCenter(widget.NewRichText(&widget.TextSegment{
		Text:  "Addresses you add appear here, each on its way from Queued to Saved.",
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Inline: true},
	}))
	tb.root = container.NewStack(container.New(&fitColumns{tb: tb}, tb.t), tb.empty)
	return tb
}

// loadStateLooks picks each state's icon and colour: green for saved, red
// for failed, amber for retrying, grey for what will not happen. Themed
// resources follow light and dark themes by themselves.
func (tb *table) loadStateLooks() {
	set := func(s engine.State, icon fyne.Resource, imp widget.Importance) {
		tb.icons[s], tb.imps[s] = icon, imp
	}
	set(engine.Queued, theme.NewThemedResource(theme.HistoryIcon()), widget.MediumImportance)
	set(engine.Downloading, theme.NewPrimaryThemedResource(theme.DownloadIcon()), widget.HighImportance)
	set(engine.Retrying, theme.NewWarningThemedResource(theme.ViewRefreshIcon()), widget.WarningImportance)
	set(engine.WaitingToSave, theme.NewThemedResource(theme.MoreHorizontalIcon()), widget.MediumImportance)
	set(engine.Saving, theme.NewPrimaryThemedResource(theme.DocumentSaveIcon()), widget.HighImportance)
	set(engine.Saved, theme.NewSuccessThemedResource(theme.ConfirmIcon()), widget.SuccessImportance)
	set(engine.Failed, theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance)
	set(engine.Canceled, theme.NewDisabledResource(theme.MediaStopIcon()), widget.LowImportance)
	set(engine.Skipped, theme.NewDisabledResource(theme.MediaSkipNextIcon()), widget.LowImportance)
}

// refresh redraws the rows on screen, once per snapshot, then stops the
// animation of any bar that is no longer on screen: Fyne keeps scrolled-off
// cells for reuse without hiding them, and an infinite bar animates until
// told to stop.
func (tb *table) refresh() {
	if (len(tb.w.rows) == 0) != tb.empty.Visible() {
		if len(tb.w.rows) == 0 {
			tb.empty.Show()
		} else {
			tb.empty.Hide()
		}
	}
	tb.gen++
	tb.t.Refresh()
	for c := range tb.spinning {
		if c.gen != tb.gen {
			c.stopSpinning()
			delete(tb.spinning, c)
		}
	}
}

func (tb *table) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*cell)
	c.gen = tb.gen
	rows := tb.w.rows
	if id.Row < 0 || id.Row >= len(rows) {
		c.showText("", widget.MediumImportance)
		tb.noteSpin(c)
		return
	}
	r := &rows[id.Row]
	switch id.Col {
	case colNumber:
		c.showShort(strconv.Itoa(r.ID), widget.LowImportance)
	case colAddress:
		c.showText(r.URL, widget.MediumImportance)
	case colState:
		c.showState(tb.icons[r.State], stateText(r), tb.imps[r.State])
	case colProgress:
		tb.showProgress(c, r)
	case colSize:
		c.showShort(sizeCell(r), widget.MediumImportance)
	case colSpeed:
		s := notApplicable
		if r.State == engine.Downloading || r.State == engine.Retrying {
			if t := speedText(r.Speed); t != "" {
				s = t
			}
		}
		c.showShort(s, widget.MediumImportance)
	case colSavedAs:
		// The site folder repeats the address; the file name is what
		// tells rows apart. The details pane shows the whole path.
		s := path.Base(r.SavedPath)
		if r.SavedPath == "" {
			s = notApplicable
		}
		c.showText(s, widget.MediumImportance)
	case colMessage:
		imp := widget.MediumImportance
		if r.State == engine.Failed {
			imp = widget.DangerImportance
		}
		c.showText(r.Message(tb.w.snapTime), imp)
	}
	tb.noteSpin(c)
}

// showProgress is a bar of bytes received against bytes expected, or an
// animated bar while downloading an answer of unknown length.
func (tb *table) showProgress(c *cell, r *engine.JobStatus) {
	switch r.State {
	case engine.Downloading, engine.Retrying:
		if r.Total > 0 {
			c.showBar(float64(r.Done) / float64(r.Total))
		} else {
			c.showSpinning()
		}
	case engine.WaitingToSave, engine.Saving, engine.Saved:
		c.showBar(1)
	default:
		c.showShort("", widget.MediumImportance)
	}
}

// noteSpin keeps the set of animating cells current.
func (tb *table) noteSpin(c *cell) {
	if c.spinning() {
		tb.spinning[c] = struct{}{}
	} else {
		delete(tb.spinning, c)
	}
}

// stateText is the state in words, with the attempt when it is not the
// first.
func stateText(r *engine.JobStatus) string {
	if r.State == engine.Retrying && r.Attempts > 1 {
		return "Retrying (" + strconv.Itoa(r.Attempts) + ")"
	}
	return r.State.String()
}

// sizeCell is the bytes received so far, or "—" before any arrive.
func sizeCell(r *engine.JobStatus) string {
	switch {
	case r.Done > 0:
		return sizeText(r.Done)
	case r.State == engine.Saved && r.Total >= 0:
		return sizeText(r.Total)
	}
	return notApplicable
}

// selectID selects the row of job id, or nothing when it is gone.
func (tb *table) selectID(id int) {
	if i, ok := tb.w.index[id]; ok && id != 0 {
		tb.t.Select(widget.TableCellID{Row: i, Col: colAddress})
		return
	}
	tb.t.UnselectAll()
}

// fitColumns gives the fixed columns the width their longest value needs
// in the current theme and shares what is left between Address, Saved as
// and Message, so the table fills the window at any size and text scale.
type fitColumns struct{ tb *table }

// Layout refits the columns when the width changes and fills size with
// the table.
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

// MinSize is the table's own.
func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

// fit sets the column widths for a table width.
func (tb *table) fit(width float32) {
	th := tb.t.Theme()
	pad := th.Size(theme.SizeNamePadding)
	textWidth := func(s string) float32 {
		return widget.NewLabel(s).MinSize().Width
	}
	fixed := [numCols]float32{
		colNumber:   textWidth("00000"),
		colState:    textWidth("Waiting to save") + th.Size(theme.SizeNameInlineIcon) + pad,
		colProgress: textWidth("100%") + 60,
		colSize:     textWidth("999.9 MB"),
		colSpeed:    textWidth("999.9 MB/s"),
	}
	used := float32(0)
	for _, w := range fixed {
		used += w
	}
	// Dividers between columns, and room for the vertical scroll bar.
	used += float32(numCols)*pad + th.Size(theme.SizeNameScrollBar) + pad
	// Each flexible column gets its minimum, then a share of what is left,
	// so they fill the width exactly and only scroll when the window is
	// too narrow for the minimums.
	flex := []struct {
		col   int
		share float32
		min   float32
	}{{colAddress, 0.46, 200}, {colSavedAs, 0.24, 120}, {colMessage, 0.30, 160}}
	extra := width - used
	for _, f := range flex {
		extra -= f.min
	}
	extra = max(extra, 0)
	for i, f := range fixed {
		if f > 0 {
			tb.t.SetColumnWidth(i, f)
		}
	}
	for _, f := range flex {
		tb.t.SetColumnWidth(f.col, f.min+extra*f.share)
	}
}
