package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is the app's theme with colours every text can be read in:
// Fyne's default green, orange, red and blue fail WCAG AA (4.5:1) as
// text on the light background ("Saved" green is 1.5:1) and some fail on
// the dark one, as does the placeholder grey used for hints. Everything
// else comes from base, so fonts, sizes and icons stay Fyne's.
type appTheme struct{ base fyne.Theme }

// Colours chosen for 4.5:1 or better as text on every background the
// window uses, and for 4.5:1 between a button's colour and its text;
// theme_test.go checks every pair.
var (
	lightText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNamePlaceHolder:         color.NRGBA{0x63, 0x63, 0x63, 0xff},
		theme.ColorNameSuccess:             color.NRGBA{0x1b, 0x6e, 0x2f, 0xff},
		theme.ColorNameWarning:             color.NRGBA{0x8f, 0x4d, 0x00, 0xff},
		theme.ColorNameError:               color.NRGBA{0xb7, 0x1c, 0x1c, 0xff},
		theme.ColorNamePrimary:             color.NRGBA{0x15, 0x56, 0xc0, 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{0x15, 0x56, 0xc0, 0xff},
		theme.ColorNameForegroundOnPrimary: color.White,
		theme.ColorNameForegroundOnSuccess: color.White,
		theme.ColorNameForegroundOnWarning: color.White,
		theme.ColorNameForegroundOnError:   color.White,
		theme.ColorNameSelection:           color.NRGBA{0xd2, 0xe3, 0xfc, 0xff},
		theme.ColorNameFocus:               color.NRGBA{0x15, 0x56, 0xc0, 0x50},
		// Outlines of tick boxes and entries: 3:1 against the background
		// (WCAG 1.4.11); Fyne's #e3e3e3 is 1.3:1, an unticked box hardly shows.
		theme.ColorNameInputBorder: color.NRGBA{0x8a, 0x8a, 0x8a, 0xff},
	}
	darkText = map[fyne.ThemeColorName]color.Color{
		theme.ColorNamePlaceHolder:         color.NRGBA{0xb0, 0xb0, 0xb0, 0xff},
		theme.ColorNameSuccess:             color.NRGBA{0x5c, 0xd6, 0x6f, 0xff},
		theme.ColorNameWarning:             color.NRGBA{0xff, 0xa7, 0x26, 0xff},
		theme.ColorNameError:               color.NRGBA{0xff, 0x8a, 0x80, 0xff},
		theme.ColorNamePrimary:             color.NRGBA{0x6e, 0xa8, 0xff, 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{0x6e, 0xa8, 0xff, 0xff},
		theme.ColorNameForegroundOnPrimary: color.NRGBA{0x10, 0x10, 0x12, 0xff},
		theme.ColorNameForegroundOnSuccess: color.NRGBA{0x10, 0x10, 0x12, 0xff},
		theme.ColorNameForegroundOnWarning: color.NRGBA{0x10, 0x10, 0x12, 0xff},
		theme.ColorNameForegroundOnError:   color.NRGBA{0x10, 0x10, 0x12, 0xff},
		theme.ColorNameSelection:           color.NRGBA{0x1f, 0x3a, 0x63, 0xff},
		theme.ColorNameFocus:               color.NRGBA{0x6e, 0xa8, 0xff, 0x60},
		theme.ColorNameInputBorder:         color.NRGBA{0x80, 0x80, 0x86, 0xff},
	}
)

// Color is base's colour, or a readable replacement for it.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	table := lightText
	if v == theme.VariantDark {
		table = darkText
	}
	if c, ok := table[n]; ok {
		return c
	}
	return t.base.Color(n, v)
}

// Font is base's font.
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon is base's icon.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size is base's size.
func (t appTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
