package gui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
)

// runEnded acts on the end of a run: the index may be there now, and a
// run that kept a web archive says where its package is.
func (w *Window) runEnded() {
	w.maybeCheckIndex(true)
	if w.eng == nil || !w.eng.Config().WACZ || w.problem != "" {
		return
	}
	folder := w.settings.folder
	path := engine.WACZPath(folder)
	w.background(func() {
		_, err := os.Stat(path)
		w.do(func() {
			if err != nil || folder != w.settings.folder || w.phase.Busy() {
				return
			}
			w.archive = path
			w.updateStatus()
			w.note("The web archive of this folder is " + path + ": open it in ReplayWeb.page.")
		})
	})
}

// buildProblemLine is the line under Start, Stop and Drain that says what
// went wrong with the list or the last run; it takes no room otherwise.
func (w *Window) buildProblemLine() fyne.CanvasObject {
	w.problemLine = widget.NewLabel("")
	w.problemLine.Wrapping = fyne.TextWrapWord
	w.problemLine.Importance = widget.WarningImportance
	w.problemLine.Hide()
	return w.problemLine
}

// problemText is what went wrong, in the engine's words: the list that
// cannot be written first, as it puts work at risk.
func (w *Window) problemText() string {
	var parts []string
	if w.listProblem != "" {
		parts = append(parts, "The list of this folder cannot be saved right now: "+w.listProblem+" Pagekeeper keeps trying.")
	}
	if w.problem != "" {
		parts = append(parts, w.problem)
	}
	return strings.Join(parts, "\n")
}

// updateProblem shows or hides the problem line.
func (w *Window) updateProblem() {
	s := w.problemText()
	setText(w.problemLine, s)
	if (s != "") != w.problemLine.Visible() {
		if s != "" {
			w.problemLine.Show()
		} else {
			w.problemLine.Hide()
		}
		w.layoutMain()
	}
}

// archiveText is what the status adds after a run that kept a web
// archive.
func (w *Window) archiveText() string {
	if w.archive == "" || w.phase.Busy() {
		return ""
	}
	return " · web archive in " + filepath.Base(w.archive)
}
