package gui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipDelay is how long the pointer rests on a control before its tip
// shows, as in most desktops.
const tipDelay = 600 * time.Millisecond

// tips shows one tooltip at a time, drawn over the window's content
// (Fyne 2.8 has no tooltips). The tip is not a pop-up: pop-ups take the
// pointer, and the control under it would lose its hover at once.
type tips struct {
	w     *Window
	layer *fyne.Container // covers the window, holds only the tip
	box   *fyne.Container
	back  *canvas.Rectangle
	text  *widget.Label
	owner fyne.CanvasObject // the control the tip is for, or waiting for
	timer *time.Timer
}

func newTips(w *Window) *tips {
	t := &tips{w: w, back: canvas.NewRectangle(color.Transparent), text: widget.NewLabel("")}
	t.back.StrokeWidth = 1
	t.back.CornerRadius = 4
	t.text.Wrapping = fyne.TextWrapWord
	t.box = container.NewStack(t.back, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

// hover starts the wait for owner's tip.
func (t *tips) hover(owner fyne.CanvasObject, text string) {
	t.cancel()
	t.hide()
	if text == "" {
		return
	}
	t.owner = owner
	t.timer = time.AfterFunc(tipDelay, func() {
		t.w.do(func() {
			if t.owner == owner {
				t.show(owner, text)
			}
		})
	})
}

// leave hides owner's tip, or stops it coming.
func (t *tips) leave(owner fyne.CanvasObject) {
	if t.owner == owner {
		t.cancel()
		t.hide()
	}
}

func (t *tips) cancel() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
}

// show puts text under owner, inside the window.
func (t *tips) show(owner fyne.CanvasObject, text string) {
	t.owner = owner
	th := t.w.win.Canvas().Size()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	thm := t.text.Theme()
	t.back.FillColor = thm.Color(theme.ColorNameMenuBackground, v)
	t.back.StrokeColor = thm.Color(theme.ColorNameInputBorder, v)
	t.text.SetText(text)
	width := min(fyne.MeasureText(text, thm.Size(theme.SizeNameText), fyne.TextStyle{}).Width+
		2*thm.Size(theme.SizeNameInnerPadding)+2, 380, th.Width)
	t.text.Resize(fyne.NewSize(width, 0))
	size := fyne.NewSize(width, t.text.MinSize().Height)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(owner)
	at := pos.AddXY(0, owner.Size().Height+2)
	if at.Y+size.Height > th.Height {
		at.Y = pos.Y - size.Height - 2
	}
	at.X = max(0, min(at.X, th.Width-size.Width))
	at.Y = max(0, at.Y)
	t.box.Move(at)
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}

func (t *tips) hide() {
	t.owner = nil
	if t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh()
	}
}

// tipButton is a button with a tooltip, shown when the pointer rests on
// it or the keyboard focuses it.
type tipButton struct {
	widget.Button
	tips *tips
	tip  string
}

func newTipButton(t *tips, label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{tips: t, tip: tip}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn starts the wait for the tip.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.tips.hover(b, b.tip)
}

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.tips.leave(b)
}

// Tapped hides the tip before acting.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.tips.leave(b)
	b.Button.Tapped(ev)
}

// FocusGained shows the tip at once to a keyboard user.
func (b *tipButton) FocusGained() {
	b.Button.FocusGained()
	b.tips.show(b, b.tip)
}

// FocusLost hides the tip.
func (b *tipButton) FocusLost() {
	b.Button.FocusLost()
	b.tips.leave(b)
}

// tipArea gives any object that is not itself hoverable (a label, a
// hint) a tooltip.
type tipArea struct {
	widget.BaseWidget
	tips    *tips
	tip     string
	content fyne.CanvasObject
}

func newTipArea(t *tips, content fyne.CanvasObject, tip string) *tipArea {
	a := &tipArea{tips: t, tip: tip, content: content}
	a.ExtendBaseWidget(a)
	return a
}

// CreateRenderer shows the content.
func (a *tipArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(a.content) }

// MouseIn starts the wait for the tip.
func (a *tipArea) MouseIn(*desktop.MouseEvent) { a.tips.hover(a, a.tip) }

// MouseMoved is part of desktop.Hoverable.
func (a *tipArea) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (a *tipArea) MouseOut() { a.tips.leave(a) }
