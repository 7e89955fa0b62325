package gui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// Tooltips of the settings: what each number does and why it has limits.
const (
	tipDownloads = "How many pages are fetched at once, across all sites. More is faster for long lists of many sites."
	tipSaves     = "How many pages are written to disk at once. Two is plenty unless pages are very large."
	tipPerSite   = "The most pages Pagekeeper asks one site for at once. Fewer is polite, and some sites block visitors who ask for too much at once. With a list from one site, this is what sets the pace."
	tipFolder    = "Every page is kept in this folder, in a folder per site, with manifest.csv and index.html listing them."
)

// buildSettingsRow is the worker counts, the per-site limit and the
// folder. The folder row has room on its right for the page format and
// the web archive choices.
func (w *Window) buildSettingsRow() fyne.CanvasObject {
	w.downloads = newNumberControl(engine.MinDownloadWorkers, engine.MaxDownloadWorkers,
		w.settings.downloads, w.onDownloadsChanged)
	w.saves = newNumberControl(engine.MinSaveWorkers, engine.MaxSaveWorkers,
		w.settings.saves, w.onSavesChanged)
	w.perSite = newNumberControl(engine.MinPerSite, engine.MaxPerSite,
		w.settings.perSite, w.onPerSiteChanged)
	w.folderPath = widget.NewLabel(w.settings.folder)
	w.folderPath.Truncation = fyne.TextTruncateEllipsis
	w.chooseDir = newTipButton(w.tips, "Choose…", theme.FolderOpenIcon(), "Choose the folder the pages are kept in.", w.onChooseFolder)
	w.openFolder = newTipButton(w.tips, "Open folder", theme.FolderIcon(), "Show the folder in your file manager.", w.onOpenFolder)
	w.openIndex = newTipButton(w.tips, "Open index", theme.DocumentIcon(),
		"Open index.html, the page that lists every page kept in this folder, in your browser. It is there once a page has been saved.", w.onOpenIndex)
	w.openIndex.Disable()

	workers := w.flow(
		w.setting("Download workers", w.downloads, tipDownloads),
		w.setting("Save workers", w.saves, tipSaves),
		w.setting("Per site", w.perSite, tipPerSite),
	)
	folder := container.NewBorder(nil, nil, newTipArea(w.tips, widget.NewLabel("Folder:"), tipFolder),
		container.NewHBox(w.chooseDir, w.openFolder, w.openIndex), newTipArea(w.tips, w.folderPath, tipFolder))
	return container.NewVBox(workers, w.buildChoices(), folder)
}

// setting is a setting's name, with its tooltip, then its control.
func (w *Window) setting(title string, control fyne.CanvasObject, tip string) fyne.CanvasObject {
	return container.NewHBox(newTipArea(w.tips, widget.NewLabel(title), tip), control)
}

// hint is small, quiet text that explains a control. It uses the
// placeholder colour: quieter than text, yet readable in both themes
// (4.5:1, see theme.go), which the disabled colour is not.
func hint(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
		Inline:    true,
	}})
}

// engineConfig is the engine's configuration from the settings chosen.
func (w *Window) engineConfig() engine.Config {
	c := w.opts.config
	c.OutputDir = w.settings.folder
	c.DownloadWorkers = w.settings.downloads
	c.SaveWorkers = w.settings.saves
	c.PerHost = w.settings.perSite
	c.Format = w.settings.pageFormat()
	c.WACZ = w.settings.wacz
	c.NewCopy = w.settings.newCopy
	return c
}

// openEngine creates the engine with the remembered settings, off the
// window's goroutine: engine.New checks the folder on disk, and a sleeping
// USB or network disk must not freeze the window. When the remembered
// folder cannot be used (a disk unplugged, a folder removed) the default
// folder stands in for this session, and startupNote says why; the
// remembered choice is kept for next time.
func (w *Window) openEngine() {
	cfg := w.engineConfig()
	fallbacks := []string{w.defaultFolder(), filepath.Join(os.TempDir(), "Pagekeeper")}
	w.checking = true
	w.background(func() {
		e, err := engine.New(cfg)
		used, note := cfg.OutputDir, ""
		if err != nil {
			first := err
			for _, dir := range fallbacks {
				if dir == cfg.OutputDir {
					continue
				}
				c := cfg
				c.OutputDir = dir
				if e, err = engine.New(c); err == nil {
					used = dir
					note = fmt.Sprintf("%s\n\nPages will be kept in %s for now. Use Choose… to pick another folder.", first, dir)
					break
				}
			}
			if err != nil {
				note = first.Error()
			}
		}
		w.do(func() { w.engineOpened(e, used, note) })
	})
}

