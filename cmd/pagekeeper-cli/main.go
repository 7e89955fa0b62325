// Command pagekeeper-cli is Pagekeeper without a window and without cgo:
// the same engine and flags as "pagekeeper -headless", for servers and
// NAS boxes that have no graphics libraries.
package main

import (
	"flag"
	"fmt"
	"os"

	"pagekeeper/appinfo"
	"pagekeeper/cli"
)

func main() {
	fs := flag.NewFlagSet("pagekeeper-cli", flag.ExitOnError)
	version := fs.Bool("version", false, "print the version and exit")
	var opts cli.Options
	opts.Register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: pagekeeper-cli [-version] -i FILE -o FOLDER [-downloaders N -savers M]")
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:])
	if why := cli.ExtraArgs(fs); why != "" {
		fmt.Fprintln(os.Stderr, "pagekeeper-cli:", why)
		os.Exit(cli.ExitBadInput)
	}
	if *version {
		fmt.Println(appinfo.VersionLine("pagekeeper-cli"))
		return
	}
	os.Exit(cli.Run(opts, os.Stdin, os.Stdout, os.Stderr))
}
