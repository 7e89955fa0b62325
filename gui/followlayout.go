package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// followLayout puts a link straight after a label's text ("2 lines not
// understood show") instead of at the far edge, and shortens the label
// with an ellipsis when both do not fit. Objects: the label, then the link.
type followLayout struct {
	label *widget.Label
}

// Layout places the label, then the link right after its text.
func (f *followLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, link := objs[0], objs[1]
	linkWidth := float32(0)
	if link.Visible() {
		linkWidth = link.MinSize().Width
	}
	// A label truncates at exactly its untruncated MinSize, so it gets a
	// little slack; the link then moves back over that slack.
	pad := theme.Padding()
	want := f.textWidth() + pad
	w := max(min(want, size.Width-linkWidth), 0)
	label.Move(fyne.NewPos(0, 0))
	label.Resize(fyne.NewSize(w, size.Height))
	link.Move(fyne.NewPos(max(w-2*pad, 0), 0))
	link.Resize(fyne.NewSize(linkWidth, size.Height))
}

// MinSize is the link plus an ellipsis' worth of label.
func (f *followLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := max(objs[0].MinSize().Height, objs[1].MinSize().Height)
	w := objs[0].MinSize().Width // just the ellipsis, as the label truncates
	if objs[1].Visible() {
		w += objs[1].MinSize().Width
	}
	return fyne.NewSize(w, h)
}

// textWidth is the width the label needs to show all its text, measured
// by a label of the same style that does not truncate.
func (f *followLayout) textWidth() float32 {
	l := widget.NewLabelWithStyle(f.label.Text, f.label.Alignment, f.label.TextStyle)
	l.SizeName = f.label.SizeName
	return l.MinSize().Width
}
