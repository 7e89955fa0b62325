package gui

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// fitScreen shrinks the window to the screen it opens on when the size
// remembered from last time does not fit: a size from a session at scale
// 1 is twice as large in pixels at scale 2. Fyne does not tell a window
// the size of its screen, so the primary monitor is asked through GLFW,
// which Fyne has set up by the time the app has started.
func (w *Window) fitScreen() {
	w.do(func() {
		m := glfw.GetPrimaryMonitor()
		if m == nil {
			return
		}
		mode := m.GetVideoMode()
		if mode == nil {
			return
		}
		size := fitToScreen(w.win.Canvas().Size(), mode.Width, mode.Height, w.win.Canvas().Scale())
		if size != w.win.Canvas().Size() {
			w.win.Resize(size)
			w.win.CenterOnScreen()
		}
	})
}

// screenShare is the most of a screen the window takes: room is left for
// panels, docks and the window's title bar.
const (
	screenShareWidth  = 0.95
	screenShareHeight = 0.88
)

// fitToScreen is size cut down to fit a screen of pxWidth×pxHeight pixels
// at scale (pixels per Fyne unit).
func fitToScreen(size fyne.Size, pxWidth, pxHeight int, scale float32) fyne.Size {
	if scale <= 0 || pxWidth <= 0 || pxHeight <= 0 {
		return size
	}
	maxW := float32(pxWidth) / scale * screenShareWidth
	maxH := float32(pxHeight) / scale * screenShareHeight
	return fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH))
}
