// Package cli is Pagekeeper without a window: the same engine run from the
// command line, for scripts, servers and benchmarks. Both the desktop
// binary (with -headless) and the graphics-free pagekeeper-cli use it, with
// the same flags. It imports nothing from Fyne.
package cli

import (
	"flag"

	"pagekeeper/engine"
)

// Options are the command-line settings of a run without a window.
type Options struct {
	Input       string
	Output      string
	Downloaders int
	Savers      int
	PerHost     int
}

// Register adds the options' flags to fs, with their defaults.
func (o *Options) Register(fs *flag.FlagSet) {
	fs.StringVar(&o.Input, "i", "-", "file of addresses, one per line (- for standard input)")
	fs.StringVar(&o.Output, "o", "", "folder to keep the pages in (required)")
	fs.IntVar(&o.Downloaders, "downloaders", 8, "download workers (1-64)")
	fs.IntVar(&o.Savers, "savers", 2, "save workers (1-16)")
	fs.IntVar(&o.PerHost, "per-host", 4, "requests at once to one site (1-16)")
}

func (o Options) config() engine.Config {
	return engine.Config{
		OutputDir: o.Output, DownloadWorkers: o.Downloaders,
		SaveWorkers: o.Savers, PerHost: o.PerHost,
	}
}
