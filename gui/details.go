package gui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
	"pagekeeper/engine/address"
)

// details is the pane under the table that shows everything about the
// selected row, in text that can be selected and copied.
type details struct {
	w    *Window
	id   int // the job shown; 0 when none
	root *fyne.Container

	title                                *widget.Label
	address, final, path                 *widget.Label
	state, httpStatus, attempts, message *widget.Label
	openFile, showInFolder, copyAddr     *widget.Button
	retry                                *widget.Button

	// The resources the saved page does without, each with its reason;
	// the box takes no room for a page that misses none.
	missing      []engine.MissingResource
	missingTitle *widget.Label
	missingList  *widget.List
	missingBox   *fyne.Container
	missingRoom  *fyne.Container // the list and the room it takes
}

func newDetails(w *Window) *details {
	d := &details{w: w}
	// One line each, cut with an ellipsis: the pane keeps its height
	// from row to row, so the table above it does not jump.
	value := func() *widget.Label {
		l := widget.NewLabel("")
		l.Selectable = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	d.address, d.final, d.path = value(), value(), value()
	d.state, d.httpStatus, d.attempts = value(), value(), value()
	d.message = value()

	d.openFile = widget.NewButtonWithIcon("Open file", theme.FileIcon(), d.onOpenFile)
	d.showInFolder = widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), d.onShowInFolder)
	d.copyAddr = widget.NewButtonWithIcon("Copy address", theme.ContentCopyIcon(), d.onCopyAddress)
	d.retry = widget.NewButtonWithIcon("Retry", theme.ViewRefreshIcon(), d.onRetry)
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		w.table.sel.none()
		w.table.redrawMarks()
		d.hide()
	})
	closeBtn.Importance = widget.LowImportance

	// The key of the first row names the job: "Address #12".
	d.title = widget.NewLabelWithStyle("Address", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	key := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	left := container.New(layout.NewFormLayout(),
		d.title, d.address,
		key("Final address"), d.final,
		key("Saved to"), d.path,
		key("Message"), d.message,
	)
	// The pane sits under the table; compact spacing between the lines
	// leaves the table more rows. The buttons keep the theme's own
	// padding around their icons and words.
	right := container.NewVBox(
		container.NewThemeOverride(container.New(layout.NewFormLayout(),
			key("State"), container.NewBorder(nil, nil, nil, closeBtn, d.state),
			key("HTTP status"), d.httpStatus,
			key("Attempts"), d.attempts,
		), compactTheme{}),
		container.NewHBox(d.openFile, d.showInFolder, d.copyAddr, d.retry),
	)
	content := container.New(&paneLayout{relayout: w.relayout}, container.NewThemeOverride(left, compactTheme{}), right)
	d.root = container.NewVBox(widget.NewSeparator(), content, d.buildMissing())
	d.root.Hide()
	return d
}

// show fills the pane with job id and opens it.
func (d *details) show(id int) {
	d.id = id
	d.update()
	if !d.root.Visible() {
		d.root.Show()
		d.w.layoutMain()
	}
}

// hide closes the pane.
func (d *details) hide() {
	d.id = 0
	if d.root.Visible() {
		d.root.Hide()
		d.w.layoutMain()
	}
}

// update refills the pane from the selected row.
func (d *details) update() {
	r, ok := d.w.row(d.id)
	if !ok {
		d.hide()
		return
	}
	orDash := func(s string) string {
		if s == "" {
			return notApplicable
		}
		return s
	}
	setText(d.title, fmt.Sprintf("Address #%d", r.ID))
	setText(d.address, d.w.shownAddress(r.ID))
	final := address.Display(r.FinalURL)
	if r.FinalURL == r.URL {
		final = "same"
	}
	setText(d.final, orDash(final))
	setText(d.path, orDash(d.w.savedPath(r)))
	setText(d.state, stateText(&r))
	status := notApplicable
	if r.HTTPStatus != 0 {
		status = strconv.Itoa(r.HTTPStatus)
	}
	setText(d.httpStatus, status)
	setText(d.attempts, strconv.Itoa(r.Attempts))
	setText(d.message, orDash(d.w.rowMessage(&r)))
	d.showMissing(&r)
	d.updateButtons()
}

