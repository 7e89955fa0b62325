// Package gui is Pagekeeper's window. It is the only package that imports Fyne.
package gui

import (
	"context"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/appinfo"
	"pagekeeper/engine"
)

// Window is the main Pagekeeper window and the widgets it holds.
type Window struct {
	app      fyne.App
	win      fyne.Window
	prefs    fyne.Preferences // read at start; written through prefsOut
	prefsOut *prefsWriter
	opts     options
	eng      *engine.Engine // nil until the folder is checked, or when none can be used
	pump     *pump

	// Settings as chosen; they reach the engine on Start.
	settings settings
	// startupNote explains a fallback folder until the first run starts.
	startupNote string
	// checking is set while a folder is checked off the window's goroutine.
	checking bool

	// The last snapshot applied, and the rows the table shows.
	model

	// The address box and what was last said about it.
	box       *pasteEntry
	count     *widget.Label
	showLink  *widget.Hyperlink
	countRow  *fyne.Container
	addButton *tipButton
	addFile   *tipButton
	rejects   []rejectLine // what the "show" link lists
	boxParsed boxCount     // the box's own live count
	suppress  bool         // the box is being set by us, not typed into
	reported  bool         // the count line reports an Add, not the box
	adding    bool         // a list file is being read and added
	lists     []listFile   // list files to read and ask about, the first under way

	// Settings rows.
	downloads, saves, perSite *numberControl
	folderPath                *widget.Label
	chooseDir                 *tipButton
	openFolder                *tipButton
	openIndex                 *tipButton
	indexFile                 indexState

	// What is kept of each page.
	format                     *tipSelect
	keepScripts, wacz, newCopy *tipCheck
	noticesShown               map[string]bool // engine notices already shown

	// Buttons and status.
	start, stop, drain *tipButton
	status             *widget.Label
	about              *tipButton
	// problem says what went wrong with the list or the last run, until
	// it is put right.
	problemLine *widget.Label
	// archive is the web archive package the last run left, "" when none.
	archive string

	// The table's bar, the table, its detail pane and the footer.
	filters       [numFilters]*widget.Button
	search        *widget.Entry
	notice        *widget.Label
	retryFailed   *tipButton
	clearFinished *tipButton
	export        *tipButton
	table         *table
	details       *details
	overall       *bar
	overallBox    *fyne.Container
	footer        *widget.Label
	chrome        chromeClock

	tips *tips
	main *fyne.Container // the window's parts, laid out by mainLayout

	// Closing.
	running      bool // ShowAndRun was called: the pump may run
	askingClose  bool // the close dialog is open
	quitWhenIdle bool
	hasQuit      bool
	shutdownOnce sync.Once
	shutdownDone chan struct{} // closed once shutdown has run
	closed       atomic.Bool   // no function may touch a widget any more
	cancelWork   context.CancelFunc
	workCtx      context.Context
	relayoutDue  bool
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
	// background runs slow work (the disk, list files) off the window's
	// goroutine: a goroutine in the app, inline in tests unless a test
	// holds the work back to look at the window meanwhile.
	background func(func())
	// prefs replaces a.Preferences().
	prefs fyne.Preferences
	// asyncPrefs writes settings on a goroutine of their own (the app);
	// tests write them at once.
	asyncPrefs bool
	// calm keeps Fyne from animating (see calm.go); the real app sets it.
	calm bool
}

// NewWindow builds the main window for a, with the settings remembered
// from last time.
func NewWindow(a fyne.App) *Window {
	return newWindow(a, options{calm: true, asyncPrefs: true})
}

// newWindow is NewWindow with test options. The pump goroutine is not
// started here: ShowAndRun starts it, and tests call w.pump.tick instead.
func newWindow(a fyne.App, opts options) *Window {
	if opts.do == nil {
		opts.do = fyne.Do
	}
	if opts.background == nil {
		opts.background = func(f func()) { go f() }
	}
	if opts.prefs == nil {
		opts.prefs = a.Preferences()
	}
	if opts.calm {
		a = calmApp(a)
	}
	a.Settings().SetTheme(appTheme{base: a.Settings().Theme()})
	w := &Window{app: a, win: a.NewWindow("Pagekeeper"), prefs: opts.prefs, opts: opts, noticesShown: map[string]bool{}, shutdownDone: make(chan struct{})}
	w.workCtx, w.cancelWork = context.WithCancel(context.Background())
	w.prefsOut = newPrefsWriter(w.prefs, opts.asyncPrefs)
	w.model.init()
	w.settings = loadSettings(w.prefs, w.defaultFolder(), w.defaultFormat())
	w.tips = newTips(w)
	w.build()
	w.win.Resize(w.settings.windowSize)
	w.win.SetCloseIntercept(w.onClose)
	w.win.SetOnDropped(w.onDropped)
	w.registerShortcuts()
	w.countBox("")
	w.say(w.boxText(), widget.MediumImportance)
	w.openEngine()
	w.refreshNow()
	return w
}

