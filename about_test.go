package main

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pagekeeper/appinfo"
	"pagekeeper/gui"
	"pagekeeper/resources"
)

// iconApp is Fyne's test app, which has no icon, with ours.
type iconApp struct{ fyne.App }

func (iconApp) Icon() fyne.Resource { return resources.Icon }

// The About box says which version this is (the one in FyneApp.toml),
// where the project lives, and the license in full.
func TestAboutShowsVersionAddressAndLicense(t *testing.T) {
	a := iconApp{test.NewTempApp(t)}
	w := test.NewTempWindow(t, widget.NewLabel("the window"))
	w.Resize(fyne.NewSize(900, 700))
	gui.ShowAbout(a, w)

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("ShowAbout showed nothing")
	}
	var texts []string
	var link *widget.Hyperlink
	var icons int
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			texts = append(texts, o.Text)
		case *widget.Hyperlink:
			link = o
		case *canvas.Image:
			if o.Resource == resources.Icon {
				icons++
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{appinfo.Name, "Version " + appinfo.Version, "MIT License",
		"Permission is hereby granted, free of charge, to any person obtaining a copy of this software"} {
		if !strings.Contains(all, want) {
			t.Errorf("the About box does not say %q; it says:\n%s", want, all)
		}
	}
	if link == nil || link.URL == nil || link.URL.String() != appinfo.Website || link.Text != appinfo.Website {
		t.Errorf("the About box links to %+v, want %s", link, appinfo.Website)
	}
	if icons != 1 {
		t.Errorf("the About box shows the icon %d times", icons)
	}
}
