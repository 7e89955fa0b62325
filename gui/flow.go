package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout lays its objects out left to right at their own sizes and
// starts a new line when one does not fit, so a row of controls stays
// whole in a narrow window. Fyne asks a layout's MinSize before its
// width is known, so the height is that of the last width laid out, and
// the window's content is laid out again when a new width changes it.
type flowLayout struct {
	width    float32 // the last width laid out; 0 before the first
	height   float32 // the height that width needs
	relayout func()  // lays the window out again after a height change
}

// Layout places the objects line by line.
func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := f.place(objs, size.Width, true)
	f.width = size.Width
	if h != f.height {
		f.height = h
		if f.relayout != nil {
			f.relayout()
		}
	}
}

// MinSize is the widest object, and the height of the lines at the last
// width laid out (one line before any).
func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := f.width
	if width <= 0 {
		width = 1 << 20
	}
	return fyne.NewSize(w, f.place(objs, width, false))
}

// place lays objs out in width, moving them when move is set, and
// returns the height used.
func (f *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, line := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y = 0, y+line+pad
			line = 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + pad
		line = max(line, m.Height)
	}
	return y + line
}

// flow is a container that wraps its objects onto lines and lays the
// window out again when that changes its height.
func (w *Window) flow(objs ...fyne.CanvasObject) *fyne.Container {
	return fyne.NewContainerWithLayout(&flowLayout{relayout: w.relayout}, objs...)
}

// relayout lays the whole window out again, once, after the current
// layout pass.
func (w *Window) relayout() {
	if w.relayoutDue {
		return
	}
	w.relayoutDue = true
	w.later(func() {
		w.relayoutDue = false
		if c := w.win.Content(); c != nil {
			c.Refresh()
		}
	})
}