// ShowAndRun shows the window, starts the pump that feeds it progress and
// runs the app until it quits, however it quits.
func (w *Window) ShowAndRun() {
	w.running = true
	if w.pump != nil {
		w.pump.start(pumpInterval)
	}
	stopSignals := w.quitOnSignals()
	defer stopSignals()
	w.app.Lifecycle().SetOnStarted(w.fitScreen)
	// No OnStopped hook: Fyne 2.8.1 queues it as the loop ends and can
	// wait for it forever (a race with draining its queue), and the app
	// never exits. quit and shutdown stop everything that touches widgets.
	w.setQuitMenu()
	// The box is where every session begins: typing can start at once.
	w.win.Canvas().Focus(w.box)
	w.win.ShowAndRun()
	w.shutdown()
}

// do runs f on the window's goroutine, unless the window has closed: no
// widget is touched after that.
func (w *Window) do(f func()) {
	if w.closed.Load() {
		return
	}
	w.opts.do(func() {
		if !w.closed.Load() {
			f()
		}
	})
}

// layoutMain lays the window's parts out again after one was shown or
// hidden.
func (w *Window) layoutMain() {
	if w.main != nil {
		w.main.Refresh()
	}
}

// later runs f on the window's goroutine after the current event.
func (w *Window) later(f func()) { w.do(f) }

// background runs f off the window's goroutine.
func (w *Window) background(f func()) { w.opts.background(f) }

func (w *Window) build() {
	top := container.NewVBox(
		w.buildAddressArea(),
		w.buildSettingsRow(),
	)
	// Start, Stop, Drain and the status never scroll out of sight.
	run := container.NewVBox(widget.NewSeparator(), w.buildButtonRow(), w.buildProblemLine())
	w.table = newTable(w)
	w.details = newDetails(w)
	tableBar := container.NewVBox(w.buildTableBar())
	footer := container.NewVBox(widget.NewSeparator(), w.buildFooter())
	w.main = container.New(&mainLayout{}, container.NewVScroll(top), run, tableBar, w.table.root, container.NewVScroll(w.details.root), footer)
	w.win.SetContent(container.NewStack(w.main, w.tips.layer))
}

// buildAddressArea is the box for addresses, its count line and the Add
// buttons, in the order the keyboard visits them.
func (w *Window) buildAddressArea() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Paste web addresses, one per line", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

	w.box = newPasteEntry()
	w.box.SetPlaceHolder("For example:\nhttps://example.com/\nexample.org/about")
	w.box.SetMinRowsVisible(4)
	w.box.OnChanged = w.onBoxChanged
	w.box.onLargePaste = w.onLargePaste
	w.box.onSubmit = w.onShortcutStart

	w.count = widget.NewLabel("")
	w.count.Truncation = fyne.TextTruncateEllipsis
	w.showLink = widget.NewHyperlink("show", nil)
	w.showLink.OnTapped = w.onShowRejects
	w.showLink.Hide()
	w.addButton = newTipButton(w.tips, "Add to list", theme.ContentAddIcon(),
		"Move the addresses in the box into the list, without starting.", w.onAdd)
	w.addFile = newTipButton(w.tips, "Add from file…", theme.FolderOpenIcon(),
		"Add every address in a file: a text file, a CSV table, browser bookmarks or a saved web page.", w.onAddFile)

	w.countRow = container.New(&followLayout{label: w.count}, w.count, w.showLink)
	buttons := container.NewHBox(w.addButton, w.addFile)
	return container.NewVBox(title, w.box,
		container.New(&lineLayout{grow: 0}, w.countRow, buttons))
}

