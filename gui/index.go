package gui

import (
	"errors"
	"os"
	"path/filepath"

	"pagekeeper/engine"
)

// indexName is the page the engine writes in the output folder, listing
// every page kept there.
const indexName = "index.html"

// indexState is what the window knows of the folder's index.html, which
// Open index opens: it is looked for on disk off the window's goroutine
// when the folder changes, when pages are saved and when a run ends,
// until it is there.
type indexState struct {
	found    bool
	checking bool
	folder   string // the folder last looked in
	saved    int    // pages saved when last looked
}

// indexPath is where the output folder's index is.
func (w *Window) indexPath() string { return filepath.Join(w.settings.folder, indexName) }

// checkIndex looks for index.html off the window's goroutine, and enables
// Open index once it is there.
func (w *Window) checkIndex() {
	if w.eng == nil || w.indexFile.checking {
		return
	}
	folder, path := w.settings.folder, w.indexPath()
	if folder != w.indexFile.folder {
		w.indexFile.found = false
	}
	w.indexFile.checking, w.indexFile.folder, w.indexFile.saved = true, folder, w.totals.Counts[engine.Saved]
	w.background(func() {
		_, err := os.Stat(path)
		w.do(func() {
			w.indexFile.checking = false
			if folder != w.settings.folder {
				w.checkIndex() // the folder changed meanwhile
				return
			}
			w.indexFile.found = err == nil
			enable(w.openIndex, w.indexFile.found)
		})
	})
}

// maybeCheckIndex looks for the index again when it may have appeared:
// pages were saved, a run ended or the folder changed.
func (w *Window) maybeCheckIndex(runEnded bool) {
	if w.indexFile.found && w.indexFile.folder == w.settings.folder {
		return
	}
	if runEnded || w.indexFile.folder != w.settings.folder || w.totals.Counts[engine.Saved] != w.indexFile.saved {
		w.checkIndex()
	}
}

// onOpenIndex opens the folder's index.html in the browser. The index is
// looked for again first, off the window's goroutine: it may have been
// removed since.
func (w *Window) onOpenIndex() {
	path := w.indexPath()
	w.background(func() {
		_, err := os.Stat(path)
		w.do(func() {
			if err != nil {
				w.indexFile.found = false
				enable(w.openIndex, false)
				w.showError(errors.New("index.html is not in the folder (any more): it is written again when the next page is saved."))
				return
			}
			w.openPath(path, "the index")
		})
	})
}
