package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// mainLayout stacks the window's parts: the controls (in a scroller),
// the run's buttons and status, the table's bar, the table, the details
// pane and the footer. The
// controls get all the height they need when there is room; in a short
// window (a small screen, or a large scale) they scroll instead, so the
// table and the footer never leave the window and the window never needs
// to be taller than the screen. The table takes what is left.
type mainLayout struct{}

// Layout places the parts top to bottom.
func (mainLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	controls, run, bar, table, details, footer := objs[0], objs[1], objs[2], objs[3], objs[4], objs[5]
	pad := theme.Padding()
	fixed := run.MinSize().Height + bar.MinSize().Height + footer.MinSize().Height + table.MinSize().Height + 4*pad
	// The details pane gets the height it needs when there is room; in a
	// short window it takes the table's room down to half of it, and
	// scrolls, rather than make the window taller than the screen.
	dh := float32(0)
	if want, shown := detailsWant(details); shown {
		tableMin := table.MinSize().Height
		avail := size.Height - fixed + tableMin - controls.MinSize().Height - pad // table and details
		dh = min(want, max(avail-tableMin-pad, avail/2))
		fixed += dh + pad
	}
	want := controls.(*container.Scroll).Content.MinSize().Height
	ch := max(min(want, size.Height-fixed), controls.MinSize().Height)
	y := float32(0)
	place := func(o fyne.CanvasObject, h float32) {
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
	place(controls, ch)
	place(run, run.MinSize().Height)
	place(bar, bar.MinSize().Height)
	rest := size.Height - y - footer.MinSize().Height - pad
	if dh > 0 {
		place(table, max(rest-dh-pad, 0))
		place(details, dh)
	} else {
		place(table, max(rest, table.MinSize().Height))
		details.Resize(fyne.NewSize(size.Width, 0))
	}
	footer.Move(fyne.NewPos(0, size.Height-footer.MinSize().Height))
	footer.Resize(fyne.NewSize(size.Width, footer.MinSize().Height))
}

// detailsWant is the height the details pane (in its scroller) needs,
// and whether it is shown.
func detailsWant(o fyne.CanvasObject) (float32, bool) {
	content := o.(*container.Scroll).Content
	if !o.Visible() || !content.Visible() {
		return 0, false
	}
	return content.MinSize().Height, true
}

// MinSize is the widest part, and every part at its least height: the
// controls and the details pane then scroll.
func (mainLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	pad := theme.Padding()
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		switch i {
		case 0:
			m = o.(*container.Scroll).Content.MinSize()
			m.Height = min(m.Height, minControlsHeight)
		case 4:
			// The details pane shares the table's room: it never makes
			// the window taller.
			continue
		}
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height + pad
	}
	return s
}

// minControlsHeight is the least height the controls scroll in: the
// address box and its count line.
const minControlsHeight = 100

// lineLayout puts objects side by side at their own widths, except the
// one at grow, which takes the width left.
type lineLayout struct{ grow int }

// Layout places the objects left to right.
func (l *lineLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	used := float32(0)
	for i, o := range objs {
		if i != l.grow {
			used += o.MinSize().Width + pad
		}
	}
	x := float32(0)
	for i, o := range objs {
		w := o.MinSize().Width
		if i == l.grow {
			w = max(size.Width-used, 0)
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

// MinSize is every object at its least width, side by side.
func (l *lineLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// paneLayout puts the details pane's two columns side by side, the
// second at its own width, or one under the other in a narrow window
// (a large scale), where side by side would cut every value to "…".
// Like flowLayout it knows its width only once laid out, and lays the
// window out again when that changes its height.
type paneLayout struct {
	narrow   bool
	relayout func()
}

// minPaneLeft is the least width of the first column beside the second.
const minPaneLeft = 420

// Layout places the two columns.
func (p *paneLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left, right := objs[0], objs[1]
	rm := right.MinSize()
	narrow := size.Width-rm.Width-theme.Padding() < minPaneLeft
	if narrow {
		lh := left.MinSize().Height
		left.Move(fyne.NewPos(0, 0))
		left.Resize(fyne.NewSize(size.Width, lh))
		right.Move(fyne.NewPos(0, lh+theme.Padding()))
		right.Resize(fyne.NewSize(size.Width, rm.Height))
	} else {
		lw := size.Width - rm.Width - theme.Padding()
		left.Move(fyne.NewPos(0, 0))
		left.Resize(fyne.NewSize(lw, size.Height))
		right.Move(fyne.NewPos(lw+theme.Padding(), 0))
		right.Resize(fyne.NewSize(rm.Width, rm.Height))
	}
	if narrow != p.narrow {
		p.narrow = narrow
		if p.relayout != nil {
			p.relayout()
		}
	}
}

// MinSize is the columns side by side, or one under the other when the
// last width laid out was narrow.
func (p *paneLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	l, r := objs[0].MinSize(), objs[1].MinSize()
	if p.narrow {
		return fyne.NewSize(max(l.Width, r.Width), l.Height+r.Height+theme.Padding())
	}
	return fyne.NewSize(l.Width+r.Width+theme.Padding(), max(l.Height, r.Height))
}
