// Package cli is Pagekeeper without a window: the same engine run from the
// command line, for scripts, servers and benchmarks. Both the desktop
// binary (with -headless) and the graphics-free pagekeeper-cli use it, with
// the same flags. It imports nothing from Fyne.
package cli

import (
	"errors"
	"flag"
	"fmt"

	"pagekeeper/engine"
)

// Options are the command-line settings of a run without a window.
type Options struct {
	Input       string
	Output      string
	Downloaders int
	Savers      int
	PerHost     int
	Format      string // "complete" or "served"
	KeepScripts bool
	WARC        bool // keep a web archive (WARC files)
	WACZ        bool // and pack it as a WACZ file
	Fresh       bool // start an empty list instead of the folder's
	NewCopy     bool // keep a new copy of addresses the folder already saved
}

// Register adds the options' flags to fs, with their defaults.
func (o *Options) Register(fs *flag.FlagSet) {
	fs.StringVar(&o.Input, "i", "", "list of addresses: text (one per line), CSV or a browser's bookmarks file; - for standard input; without -i the folder's own list goes on")
	fs.StringVar(&o.Output, "o", "", "folder to keep the pages in (required)")
	fs.IntVar(&o.Downloaders, "downloaders", 8, "download workers (1-64)")
	fs.IntVar(&o.Savers, "savers", 2, "save workers (1-16)")
	fs.IntVar(&o.PerHost, "per-host", 4, "requests at once to one site (1-16)")
	fs.StringVar(&o.Format, "format", "complete", "complete: one self-contained file per page; served: the page as the server sent it")
	fs.BoolVar(&o.KeepScripts, "keep-scripts", true, "keep the scripts of complete pages (they still cannot reach the network)")
	fs.BoolVar(&o.WARC, "warc", false, "also keep a web archive: every exchange in WARC files in FOLDER/archive")
	fs.BoolVar(&o.WACZ, "wacz", false, "also keep a web archive and pack it as FOLDER/<name>.wacz (opens in ReplayWeb.page)")
	fs.BoolVar(&o.Fresh, "fresh", false, "start with an empty list (the folder's saved pages stay)")
	fs.BoolVar(&o.NewCopy, "new-copy", false, "keep a new copy of addresses this folder already saved (its date in its name)")
}

// ExtraArgs says what is wrong with words left after the flags: the
// command line takes none, and a list named without -i would otherwise be
// ignored without a word. Empty when there are none.
func ExtraArgs(fs *flag.FlagSet) string {
	if fs.NArg() == 0 {
		return ""
	}
	return fmt.Sprintf("unexpected %q: give the list of addresses with -i FILE", fs.Arg(0))
}

func (o Options) config() (engine.Config, error) {
	if o.Downloaders < 1 || o.Savers < 1 || o.PerHost < 1 {
		return engine.Config{}, errors.New("-downloaders, -savers and -per-host must each be at least 1")
	}
	cfg := engine.Config{
		OutputDir: o.Output, DownloadWorkers: o.Downloaders,
		SaveWorkers: o.Savers, PerHost: o.PerHost, WARC: o.WARC, WACZ: o.WACZ, NewCopy: o.NewCopy,
	}
	switch o.Format {
	case "complete", "":
		cfg.Format = engine.Complete{KeepScripts: o.KeepScripts}
	case "served":
		cfg.Format = engine.AsServed{}
	default:
		return cfg, fmt.Errorf("-format must be complete or served (got %q)", o.Format)
	}
	return cfg, nil
}
