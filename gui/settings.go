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

// buildSettingsRow is the worker counts and the folder.
func (w *Window) buildSettingsRow() fyne.CanvasObject {
	w.downloads = newNumberControl(engine.MinDownloadWorkers, engine.MaxDownloadWorkers,
		w.settings.downloads, w.onDownloadsChanged)
	w.saves = newNumberControl(engine.MinSaveWorkers, engine.MaxSaveWorkers,
		w.settings.saves, w.onSavesChanged)
	w.folderPath = widget.NewLabel(w.settings.folder)
	w.folderPath.Truncation = fyne.TextTruncateEllipsis
	w.chooseDir = widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), w.onChooseFolder)

	workers := container.NewHBox(
		labeled("Download workers", w.downloads, "pages fetched at once"),
		labeled("Save workers", w.saves, "files written at once"),
	)
	folder := container.NewBorder(nil, nil, widget.NewLabel("Folder:"), w.chooseDir, w.folderPath)
	return container.NewVBox(workers, folder)
}

// labeled is a setting's name and control, followed by a short hint.
func labeled(title string, control fyne.CanvasObject, help string) fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel(title), control, hint(help), widget.NewLabel(""))
}

// hint is small, quiet text that explains a control. It uses the
// placeholder colour: quieter than text, yet readable in both themes,
// which the disabled colour is not.
func hint(text string) fyne.CanvasObject {
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
	return c
}

// openEngine creates the engine with the remembered settings. When the
// remembered folder cannot be used (a disk unplugged, a folder removed)
// the default folder stands in for this session, and startupNote says why;
// the remembered choice is kept for next time.
func (w *Window) openEngine() {
	cfg := w.engineConfig()
	e, err := engine.New(cfg)
	if err != nil {
		first := err
		for _, dir := range []string{w.defaultFolder(), filepath.Join(os.TempDir(), "Pagekeeper")} {
			if dir == cfg.OutputDir {
				continue
			}
			cfg.OutputDir = dir
			if e, err = engine.New(cfg); err == nil {
				w.startupNote = fmt.Sprintf("Pagekeeper could not use the folder %s:\n%v\n\nPages will be kept in %s for now. Use Choose… to pick another folder.",
					w.settings.folder, first, dir)
				w.settings.folder = dir
				break
			}
		}
		if err != nil {
			w.startupNote = first.Error()
			return
		}
	}
	w.setEngine(e)
}

// setEngine makes e the window's engine and gives it a pump.
func (w *Window) setEngine(e *engine.Engine) {
	w.eng = e
	w.pump = newPump(e, w.opts.do, w.apply)
}

// applySettings hands changed settings to the engine before a run.
func (w *Window) applySettings() error {
	want := w.engineConfig()
	have := w.eng.Config()
	if have.OutputDir == want.OutputDir && have.DownloadWorkers == want.DownloadWorkers &&
		have.SaveWorkers == want.SaveWorkers {
		return nil
	}
	return w.eng.Reconfigure(want)
}

// onChooseFolder lets the person pick the folder the pages go to.
func (w *Window) onChooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if dir != nil {
			w.useFolder(dir.Path())
		}
	}, w.win)
	if loc, err := storage.ListerForURI(storage.NewFileURI(w.settings.folder)); err == nil {
		d.SetLocation(loc)
	}
	d.SetConfirmText("Use this folder")
	d.Resize(w.bigDialogSize(0.9))
	w.track(d)
	d.Show()
}

// useFolder switches to dir, refusing it with the engine's own words when
// it cannot be written to; nothing changes then.
func (w *Window) useFolder(dir string) {
	if w.phase.Busy() {
		w.showError(engine.ErrBusy)
		return
	}
	if w.eng == nil {
		cfg := w.engineConfig()
		cfg.OutputDir = dir
		e, err := engine.New(cfg)
		if err != nil {
			w.showError(err)
			return
		}
		w.setEngine(e)
		if w.running {
			w.pump.start(pumpInterval)
		}
	} else {
		cfg := w.engineConfig()
		cfg.OutputDir = dir
		if err := w.eng.Reconfigure(cfg); err != nil {
			w.showError(err)
			return
		}
	}
	w.rememberFolder(w.settings.folder)
	w.settings.folder = dir
	w.prefs.SetString(prefFolder, dir)
	setText(w.folderPath, dir)
	w.startupNote = ""
	w.refreshNow()
}
