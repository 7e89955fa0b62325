package gui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"pagekeeper/engine"
)

// Preference keys. They are stored under the app ID, so renaming one
// forgets what people chose.
const (
	prefDownloadWorkers = "downloadWorkers"
	prefSaveWorkers     = "saveWorkers"
	prefPerSite         = "perSite"
	prefFolder          = "outputFolder"
	prefWindowWidth     = "windowWidth"
	prefWindowHeight    = "windowHeight"
	prefFormat          = "pageFormat" // formatComplete or formatServed
	prefKeepScripts     = "keepScripts"
	prefWACZ            = "webArchive"
	prefNewCopy         = "saveNewCopy"
)

// The page formats as preferences store them (engine Format names).
const (
	formatComplete = "complete"
	formatServed   = "served"
)

// Defaults for a first start.
const (
	defaultDownloadWorkers = 8
	defaultSaveWorkers     = 2
	defaultPerSite         = 4
	defaultWidth           = 1100
	defaultHeight          = 720
	// Smaller than this and the window cannot show its controls; a
	// remembered size below it came from a broken session.
	minWidth  = 480
	minHeight = 360
)

// settings are what a person chose, as remembered between runs.
type settings struct {
	downloads, saves, perSite int
	folder                    string
	windowSize                fyne.Size

	// What is kept of each page: the format, whether a complete page
	// keeps its scripts, a web archive beside the pages, and a new copy
	// of pages this folder already holds.
	format      string
	keepScripts bool
	wacz        bool
	newCopy     bool
}

// loadSettings reads the preferences once, each with a fallback, and
// clamps numbers into their limits so a damaged file cannot break a start.
// defaultFormat is the page format of a first start.
func loadSettings(p fyne.Preferences, defaultFolder, defaultFormat string) settings {
	s := settings{
		downloads: clamp(p.IntWithFallback(prefDownloadWorkers, defaultDownloadWorkers),
			engine.MinDownloadWorkers, engine.MaxDownloadWorkers),
		saves: clamp(p.IntWithFallback(prefSaveWorkers, defaultSaveWorkers),
			engine.MinSaveWorkers, engine.MaxSaveWorkers),
		perSite: clamp(p.IntWithFallback(prefPerSite, defaultPerSite),
			engine.MinPerSite, engine.MaxPerSite),
		folder: p.StringWithFallback(prefFolder, defaultFolder),
		windowSize: fyne.NewSize(
			float32(p.FloatWithFallback(prefWindowWidth, defaultWidth)),
			float32(p.FloatWithFallback(prefWindowHeight, defaultHeight))),
		format:      p.StringWithFallback(prefFormat, defaultFormat),
		keepScripts: p.BoolWithFallback(prefKeepScripts, true),
		wacz:        p.BoolWithFallback(prefWACZ, false),
		newCopy:     p.BoolWithFallback(prefNewCopy, false),
	}
	if s.format != formatComplete && s.format != formatServed {
		s.format = defaultFormat
	}
	if s.folder == "" {
		s.folder = defaultFolder
	}
	if s.windowSize.Width < minWidth || s.windowSize.Height < minHeight {
		s.windowSize = fyne.NewSize(defaultWidth, defaultHeight)
	}
	return s
}

// defaultFormat is the format of a first start: a complete page, unless
// the base configuration (tests) names another.
func (w *Window) defaultFormat() string {
	if _, ok := w.opts.config.Format.(engine.AsServed); ok {
		return formatServed
	}
	return formatComplete
}

// defaultFolder is "Pagekeeper" in the person's Documents folder, or in
// their home folder when there is no Documents folder.
func (w *Window) defaultFolder() string {
	if w.opts.config.OutputDir != "" {
		return w.opts.config.OutputDir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "Pagekeeper")
	}
	if info, err := os.Stat(filepath.Join(home, "Documents")); err == nil && info.IsDir() {
		return filepath.Join(home, "Documents", "Pagekeeper")
	}
	return filepath.Join(home, "Pagekeeper")
}

func (w *Window) onDownloadsChanged(v int) {
	w.settings.downloads = v
	w.prefsOut.set(func(p fyne.Preferences) { p.SetInt(prefDownloadWorkers, v) })
}

func (w *Window) onSavesChanged(v int) {
	w.settings.saves = v
	w.prefsOut.set(func(p fyne.Preferences) { p.SetInt(prefSaveWorkers, v) })
}

func (w *Window) onPerSiteChanged(v int) {
	w.settings.perSite = v
	w.prefsOut.set(func(p fyne.Preferences) { p.SetInt(prefPerSite, v) })
}

// saveWindowSize remembers the window's size for the next start.
func (w *Window) saveWindowSize() {
	s := w.win.Canvas().Size()
	if s.Width >= minWidth && s.Height >= minHeight {
		w.prefsOut.set(func(p fyne.Preferences) {
			p.SetFloat(prefWindowWidth, float64(s.Width))
			p.SetFloat(prefWindowHeight, float64(s.Height))
		})
	}
}
