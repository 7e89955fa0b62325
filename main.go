// Command pagekeeper keeps copies of web pages: paste addresses, press Start,
// and every page is saved into a folder that will still open years from now.
package main

import (
	"fyne.io/fyne/v2/app"

	"pagekeeper/gui"
	"pagekeeper/resources"
)

// appID must match FyneApp.toml, or preferences are stored under another name.
const appID = "com.pagekeeper.app"

func main() {
	a := app.NewWithID(appID)
	a.SetIcon(resources.Icon)
	w := gui.NewWindow(a)
	w.ShowAndRun()
}
