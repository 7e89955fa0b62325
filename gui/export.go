package gui

import (
	"errors"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/engine"
	"pagekeeper/engine/listfile"
)

// The choices of the export dialog.
const (
	exportFailedText = "The failed addresses"
	exportAllText    = "Every address, with its state"
	exportTextText   = "Text file: one address a line"
	exportCSVText    = "CSV table: address, state, saved file and message, for spreadsheets"
)

// exportChoice is what to export and how.
type exportChoice struct {
	failedOnly bool
	csv        bool
}

// fileName is the name the save dialog proposes.
func (c exportChoice) fileName() string {
	name := "Pagekeeper list"
	if c.failedOnly {
		name = "Pagekeeper failed addresses"
	}
	if c.csv {
		return name + ".csv"
	}
	return name + ".txt"
}

// onExport asks what to export, then where.
func (w *Window) onExport() {
	failed := w.totals.Counts[engine.Failed]
	what := widget.NewRadioGroup([]string{exportFailedText, exportAllText}, nil)
	what.Required = true
	if failed > 0 {
		what.SetSelected(exportFailedText)
	} else {
		what.SetSelected(exportAllText)
	}
	as := widget.NewRadioGroup([]string{exportTextText, exportCSVText}, nil)
	as.Required = true
	as.SetSelected(exportTextText)
	counts := widget.NewLabel(plural(failed, "failed address", "failed addresses") + " · " +
		plural(len(w.rows), "address", "addresses") + " in the list. Either file can be added again with “Add from file…”.")
	counts.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(
		widget.NewLabelWithStyle("Export", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), what,
		widget.NewLabelWithStyle("As", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), as,
		counts)
	d := dialog.NewCustomConfirm("Export the list", "Export…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		c := exportChoice{failedOnly: what.Selected == exportFailedText, csv: as.Selected == exportCSVText}
		rows := w.exportRows(c.failedOnly)
		if len(rows) == 0 {
			w.showError(errors.New("No address has failed: there is nothing to export. Choose every address instead."))
			return
		}
		w.chooseExportFile(c, rows)
	}, w.win)
	d.Resize(fyne.NewSize(min(560, w.win.Canvas().Size().Width*0.9), 0))
	w.track(d)
	d.Show()
}

// exportRows copies what the export writes from the rows as shown now:
// a value copy, so it can be written off the window's goroutine.
func (w *Window) exportRows(failedOnly bool) []listfile.ExportRow {
	rows := make([]listfile.ExportRow, 0, len(w.rows))
	for i := range w.rows {
		r := w.rows[i]
		if failedOnly && r.State != engine.Failed {
			continue
		}
		rows = append(rows, listfile.ExportRow{
			Address: r.URL, State: r.State.String(), SavedFile: r.SavedPath, Message: r.Message(w.snapTime),
		})
	}
	return rows
}

// chooseExportFile asks where to write the export.
func (w *Window) chooseExportFile(c exportChoice, rows []listfile.ExportRow) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(errors.New("The file could not be made there. Choose another folder or name."))
			return
		}
		if wc == nil {
			return // closed without choosing
		}
		uri := wc.URI()
		w.writeExport(wc, uri.Name(), c, rows, func() { storage.Delete(uri) })
	}, w.win)
	d.SetFileName(c.fileName())
	d.SetConfirmText("Export")
	d.SetTitleText("Export the list to a file")
	if loc, err := storage.ListerForURI(storage.NewFileURI(w.settings.folder)); err == nil {
		d.SetLocation(loc)
	}
	w.track(d)
	d.Show()
	// After Show: Fyne 2.8.1's file dialog crashes when resized before
	// it is shown.
	d.Resize(w.bigDialogSize(0.9))
}

// writeExport writes rows to wc off the window's goroutine, then says
// what was written to the file name, or that nothing was, in plain
// words; a file left half
// written is removed by discard.
func (w *Window) writeExport(wc io.WriteCloser, name string, c exportChoice, rows []listfile.ExportRow, discard func()) {
	w.note("Exporting " + plural(len(rows), "address", "addresses") + "…")
	w.background(func() {
		write := listfile.WriteText
		if c.csv {
			write = listfile.WriteCSV
		}
		err := write(wc, slices.Values(rows))
		if cerr := wc.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if err != nil && discard != nil {
			discard()
		}
		w.do(func() {
			if err != nil {
				w.note("")
				w.showError(errors.New("The list could not be written: check that the disk has room and that you may write in that folder, then export again."))
				return
			}
			w.note("Exported " + plural(len(rows), "address", "addresses") + " to " + name)
		})
	})
}
