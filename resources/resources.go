// Package resources holds files bundled into the Pagekeeper binary, such as
// the application icon.
package resources

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:generate go run ./icongen -o icon.png

//go:embed icon.png
var iconPNG []byte

// Icon is the Pagekeeper application icon: a white page with a folded corner
// and an amber bookmark ribbon on a teal-to-blue rounded square. It is a
// 1024×1024 PNG drawn by the icongen command (run `go generate` in this
// folder to redraw it).
var Icon = &fyne.StaticResource{
	StaticName:    "icon.png",
	StaticContent: iconPNG,
}
