// Command pagekeeper keeps copies of web pages: paste addresses, press Start,
// and every page is saved into a folder that will still open years from now.
// With -headless it runs the same engine from the command line (see package
// cli, which the graphics-free cmd/pagekeeper-cli shares).
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"pagekeeper/appinfo"
	"pagekeeper/cli"
	"pagekeeper/gui"
	"pagekeeper/resources"
)

func main() {
	fs := flag.NewFlagSet("pagekeeper", flag.ExitOnError)
	headless := fs.Bool("headless", false, "run without a window: pagekeeper -headless -i urls.txt -o DIR")
	version := fs.Bool("version", false, "print the version and exit")
	var opts cli.Options
	opts.Register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: pagekeeper [-version] [-headless -i FILE -o FOLDER -downloaders N -savers M]")
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:])
	if why := cli.ExtraArgs(fs); why != "" {
		fmt.Fprintln(os.Stderr, "pagekeeper:", why)
		os.Exit(cli.ExitBadInput)
	}
	if !*headless && (opts.Input != "" || opts.Output != "") {
		fmt.Fprintln(os.Stderr, "pagekeeper: -i and -o are for running without a window: add -headless")
		os.Exit(cli.ExitBadInput)
	}
	if *version {
		fmt.Println(appinfo.VersionLine("pagekeeper"))
		return
	}
	if *headless {
		os.Exit(cli.Run(opts, os.Stdin, os.Stdout, os.Stderr))
	}

	// The ID comes from FyneApp.toml (through appinfo): preferences are
	// stored under it, so it never changes.
	a := app.NewWithID(appinfo.ID)
	a.SetIcon(resources.Icon)
	w := gui.NewWindow(a)
	w.ShowAndRun()
}