// engineOpened takes the engine made by openEngine, or says why there is
// none.
func (w *Window) engineOpened(e *engine.Engine, folder, note string) {
	w.checking = false
	w.startupNote = note
	if e == nil {
		w.refreshNow()
		w.showError(fmt.Errorf("%s\n\nUse Choose… to pick a folder Pagekeeper can write to.", note))
		return
	}
	w.settings.folder = folder
	setText(w.folderPath, folder)
	w.setEngine(e)
	w.refreshNow()
	if note != "" {
		w.showInfo("Using another folder", note)
	}
	w.checkIndex()
	w.tellNotice()
}

// tellNotice shows, once, what the engine has to say about the folder's
// list, such as a damaged list set aside.
func (w *Window) tellNotice() {
	if w.eng == nil {
		return
	}
	n := w.eng.Notice()
	if n == "" || w.noticesShown[n] {
		return
	}
	w.noticesShown[n] = true
	w.showInfo("About the list in this folder", n)
}

// setEngine makes e the window's engine and gives it a pump.
func (w *Window) setEngine(e *engine.Engine) {
	w.eng = e
	w.pump = newPump(e, w.do, w.apply)
	if w.running {
		w.pump.start(pumpInterval)
	}
}

// commitSettings settles numbers still being typed, so Start uses what
// the boxes show.
func (w *Window) commitSettings() {
	for _, n := range []*numberControl{w.downloads, w.saves, w.perSite} {
		n.commit()
	}
}

// withSettings hands changed settings to the engine, then runs next on
// the window's goroutine. Reconfigure checks the folder on disk, so it
// runs off the window's goroutine while the buttons wait.
func (w *Window) withSettings(next func()) {
	want := w.engineConfig()
	have := w.eng.Config()
	if have.OutputDir == want.OutputDir && have.DownloadWorkers == want.DownloadWorkers &&
		have.SaveWorkers == want.SaveWorkers && have.PerHost == want.PerHost &&
		have.Format == want.Format && have.WACZ == want.WACZ && have.NewCopy == want.NewCopy {
		next()
		return
	}
	w.checking = true
	w.refreshNow()
	eng := w.eng
	w.background(func() {
		err := eng.Reconfigure(want)
		w.do(func() {
			w.checking = false
			if err != nil {
				w.refreshNow()
				w.showError(err)
				return
			}
			next()
		})
	})
}

// onChooseFolder lets the person pick the folder the pages go to.
func (w *Window) onChooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			w.showError(fmt.Errorf("The folder could not be opened. Choose another folder."))
			return
		}
		if dir != nil {
			w.useFolder(dir.Path())
		}
	}, w.win)
	if loc, err := storage.ListerForURI(storage.NewFileURI(w.settings.folder)); err == nil {
		d.SetLocation(loc)
	}
	// Fyne would title the dialog with the button's words and "Folder"
	// ("Use this folder Folder"): it gets a title of its own.
	d.SetConfirmText("Use this folder")
	d.SetTitleText("Choose the folder to keep pages in")
	w.track(d)
	d.Show()
	// After Show: Fyne 2.8.1's file dialog crashes when resized before
	// it is shown.
	d.Resize(w.bigDialogSize(0.9))
}

// useFolder switches to dir once the engine has checked it, off the
// window's goroutine; a folder that cannot be written to is refused
// with the engine's own words, and nothing changes then.
func (w *Window) useFolder(dir string) {
	if w.phase.Busy() {
		w.showError(engine.ErrBusy)
		return
	}
	cfg := w.engineConfig()
	cfg.OutputDir = dir
	eng := w.eng
	w.checking = true
	w.refreshNow()
	w.background(func() {
		var fresh *engine.Engine
		var err error
		if eng == nil {
			fresh, err = engine.New(cfg)
		} else {
			err = eng.Reconfigure(cfg)
		}
		w.do(func() { w.folderChecked(dir, fresh, err) })
	})
}

// folderChecked finishes useFolder on the window's goroutine.
func (w *Window) folderChecked(dir string, fresh *engine.Engine, err error) {
	w.checking = false
	if err != nil {
		w.refreshNow()
		w.showError(err)
		return
	}
	if fresh != nil {
		w.setEngine(fresh)
	}
	// The engine now shows the new folder's own list; Snapshot.List
	// tells the table to replace its rows.
	w.settings.folder = dir
	w.archive = ""
	w.prefsOut.set(func(p fyne.Preferences) { p.SetString(prefFolder, dir) })
	setText(w.folderPath, dir)
	w.startupNote = ""
	w.refreshNow()
	w.checkIndex()
	w.tellNotice()
}