func (d *details) updateButtons() {
	r, ok := d.w.row(d.id)
	saved := ok && r.State == engine.Saved && r.SavedPath != ""
	enable(d.openFile, saved)
	enable(d.showInFolder, saved)
	enable(d.copyAddr, ok)
	enable(d.retry, ok && canRetry(r.State) && d.w.canChangeList())
}

func (d *details) onOpenFile() { d.w.openRow(d.id) }

func (d *details) onShowInFolder() { d.w.showRowInFolder(d.id) }

func (d *details) onCopyAddress() {
	if r, ok := d.w.row(d.id); ok {
		d.w.app.Clipboard().SetContent(r.URL)
	}
}

func (d *details) onRetry() {
	if d.id != 0 {
		d.w.retry(d.id)
	}
}

// savedPath is where row r's file is on disk, or "" when it has none.
// Rows are always the current folder's: another folder has its own list.
func (w *Window) savedPath(r engine.JobStatus) string {
	if r.SavedPath == "" {
		return ""
	}
	return filepath.Join(w.settings.folder, filepath.FromSlash(r.SavedPath))
}

// missingRows is how many missing resources the box shows before it
// scrolls: a half row shows there is more, and the table above keeps
// its rows.
const missingRows = 2.5

// buildMissing is the box that lists the resources a saved page does
// without; a long list scrolls, and only the rows on screen are drawn.
func (d *details) buildMissing() fyne.CanvasObject {
	d.missingTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.missingTitle.Wrapping = fyne.TextWrapWord
	d.missingList = widget.NewList(
		func() int { return len(d.missing) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(d.missing) {
				setText(o.(*widget.Label), missingText(d.missing[i]))
			}
		})
	d.missingList.HideSeparators = true
	// The list's least height is one row: it gets room for a few.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, missingRows*widget.NewLabel("X").MinSize().Height))
	d.missingRoom = container.NewStack(room, d.missingList)
	d.missingBox = container.NewBorder(d.missingTitle, nil, nil, nil, d.missingRoom)
	d.missingBox.Hide()
	return container.NewThemeOverride(d.missingBox, compactTheme{})
}

// missingText is one missing resource: why it is missing, then its
// address, which a narrow pane cuts short.
func missingText(m engine.MissingResource) string {
	return m.Failure.Brief() + " — " + address.Display(m.URL)
}

// showMissing lists what row r's saved page does without, or only how
// many when the addresses are not known (the list was reopened since the
// page was saved).
func (d *details) showMissing(r *engine.JobStatus) {
	n := r.Resources.Missing
	if r.State != engine.Saved || n == 0 {
		d.missing = nil
		if d.missingBox.Visible() {
			d.missingBox.Hide()
			d.w.layoutMain()
		}
		return
	}
	known := missingKnown(r)
	relayout := !d.missingBox.Visible() || known != d.missingRoom.Visible()
	if d.missingTitle.TextStyle.Bold != known {
		d.missingTitle.TextStyle.Bold = known // a title, or a sentence
		d.missingTitle.Refresh()
	}
	if known {
		d.missing = r.Missing
		setText(d.missingTitle, fmt.Sprintf("Missing from the saved page: %s of %s, and why",
			count(n), plural(r.Resources.Total, "resource", "resources")))
		show(d.missingRoom)
		d.missingList.Refresh()
	} else {
		d.missing = nil
		setText(d.missingTitle, fmt.Sprintf("%s missing from the saved page (which ones was known only while Pagekeeper saved it).",
			plural(n, "resource is", "resources are")))
		hide(d.missingRoom)
	}
	show(d.missingBox)
	if relayout {
		d.w.layoutMain()
	}
}
