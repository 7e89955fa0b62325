// Package gui is Pagekeeper's window. It is the only package that imports Fyne.
package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// Window is the main Pagekeeper window and the widgets it holds.
type Window struct {
	app   fyne.App
	win   fyne.Window
	prefs fyne.Preferences
	opts  options
	eng   *engine.Engine // nil only when no folder at all could be used
	pump  *pump

	// Settings as chosen; they reach the engine on Start.
	settings settings
	// startupNote explains a fallback folder until the first run starts.
	startupNote string

	// The last snapshot applied, and the rows the table shows.
	model

	// The address box and what was last said about it.
	box       *pasteEntry
	count     *widget.Label
	showLink  *widget.Hyperlink
	countRow  *fyne.Container
	addButton *widget.Button
	addFile   *widget.Button
	rejects   []rejectLine // what the "show" link lists
	boxParsed boxCount     // the box's own live count
	suppress  bool         // the box is being set by us, not typed into

	// Settings row.
	downloads  *numberControl
	saves      *numberControl
	folderPath *widget.Label
	chooseDir  *widget.Button

	// Buttons and status.
	start, stop, drain *widget.Button
	retryFailed        *widget.Button
	clearFinished      *widget.Button
	openFolder         *widget.Button
	status             *widget.Label

	// The table, its detail pane and the footer.
	table   *table
	details *details
	overall *widget.ProgressBar
	footer  *widget.Label

	// Closing.
	running      bool // ShowAndRun was called: the pump may run
	askingClose  bool // the close dialog is open
	quitWhenIdle bool
	hasQuit      bool
	dialogs      []dialogCloser // open dialogs, the top one last: Escape closes it
}

// options are the knobs tests turn; the zero value is the real app.
type options struct {
	// config is the base engine configuration. Its OutputDir, when set,
	// replaces the default folder; the folder and worker counts a person
	// chose are applied on top.
	config engine.Config
	// do hands a function to the goroutine that owns the widgets: fyne.Do
	// in the app, an inline call in tests.
	do func(func())
	// prefs replaces a.Preferences().
	prefs fyne.Preferences
}

// NewWindow builds the main window for a, with the settings remembered
// from last time.
func NewWindow(a fyne.App) *Window {
	return newWindow(a, options{})
}

// newWindow is NewWindow with test options. The pump goroutine is not
// started here: ShowAndRun starts it, and tests call w.pump.tick instead.
func newWindow(a fyne.App, opts options) *Window {
	if opts.do == nil {
		opts.do = fyne.Do
	}
	if opts.prefs == nil {
		opts.prefs = a.Preferences()
	}
	w := &Window{app: a, win: a.NewWindow("Pagekeeper"), prefs: opts.prefs, opts: opts}
	w.model.init()
	w.settings = loadSettings(w.prefs, w.defaultFolder())
	w.openEngine()
	w.build()
	w.win.Resize(w.settings.windowSize)
	w.win.SetCloseIntercept(w.onClose)
	w.registerShortcuts()
	w.countBox("")
	w.say(w.boxText(), widget.MediumImportance)
	w.refreshNow()
	switch {
	case w.eng == nil:
		w.showError(fmt.Errorf("%s\n\nUse Choose… to pick a folder Pagekeeper can write to.", w.startupNote))
	case w.startupNote != "":
		w.showInfo("Using another folder", w.startupNote)
	}
	return w
}

// ShowAndRun shows the window, starts the pump that feeds it progress and
// runs the app until it quits.
func (w *Window) ShowAndRun() {
	w.running = true
	if w.pump != nil {
		w.pump.start(pumpInterval)
	}
	// The box is where every session begins: typing can start at once.
	w.win.Canvas().Focus(w.box)
	w.win.ShowAndRun()
	w.shutdown()
}

func (w *Window) build() {
	top := container.NewVBox(
		w.buildAddressArea(),
		w.buildSettingsRow(),
		widget.NewSeparator(),
		w.buildButtonRow(),
	)
	w.table = newTable(w)
	w.details = newDetails(w)
	bottom := container.NewVBox(w.details.root, widget.NewSeparator(), w.buildFooter())
	w.win.SetContent(container.NewBorder(top, bottom, nil, nil, w.table.root))
}

