// Package gui is Pagekeeper's window. It is the only package that imports Fyne.
package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Window is the main Pagekeeper window and the widgets it holds.
type Window struct {
	app fyne.App
	win fyne.Window

	addresses *widget.Entry
	count     *widget.Label
	start     *widget.Button
	stop      *widget.Button
	drain     *widget.Button
	status    *widget.Label
	table     *widget.Table
	footer    *widget.Label
}

// NewWindow builds the main window for a.
func NewWindow(a fyne.App) *Window {
	w := &Window{app: a, win: a.NewWindow("Pagekeeper")}
	w.build()
	w.win.Resize(fyne.NewSize(1100, 720))
	return w
}

// ShowAndRun shows the window and runs the app until it quits.
func (w *Window) ShowAndRun() { w.win.ShowAndRun() }

func (w *Window) build() {
	w.addresses = widget.NewMultiLineEntry()
	w.addresses.SetPlaceHolder("Paste web addresses, one per line")
	w.addresses.Disable()
	w.count = widget.NewLabel("No addresses yet")
	w.start = widget.NewButton("Start", nil)
	w.stop = widget.NewButton("Stop", nil)
	w.drain = widget.NewButton("Drain", nil)
	w.start.Disable()
	w.stop.Disable()
	w.drain.Disable()
	w.status = widget.NewLabel("Idle")
	w.table = widget.NewTable(
		func() (int, int) { return 0, 0 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(widget.TableCellID, fyne.CanvasObject) {},
	)
	w.footer = widget.NewLabel("Nothing to do yet")
	top := container.NewVBox(
		widget.NewLabel("Paste web addresses, one per line"),
		w.addresses,
		w.count,
		container.NewHBox(w.start, w.stop, w.drain, w.status),
	)
	w.win.SetContent(container.NewBorder(top, w.footer, nil, nil, w.table))
}
