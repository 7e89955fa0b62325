package gui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// onDropped adds the lists dropped on the window, as "Add from file…"
// does: each is read off the window's goroutine, and the person sees what
// it holds before it is added. Several files are asked about in turn.
func (w *Window) onDropped(_ fyne.Position, uris []fyne.URI) {
	var files []listFile
	for _, u := range uris {
		if u == nil {
			continue
		}
		files = append(files, listFile{name: u.Name(), open: uriOpener(u)})
	}
	if len(files) == 0 {
		return
	}
	if w.eng == nil {
		w.showError(errNoFolder)
		return
	}
	w.readLists(files...)
}

// uriOpener opens u each time it is called: a list is read once to be
// previewed and once more to be added.
func uriOpener(u fyne.URI) opener {
	return func() (io.ReadCloser, error) { return storage.Reader(u) }
}
