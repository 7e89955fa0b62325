package gui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/appinfo"
)

// ShowAbout shows Pagekeeper's About box over w: the icon, the name and
// version (from FyneApp.toml, through appinfo), what the app is for, the
// project's address (a link that opens in the browser) and the license in
// full. It holds no state, so any menu item or button can call it.
func ShowAbout(a fyne.App, w fyne.Window) {
	newAboutDialog(a, w).Show()
}

// newAboutDialog is the About box, not shown yet.
func newAboutDialog(a fyne.App, w fyne.Window) dialog.Dialog {
	return dialog.NewCustom("About "+appinfo.Name, "Close", aboutContent(a), w)
}

// onAbout shows the About box; Escape closes it like the other dialogs.
func (w *Window) onAbout() {
	d := newAboutDialog(w.app, w.win)
	w.track(d)
	d.Show()
}

// aboutContent is the About box without its frame.
func aboutContent(a fyne.App) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(appinfo.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	version := widget.NewLabel("Version " + appinfo.Version)
	heading := container.NewVBox(name, version)
	if icon := a.Icon(); icon != nil {
		img := canvas.NewImageFromResource(icon)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(72, 72))
		heading = container.NewVBox(container.NewHBox(img, heading))
	}

	what := widget.NewLabel("Keeps copies of web pages on your computer, as files that still open years from now.")
	what.Wrapping = fyne.TextWrapWord

	var site fyne.CanvasObject = widget.NewLabel(appinfo.Website)
	if u, err := url.Parse(appinfo.Website); err == nil {
		site = widget.NewHyperlink(appinfo.Website, u)
	}

	licenseName := strings.TrimSpace(strings.SplitN(appinfo.License, "\n", 2)[0])
	terms := widget.NewLabel(reflow(appinfo.License))
	terms.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(terms)
	scroll.SetMinSize(fyne.NewSize(460, 180))

	return container.NewBorder(
		container.NewVBox(heading, what, site, widget.NewLabel("Free software under the "+licenseName+":")),
		nil, nil, nil, scroll)
}

// reflow joins the hard-wrapped lines of each paragraph of a license, so
// the text wraps to the width of the box instead of at 80 characters.
func reflow(text string) string {
	paragraphs := strings.Split(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), "\n\n")
	for i, p := range paragraphs {
		paragraphs[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paragraphs, "\n\n")
}