// buildButtonRow is Start, Stop, Drain and the status in words.
func (w *Window) buildButtonRow() fyne.CanvasObject {
	w.start = newTipButton(w.tips, "Start", theme.MediaPlayIcon(),
		"Download every queued address (Ctrl+Enter).", w.onStart)
	w.start.Importance = widget.HighImportance
	w.stop = newTipButton(w.tips, "Stop", theme.MediaStopIcon(),
		"Stop at once: downloads under way are dropped and can be started again.", w.onStop)
	w.drain = newTipButton(w.tips, "Drain", theme.MediaFastForwardIcon(),
		"Finish everything in the list, then stop. No new addresses are taken meanwhile.", w.onDrain)
	w.status = widget.NewLabelWithStyle("Ready", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.about = newTipButton(w.tips, "About", theme.InfoIcon(),
		"Pagekeeper "+appinfo.Version+": the version, the license and the project's address.", w.onAbout)
	w.about.Importance = widget.LowImportance
	left := container.NewHBox(w.start, w.stop, w.drain)
	return container.New(&lineLayout{grow: 1}, left, w.status, w.about)
}

// buildTableBar is the state filters with their counts, the search box,
// what the last table action did, and the list-wide actions.
func (w *Window) buildTableBar() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for f := range numFilters {
		b := widget.NewButton(filterNames[f], func() { w.onFilter(f) })
		w.filters[f] = b
		objs = append(objs, b)
	}
	w.search = widget.NewEntry()
	w.search.SetPlaceHolder("Search addresses")
	w.search.OnChanged = w.onSearch
	w.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	w.retryFailed = newTipButton(w.tips, "Retry failed", theme.ViewRefreshIcon(),
		"Queue every failed address again.", w.onRetryFailed)
	w.clearFinished = newTipButton(w.tips, "Clear finished", theme.ContentClearIcon(),
		"Take saved and skipped rows out of the list. Failed rows stay: they are work left to do. Saved files stay on disk.", w.onClearFinished)
	w.export = newTipButton(w.tips, "Export…", theme.DocumentSaveIcon(),
		"Write the failed addresses, or every address with its state, to a text or CSV file that can be added again later.", w.onExport)
	w.notice = widget.NewLabel("")
	w.notice.Truncation = fyne.TextTruncateEllipsis
	w.notice.Hide()
	searchBox := container.NewGridWrap(fyne.NewSize(220, w.search.MinSize().Height), w.search)
	objs = append(objs, searchBox, w.retryFailed, w.clearFinished, w.export)
	return container.NewVBox(w.flow(objs...), w.notice)
}

// buildFooter is the whole run's progress bar and summary line.
func (w *Window) buildFooter() fyne.CanvasObject {
	w.overall = newBar()
	w.footer = widget.NewLabel("")
	w.footer.Truncation = fyne.TextTruncateEllipsis
	w.overallBox = container.NewGridWrap(fyne.NewSize(200, w.footer.MinSize().Height), w.overall)
	return container.NewBorder(nil, nil, w.overallBox, nil, w.footer)
}

// onFilter shows only the rows under f.
func (w *Window) onFilter(f filter) {
	w.table.setFilter(f)
	w.updateFilters()
}

// onSearch shows only the rows that contain the text typed.
func (w *Window) onSearch(s string) {
	w.table.setSearch(foldSearch(s))
}

// note says what the last table action did, or nothing for "": the line
// takes no room while it has nothing to say.
func (w *Window) note(s string) {
	setText(w.notice, s)
	if (s != "") != w.notice.Visible() {
		if s != "" {
			w.notice.Show()
		} else {
			w.notice.Hide()
		}
		w.layoutMain()
	}
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
// it closes however that happens; then it runs after, if any. (A dialog
// has one OnClosed: set it only here.)
func (w *Window) track(d dialog.Dialog, after ...func()) {
	w.dialogs = append(w.dialogs, d)
	d.SetOnClosed(func() {
		for i, o := range w.dialogs {
			if o == d {
				w.dialogs = append(w.dialogs[:i], w.dialogs[i+1:]...)
				break
			}
		}
		for _, f := range after {
			f()
		}
	})
}

// closeDialog hides the dialog on top, if any.
func (w *Window) closeDialog() {
	if n := len(w.dialogs); n > 0 {
		w.dialogs[n-1].Dismiss()
	}
}

// showError shows err in a dialog that Escape closes; after, if any, runs
// once it is closed.
func (w *Window) showError(err error, after ...func()) {
	d := dialog.NewError(err, w.win)
	w.track(d, after...)
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