// buildAddressArea is the box for addresses, its count line and the Add
// buttons.
func (w *Window) buildAddressArea() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Paste web addresses, one per line", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.addFile = widget.NewButtonWithIcon("Add from file…", theme.FolderOpenIcon(), w.onAddFile)

	w.box = newPasteEntry()
	w.box.SetPlaceHolder("For example:\nhttps://example.com/\nexample.org/about")
	w.box.SetMinRowsVisible(5)
	w.box.OnChanged = w.onBoxChanged
	w.box.onLargePaste = w.onLargePaste
	w.box.onSubmit = w.onShortcutStart

	w.count = widget.NewLabel("")
	w.count.Truncation = fyne.TextTruncateEllipsis
	w.showLink = widget.NewHyperlink("show", nil)
	w.showLink.OnTapped = w.onShowRejects
	w.showLink.Hide()
	w.addButton = widget.NewButtonWithIcon("Add to list", theme.ContentAddIcon(), w.onAdd)

	header := container.NewBorder(nil, nil, nil, w.addFile, title)
	w.countRow = container.New(&followLayout{label: w.count}, w.count, w.showLink)
	return container.NewVBox(header, w.box, container.NewBorder(nil, nil, nil, w.addButton, w.countRow))
}

// buildButtonRow is Start, Stop, Drain, the status in words and the
// list-wide actions.
func (w *Window) buildButtonRow() fyne.CanvasObject {
	w.start = widget.NewButtonWithIcon("Start", theme.MediaPlayIcon(), w.onStart)
	w.start.Importance = widget.HighImportance
	w.stop = widget.NewButtonWithIcon("Stop", theme.MediaStopIcon(), w.onStop)
	w.drain = widget.NewButtonWithIcon("Drain", theme.MediaFastForwardIcon(), w.onDrain)
	w.status = widget.NewLabelWithStyle("Ready", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.status.Truncation = fyne.TextTruncateEllipsis

	w.retryFailed = widget.NewButtonWithIcon("Retry failed", theme.ViewRefreshIcon(), w.onRetryFailed)
	w.clearFinished = widget.NewButtonWithIcon("Clear finished", theme.ContentClearIcon(), w.onClearFinished)
	w.openFolder = widget.NewButtonWithIcon("Open folder", theme.FolderIcon(), w.onOpenFolder)

	left := container.NewHBox(w.start, w.stop, w.drain)
	right := container.NewHBox(w.retryFailed, w.clearFinished, w.openFolder)
	return container.NewBorder(nil, nil, left, right, container.NewPadded(w.status))
}

// buildFooter is the whole run's progress bar and summary line.
func (w *Window) buildFooter() fyne.CanvasObject {
	w.overall = widget.NewProgressBar()
	w.footer = widget.NewLabel("")
	w.footer.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewGridWrap(fyne.NewSize(240, w.overall.MinSize().Height), w.overall)
	return container.NewBorder(nil, nil, bar, nil, w.footer)
}

// registerShortcuts makes Ctrl+Enter (Cmd+Enter on a Mac) start the run
// wherever the focus is; the address box handles it itself because a
// focused entry swallows canvas shortcuts. Escape closes the open dialog.
func (w *Window) registerShortcuts() {
	c := w.win.Canvas()
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { w.onShortcutStart() })
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			w.closeDialog()
		}
	})
}

// dialogCloser is what Escape needs from an open dialog: Dismiss, which
// also tells a file dialog's callback that nothing was chosen.
type dialogCloser interface{ Dismiss() }

// track remembers d as open, so Escape can close it, and forgets it once
// it closes however that happens.
func (w *Window) track(d dialog.Dialog) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		for i, o := range w.dialogs {
			if o == d {
				w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
				break
			}
		}
	})
}

// closeDialog hides the dialog on top, if any.
func (w *Window) closeDialog() {
	if n := len(w.dialogs); n > 0 {
		w.dialogs[n-1].Dismiss()
	}
}

// showError shows err in a dialog that Escape closes.
func (w *Window) showError(err error) {
	d := dialog.NewError(err, w.win)
	w.track(d)
	d.Show()
}

// showInfo shows a message in a dialog that Escape closes.
func (w *Window) showInfo(title, message string) {
	d := dialog.NewInformation(title, message, w.win)
	w.track(d)
	d.Show()
}

// bigDialogSize is how large list and file dialogs open: most of the window,
// so long addresses and folder names are readable.
func (w *Window) bigDialogSize(fraction float32) fyne.Size {
	s := w.win.Canvas().Size()
	return fyne.NewSize(s.Width*fraction, s.Height*fraction)
}
