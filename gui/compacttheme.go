package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// compactTheme is the app's current theme with half the space inside
// widgets, for panes that must stay small. It asks the app for its theme
// on every call, so light, dark and custom themes still apply.
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Color is the app theme's colour.
func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

// Font is the app theme's font.
func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

// Icon is the app theme's icon.
func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

// Size is the app theme's size, with less padding inside widgets.
func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	if n == theme.SizeNameInnerPadding {
		return s / 2
	}
	return s
}
