// Command pagekeeper-cli is Pagekeeper without a window and without cgo:
// the same engine and flags as "pagekeeper -headless", for servers and
// NAS boxes that have no graphics libraries.
package main

import (
	"flag"
	"fmt"
	"os"

	"pagekeeper/cli"
)

func main() {
	fs := flag.NewFlagSet("pagekeeper-cli", flag.ExitOnError)
	var opts cli.Options
	opts.Register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: pagekeeper-cli -i FILE -o FOLDER [-downloaders N -savers M]")
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:])
	os.Exit(cli.Run(opts, os.Stdin, os.Stdout, os.Stderr))
}
