package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"pagekeeper/engine"
	"pagekeeper/engine/listfile"
)

// Exit codes.
const (
	ExitOK         = 0 // everything was kept
	ExitIncomplete = 1 // something failed, was canceled or is not listed in the manifest
	ExitBadInput   = 2 // the command line, the list or the folder cannot be used
	ExitQuit       = 130
)

// Run runs the engine over the addresses in opts.Input, printing one line
// per finished job and a summary. Ctrl-C, SIGTERM and SIGHUP stop the run
// cleanly (a second one quits at once). It returns the process exit code.
func Run(opts Options, stdin io.Reader, stdout, stderr io.Writer) int {
	// Signals first: a stop asked for while the folder is being opened
	// must still leave nothing half-written.
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(signals)
	return run(opts, stdin, stdout, stderr, signals)
}

func run(opts Options, stdin io.Reader, stdout, stderr io.Writer, signals <-chan os.Signal) int {
	if opts.Output == "" {
		fmt.Fprintln(stderr, "pagekeeper: -o FOLDER is required")
		return ExitBadInput
	}
	cfg, err := opts.config()
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	e, err := engine.New(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	defer func() {
		if err := e.Close(); err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
		}
	}()
	if n := e.Notice(); n != "" {
		fmt.Fprintln(stderr, "pagekeeper:", n)
	}
	if opts.Fresh {
		if err := e.Forget(); err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
			return ExitBadInput
		}
	}
	p := newPrinter(e, stdout) // only what ends from now on is printed
	if opts.Input != "" {
		added, err := addList(e, opts.Input, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "pagekeeper:", err)
			return ExitBadInput
		}
		for _, r := range added.Rejected {
			fmt.Fprintf(stderr, "line %d skipped: %s (%s)\n", r.Line, r.Reason, r.Text)
		}
	}
	if left := e.Snapshot().Totals; left.Counts[engine.Queued]+left.Counts[engine.Canceled] == 0 {
		if opts.Input == "" {
			fmt.Fprintln(stderr, "pagekeeper: nothing left to do in this folder's list; give addresses with -i")
			return ExitOK
		}
		fmt.Fprintln(stderr, "pagekeeper: no new addresses to keep")
		return ExitBadInput
	}

	start := time.Now()
	if err := e.Start(context.Background(), engine.FinishWhenDone()); err != nil {
		fmt.Fprintln(stderr, "pagekeeper:", err)
		return ExitBadInput
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	interrupted := false
	for done := false; !done; {
		select {
		case <-e.Done():
			done = true
		case <-tick.C:
			p.report()
		case <-signals:
			if interrupted {
				fmt.Fprintln(stderr, "pagekeeper: quitting at once")
				os.Exit(ExitQuit)
			}
			interrupted = true
			fmt.Fprintln(stderr, "pagekeeper: stopping (press Ctrl-C again to quit at once)")
			e.Stop()
		}
	}
	s := p.report()
	t := s.Totals
	if s.Problem != "" {
		fmt.Fprintln(stderr, "pagekeeper:", s.Problem)
		if t.Finished() == 0 {
			return ExitBadInput // the run could not start
		}
	}
	fmt.Fprintln(stdout, summary(t, time.Since(start)))
	if t.NotListed > 0 {
		fmt.Fprintf(stderr, "pagekeeper: %d saved pages are not listed in manifest.csv: check the disk\n", t.NotListed)
	}
	if t.Counts[engine.Failed] > 0 || t.Counts[engine.Canceled] > 0 || t.NotListed > 0 || s.Problem != "" {
		return ExitIncomplete
	}
	return ExitOK
}

// addList reads the list (a text, CSV or bookmarks file, or standard
// input for "-") entry by entry into e, never holding the whole file.
func addList(e *engine.Engine, name string, stdin io.Reader) (engine.AddResult, error) {
	var r io.Reader = stdin
	shown := "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return engine.AddResult{}, fmt.Errorf("cannot read the addresses: %s cannot be opened", name)
		}
		defer f.Close()
		r, shown = f, name
	}
	l, err := listfile.Open(r, shown)
	if err != nil {
		return engine.AddResult{}, err
	}
	ctx := context.Background()
	res, err := e.AddEntries(ctx, l.Entries(ctx))
	if err == nil {
		err = l.Err()
	}
	return res, err
}
