package gui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onShowRejects lists every line that was not added, with its number and
// the reason. A List only builds the rows on screen, so 10,000 rejects open
// as fast as ten.
func (w *Window) onShowRejects() {
	rejects := w.rejects // the list keeps this copy if w.rejects changes meanwhile
	if len(rejects) == 0 {
		return
	}
	list := widget.NewList(
		func() int { return len(rejects) },
		newRejectItem,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(rejects) {
				o.(*rejectItem).set(rejects[id])
			}
		},
	)
	list.HideSeparators = false
	intro := widget.NewLabel(fmt.Sprintf("%s Pagekeeper cannot take as %s; each says why. Correct a line in the box, or copy them all to correct them elsewhere and paste them back.",
		plural(len(rejects), "line", "lines"), map[bool]string{true: "it is", false: "they are"}[len(rejects) == 1]))
	intro.Wrapping = fyne.TextWrapWord
	copyAll := widget.NewButtonWithIcon("Copy the lines", theme.ContentCopyIcon(), func() {
		w.app.Clipboard().SetContent(rejectText(rejects))
	})
	content := container.NewBorder(intro, container.NewHBox(copyAll), nil, nil, list)
	d := dialog.NewCustom("Lines Pagekeeper cannot take", "Close", content, w.win)
	d.Resize(w.bigDialogSize(0.8))
	w.track(d)
	d.Show()
}

// rejectText is the rejected lines themselves, one per line, for the
// clipboard: corrected, they can be pasted straight back.
func rejectText(rs []rejectLine) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// rejectItem is one row of the reject list: "Line 12  example..com" over
// the reason.
type rejectItem struct {
	widget.BaseWidget
	line, text, reason *widget.Label
}

func newRejectItem() fyne.CanvasObject {
	r := &rejectItem{
		line:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		text:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
		reason: widget.NewLabel(""),
	}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.reason.Truncation = fyne.TextTruncateEllipsis
	r.reason.Importance = widget.WarningImportance
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the line over its reason.
func (r *rejectItem) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, r.line, nil, r.text)
	return widget.NewSimpleRenderer(container.NewVBox(top, r.reason))
}

func (r *rejectItem) set(l rejectLine) {
	setText(r.line, fmt.Sprintf("Line %s", count(l.Line)))
	setText(r.text, l.Text)
	setText(r.reason, l.Reason)
}
