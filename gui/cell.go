package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// cell is one table cell. Fyne reuses cells across columns, so every cell
// can show any column's content: text, an icon with text, a bar, or an
// animated bar; showing one hides the others.
type cell struct {
	widget.BaseWidget
	text *widget.Label
	icon *widget.Icon
	bar  *widget.ProgressBar
	spin *widget.ProgressBarInfinite
	gen  uint64 // the table refresh that last drew this cell
}

func newCell() *cell {
	c := &cell{
		text: widget.NewLabel(""),
		icon: widget.NewIcon(nil),
		bar:  widget.NewProgressBar(),
		spin: widget.NewProgressBarInfinite(),
	}
	c.text.Truncation = fyne.TextTruncateEllipsis
	c.icon.Hide()
	c.bar.Hide()
	// Hidden before it is ever drawn, so a template cell never starts an
	// animation.
	c.spin.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer stacks the cell's possible contents.
func (c *cell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(
		container.NewBorder(nil, nil, c.icon, nil, c.text),
		container.NewPadded(c.bar),
		container.NewPadded(c.spin),
	))
}

// showText shows s alone, cut with an ellipsis when it does not fit.
func (c *cell) showText(s string, imp widget.Importance) {
	c.stopSpinning()
	hide(c.bar)
	hide(c.icon)
	c.setLabel(s, imp, fyne.TextTruncateEllipsis)
}

// showShort shows s alone in a column sized to fit its longest value.
// Truncating costs a text shaping pass on every change, which for numbers
// that change ten times a second is most of the table's redraw.
func (c *cell) showShort(s string, imp widget.Importance) {
	c.stopSpinning()
	hide(c.bar)
	hide(c.icon)
	c.setLabel(s, imp, fyne.TextTruncateOff)
}

// showState shows an icon before the text.
func (c *cell) showState(icon fyne.Resource, s string, imp widget.Importance) {
	c.stopSpinning()
	hide(c.bar)
	if c.icon.Resource != icon {
		c.icon.SetResource(icon)
	}
	show(c.icon)
	c.setLabel(s, imp, fyne.TextTruncateOff)
}

// showBar shows a bar filled to v (0 to 1).
func (c *cell) showBar(v float64) {
	c.stopSpinning()
	hide(c.icon)
	c.setLabel("", widget.MediumImportance, fyne.TextTruncateOff)
	if c.bar.Value != v {
		c.bar.SetValue(v)
	}
	show(c.bar)
}

// showSpinning shows the animated bar of a download of unknown length.
func (c *cell) showSpinning() {
	hide(c.bar)
	hide(c.icon)
	c.setLabel("", widget.MediumImportance, fyne.TextTruncateOff)
	if !c.spin.Visible() {
		c.spin.Show() // Show starts the animation
	} else {
		c.spin.Start()
	}
}

// stopSpinning stops and hides the animated bar. Hide alone would leave
// its animation running.
func (c *cell) stopSpinning() {
	if c.spin.Visible() || c.spin.Running() {
		c.spin.Stop()
		c.spin.Hide()
	}
}

func (c *cell) spinning() bool { return c.spin.Visible() && c.spin.Running() }

func (c *cell) setLabel(s string, imp widget.Importance, trunc fyne.TextTruncation) {
	if c.text.Text == s && c.text.Importance == imp && c.text.Truncation == trunc {
		return
	}
	c.text.Text = s
	c.text.Importance = imp
	c.text.Truncation = trunc
	c.text.Refresh()
}

func hide(o fyne.CanvasObject) {
	if o.Visible() {
		o.Hide()
	}
}

func show(o fyne.CanvasObject) {
	if !o.Visible() {
		o.Show()
	}
}
