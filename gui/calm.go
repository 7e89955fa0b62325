package gui

import "fyne.io/fyne/v2"

// calmApp is a with animations turned off for the widgets it makes. Fyne
// 2.8 animates the text cursor forever while a box has the focus: it
// redraws the whole window about fifteen times a second with nothing
// changing, 0.1 of a core on a software-drawn screen, and blinking that
// never stops is what accessibility guidance (WCAG 2.2.2) asks to avoid.
// Without animations the cursor is drawn steady. The only other
// animations this window could show are a button's ripple on a click.
func calmApp(a fyne.App) fyne.App {
	c := &calm{App: a, settings: calmSettings{a.Settings()}}
	fyne.SetCurrentApp(c)
	return c
}

type calm struct {
	fyne.App
	settings calmSettings
}

// Settings are a's settings, without animations.
func (c *calm) Settings() fyne.Settings { return c.settings }

type calmSettings struct{ fyne.Settings }

// ShowAnimations is always false.
func (calmSettings) ShowAnimations() bool { return false }
