package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// bar is a still progress bar: a track, the part done in the primary
// colour, and no text on it. Fyne's bar writes its percentage in white
// across a pale track (unreadable), and its animated bar redraws the
// whole window sixty times a second; this one redraws only when its
// value moves by a whole percent.
type bar struct {
	widget.BaseWidget
	value float64 // 0 to 1
}

func newBar() *bar {
	b := &bar{}
	b.ExtendBaseWidget(b)
	return b
}

// set shows v (0 to 1), redrawing only for a visible change.
func (b *bar) set(v float64) {
	v = max(0, min(v, 1))
	if int(v*100) == int(b.value*100) && (v == 1) == (b.value == 1) {
		b.value = v
		return
	}
	b.value = v
	b.Refresh()
}

// CreateRenderer draws the track and the part done.
func (b *bar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, track: canvas.NewRectangle(color.Transparent), done: canvas.NewRectangle(color.Transparent)}
	r.applyTheme()
	return r
}

type barRenderer struct {
	b           *bar
	track, done *canvas.Rectangle
}

// barHeight is the bar's thickness; it sits centred in its space.
const barHeight = 8

func (r *barRenderer) Layout(size fyne.Size) {
	h := min(float32(barHeight), size.Height)
	y := (size.Height - h) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(size.Width, h))
	r.done.Move(fyne.NewPos(0, y))
	r.done.Resize(fyne.NewSize(size.Width*float32(r.b.value), h))
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(40, barHeight) }

func (r *barRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *barRenderer) applyTheme() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	r.track.CornerRadius = barHeight / 2
	r.done.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.done.CornerRadius = barHeight / 2
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.done} }

func (r *barRenderer) Destroy() {}
